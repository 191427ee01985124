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
 * A shared limit (see sharedLimiter) that refuses with RATE_LIMITED and a message a person
 * reads: for the writes one user may make per window (responses, drafts, cluster input), so
 * the limit holds across instances and under a concurrent burst.
 */
export class SharedLimit {
  private readonly limiter: RateLimiterPostgres;

  constructor(
    db: DataSource,
    private readonly options: SharedLimitOptions & { message: string },
  ) {
    this.limiter = sharedLimiter(db, options);
  }

  /** Spends one point of `key`, or refuses with RATE_LIMITED when they are spent. */
  async hit(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (error) {
      if (!isLimitReached(error)) throw error;
      throw new DomainError('RATE_LIMITED', this.options.message, { limit: this.options.name, key });
    }
  }
}
