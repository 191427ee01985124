import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared store of rate-limiter-flexible's RateLimiterPostgres: one row per limited key
 * (e.g. a login's account and address), so every instance counts against the same points
 * and a concurrent burst is counted atomically by one upsert. The library inserts
 * (key, points, expire) by position and `expire` is milliseconds since the epoch. `key` is
 * text rather than the library's varchar(255) because it holds e-mail addresses of up to
 * 320 characters.
 */
export class RateLimits1763900000020 implements MigrationInterface {
  name = 'RateLimits1763900000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "rate_limits" (
      "key" text NOT NULL,
      "points" integer NOT NULL DEFAULT 0,
      "expire" bigint,
      CONSTRAINT "PK_rate_limits" PRIMARY KEY ("key"))`);
    await q.query(`CREATE INDEX "IDX_rate_limits_expire" ON "rate_limits" ("expire")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "rate_limits"`);
  }
}
