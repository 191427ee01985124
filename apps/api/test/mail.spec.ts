import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { pollUntil } from './collab-client';
import { freePort } from '../src/database/embedded-database';
import { demo, startTestApp, TestApp } from './test-app';

describe('the outbox by e-mail (SMTP_URL)', () => {
  let smtp: SMTPServer;
  let app: TestApp;
  let db: Client;
  const received: Array<{ to: string[]; body: string }> = [];

  beforeAll(async () => {
    const port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).sort(), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, JOB_POLL_SECONDS: '1' });
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await app.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('mails approval requests to the people of each party once, and marks them sent', async () => {
    const token = await app.login(demo('sekretariat'));
    const [{ id }] = (await db.query('SELECT id FROM agreements')).rows;
    // The step before Godkendelse, as the process leaves it.
    await db.query(`UPDATE agreements SET phase = 'PROCESSING' WHERE id = $1`, [id]);
    const moved = await app.gql('mutation($i: SetAgreementPhaseInput!) { setAgreementPhase(input: $i) { phase } }', { i: { agreementId: id, phase: 'APPROVAL' } }, token);
    expect(moved.errors).toBeUndefined();
    await pollUntil(async () => received.length, (n) => n >= 2, 20_000);
    // Only the SSU and Gladsaxe have people with accounts in the demo.
    expect(received.map((m) => m.to).sort()).toEqual([['admin@aftalerum.test', 'sekretariat@aftalerum.test'], ['kommune.gladsaxe@aftalerum.test']]);
    // The subject is MIME-encoded (it has non-ASCII letters): words are joined by underscores.
    expect(received[0].body).toMatch(/Subject: .*Anmodning[ _]om[ _]godkendelse/);
    // Once the request job and every mail job it queued have ended, nothing more can be sent:
    // then exactly the two mails have arrived.
    const jobs = async () =>
      (await db.query<{ name: string; state: string }>(`SELECT name, state::text FROM pgboss.job WHERE name IN ('approval-request', 'outbox-mail') ORDER BY name`)).rows;
    const ended = (state: string) => ['completed', 'failed', 'cancelled'].includes(state);
    const states = await pollUntil(jobs, (rows) => rows.length >= 3 && rows.every((j) => ended(j.state)), 20_000);
    expect(states).toEqual([
      { name: 'approval-request', state: 'completed' },
      { name: 'outbox-mail', state: 'completed' },
      { name: 'outbox-mail', state: 'completed' },
    ]);
    expect(received).toHaveLength(2);
    // A mail job marks its notification sent after the server accepted the mail, before it completes.
    const sent = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'APPROVAL_REQUEST' AND sent_at IS NOT NULL`);
    expect(sent.rows[0].n).toBe(2);
  });
});
