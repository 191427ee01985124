import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accepting an invitation link creates the account pending: it is activated only with the
 * one-time code mailed to its address. One row per account so created: the code's hash (never
 * the code), when it expires, how many wrong tries it has had, the link (invitation and
 * nonce) it was accepted through, and whether it was confirmed or disabled (its link was
 * withdrawn before confirmation). Accounts without a row (created before this) count as
 * confirmed.
 */
export class InvitationCodes1763900000051 implements MigrationInterface {
  name = 'InvitationCodes1763900000051';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "invitation_acceptances" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "invitation_id" uuid NOT NULL,
      "nonce" text NOT NULL,
      "code_hash" text NOT NULL,
      "code_expires_at" timestamptz NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "confirmed_at" timestamptz,
      "disabled_at" timestamptz,
      CONSTRAINT "PK_invitation_acceptances" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_invitation_acceptances_user" UNIQUE ("user_id"),
      CONSTRAINT "CHK_invitation_acceptances_attempts" CHECK ("attempts" >= 0),
      CONSTRAINT "FK_invitation_acceptances_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_invitation_acceptances_invitation" FOREIGN KEY ("invitation_id") REFERENCES "hearing_invitations"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_invitation_acceptances_pending" ON "invitation_acceptances" ("invitation_id") WHERE "confirmed_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "invitation_acceptances"`);
  }
}
