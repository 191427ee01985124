import { DataSource } from 'typeorm';
import { DomainError } from '../src/common/domain-error';
import { SharedLimit, sharedLimiter } from '../src/common/rate-limiter';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createTestDatabase } from './test-database';

const outcome = (result: PromiseSettledResult<void>) => (result.status === 'fulfilled' ? 'ok' : (result.reason as DomainError).code);

describe('shared limits counted together in one statement', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let first: DataSource;
  let second: DataSource;
  const limit = (db: DataSource, name: string, points = 3) => new SharedLimit(db, { name, points, durationSeconds: 60, message: 'For mange på kort tid.' });

  beforeAll(async () => {
    database = await createTestDatabase();
    // Two pools on one database: two instances of the server.
    first = await new DataSource(dataSourceOptions(database.url, 4)).initialize();
    second = await new DataSource(dataSourceOptions(database.url, 4)).initialize();
  });
  afterAll(async () => {
    await first?.destroy();
    await second?.destroy();
    await database?.drop();
  });

  it('lets exactly the points through of a burst on one key, in the order the hits came, and refuses the rest with RATE_LIMITED', async () => {
    const shared = limit(first, 'burst');
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => shared.hit('organisation:a')));
    expect(results.map(outcome)).toEqual(['ok', 'ok', 'ok', ...Array(7).fill('RATE_LIMITED')]);
    const refusal = (results[3] as PromiseRejectedResult).reason as DomainError;
    expect(refusal.message).toBe('For mange på kort tid.');
  });

  it('counts each key of a mixed burst on its own', async () => {
    const shared = limit(first, 'mixed', 2);
    const keys = ['a', 'b', 'a', 'c', 'b', 'a', 'b', 'c'];
    const results = await Promise.allSettled(keys.map((key) => shared.hit(key)));
    expect(results.map(outcome)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED', 'ok']);
  });

  it('two instances bursting on one key together let exactly the points through', async () => {
    const a = limit(first, 'two-instances', 5);
    const b = limit(second, 'two-instances', 5);
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).hit('organisation:x')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(results.filter((r) => outcome(r) === 'RATE_LIMITED')).toHaveLength(7);
  });

  it('keeps the rows of rate-limiter-flexible: its limiter on the same name reads the points spent here', async () => {
    const shared = limit(first, 'compatible', 10);
    await shared.hit('k');
    await shared.hit('k');
    const library = sharedLimiter(first, { name: 'compatible', points: 10, durationSeconds: 60 });
    expect((await library.get('k'))?.consumedPoints).toBe(2);
    await library.consume('k');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => shared.hit('k')));
    expect(results.map(outcome)).toEqual([...Array(7).fill('ok'), 'RATE_LIMITED']);
  });

  it('starts a new window once the old one has expired', async () => {
    const shared = limit(first, 'expiring', 1);
    await shared.hit('k');
    await expect(shared.hit('k')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // The window ended a second ago (the row's expiry is in epoch milliseconds, as the library keeps it).
    await first.query(`UPDATE "rate_limits" SET "expire" = $1 WHERE "key" = 'expiring:k'`, [Date.now() - 1_000]);
    await expect(shared.hit('k')).resolves.toBeUndefined();
    await expect(shared.hit('k')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
