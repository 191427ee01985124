import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A locked version holds the accepted text only; the suggestions still pending when it was
 * locked are kept beside it (who suggested what, where), so nothing of them is lost and the
 * version's text stays what the parties agreed on.
 */
export class VersionPendingSuggestions1763900000091 implements MigrationInterface {
  name = 'VersionPendingSuggestions1763900000091';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agreement_versions" ADD COLUMN "pending_suggestions" jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`ALTER TABLE "agreement_versions" ADD CONSTRAINT "CHK_agreement_versions_pending_suggestions" CHECK (jsonb_typeof("pending_suggestions") = 'array')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agreement_versions" DROP CONSTRAINT "CHK_agreement_versions_pending_suggestions"`);
    await q.query(`ALTER TABLE "agreement_versions" DROP COLUMN "pending_suggestions"`);
  }
}
