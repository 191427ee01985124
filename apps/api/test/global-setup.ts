import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../src/database/embedded-database';
import { adminQuery } from './admin-db';

declare global {
  // Shared with global-teardown, which runs in the same process.
  var __AFTALERUM_EMBEDDED__: EmbeddedDatabase | undefined;
}

/**
 * Starts a real PostgreSQL for the run: the embedded one on a free port, or the server in
 * DATABASE_URL. The template database is migrated and seeded by the first test that needs
 * it (see test-database.ts): this process must not load the GraphQL-decorated entities,
 * whose metadata would leak into the test contexts.
 */
export default async function globalSetup(): Promise<void> {
  let admin = process.env.DATABASE_URL;
  if (!admin) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-test-'));
    const embedded = await startEmbeddedDatabase({ dataDir, port: 0, database: 'postgres' });
    globalThis.__AFTALERUM_EMBEDDED__ = embedded;
    admin = embedded.adminUrl;
  }
  const template = `aftalerum_template_${process.pid}`;
  process.env.AFTALERUM_TEST_ADMIN_URL = admin;
  process.env.AFTALERUM_TEST_TEMPLATE = template;
  // The application must never see the admin database as its own.
  delete process.env.DATABASE_URL;
  await adminQuery(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
}
