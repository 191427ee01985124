import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A one-row table that /health writes to: the only honest answer to "can the database take
 * writes?" (a full disk, a read-only replica or a read-only setting all pass `SELECT 1`).
 */
export class HealthProbe1763900000010 implements MigrationInterface {
  name = 'HealthProbe1763900000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "health_probe" (
      "id" smallint NOT NULL,
      "checked_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_health_probe" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_health_probe_one_row" CHECK ("id" = 1))`);
    await q.query(`INSERT INTO "health_probe" ("id") VALUES (1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "health_probe"`);
  }
}
