import DataLoader from 'dataloader';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { DomainError } from './domain-error';

/** The table of the migration RateLimits1763900000020 that every shared limiter counts in. */
export const SHARED_LIMITS_TABLE = 'rate_limits';

export interface SharedLimitOptions {
  /** Names the limit; stored keys are `${name}:${key}`. */
  name: string;
  points: number;
  durationSeconds: number;
  /** Delete rows expired over an hour ago every five minutes; one limiter per table is enough. */
  clearExpired?: boolean;
}

/**
 * A limit counted in PostgreSQL (rate-limiter-flexible's RateLimiterPostgres on TypeORM's pool):
 * every instance on the database shares the points, and each consume is one atomic upsert,
 * so a concurrent burst cannot slip past the limit. The table comes from a migration, never
 * from the library at run time.
 */
export function sharedLimiter(db: DataSource, options: SharedLimitOptions): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: db,
    storeType: 'typeorm',
    tableName: SHARED_LIMITS_TABLE,
    tableCreated: true,
    keyPrefix: options.name,
    points: options.points,
    duration: options.durationSeconds,
    clearExpiredByTimeout: options.clearExpired ?? false,
  });
}

/** A refusal by the store (the limit is reached), as opposed to a failing database. */
export const isLimitReached = (error: unknown): error is RateLimiterRes => error instanceof RateLimiterRes;

/**
 * Spends points of several keys in one statement: the same upsert as RateLimiterPostgres's
 * `consume` (the same rows, so both count together), one row per key. The keys are sorted so
 * that two instances' statements lock the rows in the same order.
 */
const CONSUME_MANY = `
  INSERT INTO "${SHARED_LIMITS_TABLE}" ("key", "points", "expire")
  SELECT t."key", t."points", $3::bigint FROM unnest($1::text[], $2::int[]) AS t("key", "points") ORDER BY t."key"
  ON CONFLICT ("key") DO UPDATE SET
    "points" = CASE WHEN "${SHARED_LIMITS_TABLE}"."expire" <= $4 THEN EXCLUDED."points" ELSE "${SHARED_LIMITS_TABLE}"."points" + EXCLUDED."points" END,
    "expire" = CASE WHEN "${SHARED_LIMITS_TABLE}"."expire" <= $4 THEN EXCLUDED."expire" ELSE "${SHARED_LIMITS_TABLE}"."expire" END
  RETURNING "key", "points"`;

/**
 * A shared limit, counted in the same rows as sharedLimiter's, that refuses with RATE_LIMITED
 * and a message a person reads: for the writes one user may make per window (responses, drafts, cluster input), so
 * the limit holds across instances and under a concurrent burst. The hits that arrive in the
 * same turn of the event loop (a burst of filings near a deadline) are counted in one
 * statement; within it the hits of one key are numbered in the order they came, so exactly as
 * many pass as there were points left.
 */
export class SharedLimit {
  private readonly hits: DataLoader<string, number>;

  constructor(
    private readonly db: DataSource,
    private readonly options: SharedLimitOptions & { message: string },
  ) {
    this.hits = new DataLoader<string, number>((keys) => this.consumeAll(keys), {
      cache: false,
      maxBatchSize: 500,
      batchScheduleFn: (dispatch) => setImmediate(dispatch),
    });
  }

  /** Spends one point of `key`, or refuses with RATE_LIMITED when they are spent. */
  async hit(key: string): Promise<void> {
    const consumed = await this.hits.load(`${this.options.name}:${key}`);
    if (consumed > this.options.points) {
      throw new DomainError('RATE_LIMITED', this.options.message, { limit: this.options.name, key });
    }
  }

  /** The points each hit has consumed of its key (its own included), in the order of `keys`. */
  private async consumeAll(keys: readonly string[]): Promise<number[]> {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    const now = Date.now();
    const rows = await this.db.query<Array<{ key: string; points: number }>>(CONSUME_MANY, [
      [...counts.keys()],
      [...counts.values()],
      now + this.options.durationSeconds * 1000,
      now,
    ]);
    // Points of each key before this batch, then one more for each hit in turn.
    const before = new Map(rows.map((row) => [row.key, row.points - (counts.get(row.key) ?? 0)]));
    return keys.map((key) => {
      const points = (before.get(key) ?? 0) + 1;
      before.set(key, points);
      return points;
    });
  }
}
