import { adminQuery } from './admin-db';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.AFTALERUM_TEST_TEMPLATE;
  if (template) await adminQuery(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => undefined);
  await globalThis.__AFTALERUM_EMBEDDED__?.stop();
}
