import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The demo's seeding, as it goes: one row, written in the seed's first transaction with the step
 * it is at, moved on with each step and marked complete by the last one. A start that finds the
 * row not complete knows the demo is half-built (an earlier seeding stopped) and says so, instead
 * of taking the users it finds for a finished demo. No row: no demo was seeded by this version.
 */
export class DemoSeedingMarker1763900000094 implements MigrationInterface {
  name = 'DemoSeedingMarker1763900000094';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "demo_seeding" (
        "id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
        "step" text NOT NULL CHECK (length("step") BETWEEN 1 AND 200),
        "started_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        "completed_at" timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "demo_seeding"`);
  }
}
