import { Client } from 'pg';

// Kept free of application imports: global setup loads this file outside the test contexts,
// and the GraphQL-decorated entities must not be loaded there.

/** Connection string of the server the tests may create databases on (set by global setup). */
export function adminUrl(): string {
  const url = process.env.AFTALERUM_TEST_ADMIN_URL;
  if (!url) throw new Error('AFTALERUM_TEST_ADMIN_URL is not set: run the tests through jest (global setup).');
  return url;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const adminQuery = (sql: string): Promise<void> => withAdmin(async (client) => void (await client.query(sql)));
