import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the last analysis of a hearing was computed from: a SHA-256 of the responses' and
 * comments' ids and texts. A run that finds the same input keeps the campaigns and themes as
 * they are (their ids too), instead of computing the same result again under new ids.
 */
export class AnalysisInputDigest1763900000095 implements MigrationInterface {
  name = 'AnalysisInputDigest1763900000095';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hearing_analyses" ADD "input_digest" text CHECK (length("input_digest") = 64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hearing_analyses" DROP COLUMN "input_digest"`);
  }
}
