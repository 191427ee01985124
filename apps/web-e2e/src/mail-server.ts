import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/** Where the e2e run's mail server keeps what it receives: one JSON file per message. */
export const MAIL_DIR = path.resolve(__dirname, '../../../tmp/e2e-mail');
/** The port of that server: the platform's SMTP_URL points at it (playwright.config.ts). */
export const mailPort = () => Number(process.env.E2E_PORT ?? 4310) + 2;

/**
 * Playwright's global setup: a local SMTP server for the whole run, so that mail the platform
 * sends (invitation codes, approval requests) is delivered and a test can read it.
 */
// eslint-disable-next-line no-restricted-syntax -- Playwright loads globalSetup by its default export.
export default async function startMailServer(): Promise<() => Promise<void>> {
  await rm(MAIL_DIR, { recursive: true, force: true });
  await mkdir(MAIL_DIR, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        void writeFile(path.join(MAIL_DIR, `${String(++n).padStart(5, '0')}.json`), JSON.stringify({ to, body })).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(mailPort(), '127.0.0.1', resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
