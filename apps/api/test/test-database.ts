import { randomBytes } from 'node:crypto';
import { seedDemo } from '../src/demo/demo-data';
import { startServer } from '../src/server';
import { adminQuery, adminUrl, withAdmin, withDatabase } from './admin-db';

const READY = 'aftalerum template ready';
const TEMPLATE_LOCK = 7_240_001;

/** Migrates and seeds the run's template database once, whichever test worker comes first. */
async function ensureTemplate(template: string): Promise<void> {
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const state = await client.query<{ comment: string | null }>(
        `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
        [template],
      );
      if (state.rows[0]?.comment === READY) return;
      if (state.rowCount) await client.query(`DROP DATABASE "${template}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${template}"`);
      const url = withDatabase(adminUrl(), template);
      // The platform migrates the template, and its services seed it, as on a new installation.
      // Imported here: test-app.ts imports this file.
      const { testServerConfig } = await import('./test-app');
      const server = await startServer(await testServerConfig(url, { DEMO_DATA: 'false' }));
      try {
        // The fixture the specs edit and extend: Hovedstaden's agreement still in drafting (demo-data.ts, DemoOptions).
        await seedDemo(server.app, undefined, { replay: false });
      } finally {
        await server.close();
      }
      await client.query(`COMMENT ON DATABASE "${template}" IS '${READY}'`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

/**
 * A fresh database for one test file, cloned from the migrated and demo-seeded template;
 * dropped again by `drop()`.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = process.env.AFTALERUM_TEST_TEMPLATE ?? '';
  await ensureTemplate(template);
  const name = `aftalerum_t_${randomBytes(6).toString('hex')}`;
  // Cloning needs the template to be free of sessions; retry while another clone is running
  // (on a loaded machine a clone can take a while, so the limit is a deadline, not a count).
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (error) {
      if (Date.now() > deadline || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url: withDatabase(adminUrl(), name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
