import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/app-config';
import { RunningServer, startServer } from '../src/server';
import { adminQuery, adminUrl, withDatabase } from './admin-db';
import { createTestDatabase } from './test-database';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Tests read arbitrary response shapes; each asserts the shape it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyData = Record<string, any>;

export interface TestApp {
  server: RunningServer;
  url: string;
  databaseUrl: string;
  gql<T = AnyData>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

/** Sends one GraphQL request over real HTTP. */
export async function graphql<T>(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

/** The platform's configuration for a test server on `databaseUrl`, in its own DATA_DIR. */
export async function testServerConfig(databaseUrl: string, env: Record<string, string>) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-app-'));
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    ...env,
  });
}

/** A second instance of the platform on the test app's database (limits and events that must hold across instances). */
export async function startSecondInstance(app: TestApp, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(await testServerConfig(app.databaseUrl, env));
}

/**
 * The real platform on a free port, on its own fresh copy of the migrated and seeded
 * database.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = await testServerConfig(database.url, env);
  const server = await startServer(config);
  const app: TestApp = {
    server,
    url: server.url,
    databaseUrl: database.url,
    gql: (query, variables, token) => graphql(server.url, query, variables, token),
    async login(email, password = 'demo1234') {
      const result = await app.gql<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: password },
      );
      if (!result.data?.login) throw new Error(`Login as ${email} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
    async close() {
      await server.close();
      await database.drop();
    },
  };
  return app;
}

/**
 * The platform as a visitor first meets it: a new, empty database that the server migrates and
 * seeds with the whole demo (DEMO_DATA=true) itself, the way `npm start` does.
 */
export async function startDemoApp(): Promise<TestApp> {
  const name = `aftalerum_demo_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl(), name);
  const server = await startServer(await testServerConfig(url, { DEMO_DATA: 'true' }));
  const app: TestApp = {
    server,
    url: server.url,
    databaseUrl: url,
    gql: (query, variables, token) => graphql(server.url, query, variables, token),
    login: async (email, password = 'demo1234') => {
      const result = await app.gql<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
      if (!result.data?.login) throw new Error(`Login as ${email} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
    async close() {
      await server.close();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
  return app;
}

export const demo = (local: string) => `${local}@aftalerum.test`;
