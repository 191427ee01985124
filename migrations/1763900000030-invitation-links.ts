import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitation links that can die: each invitation carries a nonce that is part of its signed
 * link (a re-issue changes it, so the old link stops working) and may be withdrawn by the
 * secretariat. An account created through a link is bound to that one hearing.
 */
export class InvitationLinks1763900000030 implements MigrationInterface {
  name = 'InvitationLinks1763900000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hearing_invitations"
      ADD COLUMN "nonce" text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', ''),
      ADD COLUMN "issued_at" timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN "withdrawn_at" timestamptz,
      ADD COLUMN "withdrawn_by" uuid,
      ADD CONSTRAINT "FK_hearing_invitations_withdrawn_by" FOREIGN KEY ("withdrawn_by") REFERENCES "users"("id") ON DELETE SET NULL`);
    await q.query(`ALTER TABLE "users"
      ADD COLUMN "hearing_id" uuid,
      ADD CONSTRAINT "FK_users_hearing" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE,
      ADD CONSTRAINT "CHK_users_hearing_role" CHECK ("hearing_id" IS NULL OR "role" = 'ORGANISATION')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_hearing_role", DROP CONSTRAINT "FK_users_hearing", DROP COLUMN "hearing_id"`);
    await q.query(`ALTER TABLE "hearing_invitations" DROP CONSTRAINT "FK_hearing_invitations_withdrawn_by",
      DROP COLUMN "withdrawn_by", DROP COLUMN "withdrawn_at", DROP COLUMN "issued_at", DROP COLUMN "nonce"`);
  }
}
