import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { seedDemo } from '../src/demo/demo-data';
import { RunningServer, startServer } from '../src/server';
import { adminQuery, adminUrl, withDatabase } from './admin-db';
import { createTestDatabase } from './test-database';
import { testServerConfig } from './test-app';

describe('a demo whose seeding stopped part-way', () => {
  const servers: RunningServer[] = [];
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const drop of drops) await drop();
  });

  it('is told apart from a finished demo on the next start, with what to do in the log', async () => {
    const name = `aftalerum_restart_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = withDatabase(adminUrl(), name);
    drops.push(() => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    const first = await startServer(await testServerConfig(url, { DEMO_DATA: 'false' }));
    servers.push(first);
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      // A real failure after the seed's first transaction: the database refuses the first approval.
      await db.query(`CREATE FUNCTION refuse_approval() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'approvals refused'; END $$`);
      await db.query(`CREATE TRIGGER refuse_approval BEFORE INSERT ON approvals FOR EACH ROW EXECUTE FUNCTION refuse_approval()`);
      await expect(seedDemo(first.app)).rejects.toThrow(/approvals refused/);
      const users = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      expect(users.rows[0].n).toBeGreaterThan(0);
      const marker = await db.query('SELECT step, completed_at FROM demo_seeding');
      expect(marker.rows).toEqual([{ step: 'approvals', completed_at: null }]);
      await db.query('DROP TRIGGER refuse_approval ON approvals');

      // The next start finds users, but no finished seeding: it says so, and what to do.
      await expect(seedDemo(first.app)).resolves.toMatchObject({ incomplete: true, step: 'approvals' });
      const written: string[] = [];
      const write = process.stdout.write.bind(process.stdout);
      const writeErr = process.stderr.write.bind(process.stderr);
      const record = (original: typeof write) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof write;
      process.stdout.write = record(write);
      process.stderr.write = record(writeErr);
      try {
        servers.push(await startServer(await testServerConfig(url, { DEMO_DATA: 'true', LOG_LEVEL: 'error' })));
      } finally {
        process.stdout.write = write;
        process.stderr.write = writeErr;
      }
      expect(written.join('')).toMatch(/The demo data is half-built: .* stopped at the step "approvals" .* drop and create again the database in DATABASE_URL, and start again/);
    } finally {
      await db.end();
    }
  });

  it('leaves a finished demo alone: its marker is complete and the next seeding does nothing', async () => {
    const database = await createTestDatabase();
    drops.push(database.drop);
    const server = await startServer(await testServerConfig(database.url, { DEMO_DATA: 'false' }));
    servers.push(server);
    await expect(seedDemo(server.app)).resolves.toBeNull();
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const marker = await db.query<{ step: string; completed: boolean }>('SELECT step, completed_at IS NOT NULL AS completed FROM demo_seeding');
      expect(marker.rows).toEqual([{ step: 'complete', completed: true }]);
    } finally {
      await db.end();
    }
  });
});
