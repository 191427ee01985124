import { startEmbeddedDatabase } from './embedded-database';

/**
 * Runs the embedded PostgreSQL on its own (used by fault tests and the cluster launcher):
 * `node embedded-cli.js <dataDir> <port>`; prints `READY <url> <adminUrl>` and stops cleanly on
 * SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) {
    console.error('usage: embedded-cli <dataDir> <port>');
    process.exit(2);
  }
  const db = await startEmbeddedDatabase({ dataDir, port: Number(port), database: 'aftalerum' });
  console.log(`READY ${db.url} ${db.adminUrl}`);
  const stop = async () => {
    await db.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

void main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
