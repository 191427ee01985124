import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The road to the effective date: milestones, the approvals of the SSU, the regional council
 * and every municipality, the final (locked) version, and the notification outbox.
 */
export class Timeline1763900000005 implements MigrationInterface {
  name = 'Timeline1763900000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "milestones" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "agreement_id" uuid NOT NULL,
      "title" text NOT NULL,
      "kind" text NOT NULL,
      "date" date NOT NULL,
      "phase" text,
      "description" text,
      "link_type" text,
      "link_id" uuid,
      "done" boolean NOT NULL DEFAULT false,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_milestones" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_milestones_kind" CHECK ("kind" IN ('MEETING','DEADLINE','DECISION','SUBMISSION')),
      CONSTRAINT "CHK_milestones_link" CHECK ("link_type" IS NULL OR "link_type" IN ('INPUT_ROUND','VERSION','HEARING')),
      CONSTRAINT "FK_milestones_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_milestones_agreement_date" ON "milestones" ("agreement_id", "date")`);
    await q.query(`CREATE TABLE "approvals" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "agreement_id" uuid NOT NULL,
      "organisation_id" uuid NOT NULL,
      "decision" text NOT NULL,
      "decided_at" date NOT NULL,
      "meeting_reference" text,
      "note" text,
      "document_id" uuid,
      "recorded_by" uuid NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_approvals" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_approvals_party" UNIQUE ("agreement_id", "organisation_id"),
      CONSTRAINT "CHK_approvals_decision" CHECK ("decision" IN ('APPROVED','REJECTED')),
      CONSTRAINT "FK_approvals_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_approvals_org" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_approvals_document" FOREIGN KEY ("document_id") REFERENCES "attachments"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_approvals_user" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT)`);
    await q.query(`ALTER TABLE "agreements" ADD "final_version_id" uuid`);
    await q.query(`ALTER TABLE "agreements" ADD CONSTRAINT "FK_agreements_final_version" FOREIGN KEY ("final_version_id") REFERENCES "agreement_versions"("id") ON DELETE RESTRICT`);
    await q.query(`CREATE TABLE "notifications" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "dedupe_key" text NOT NULL,
      "agreement_id" uuid,
      "organisation_id" uuid,
      "kind" text NOT NULL,
      "subject" text NOT NULL,
      "body" text NOT NULL,
      "recipients" text[] NOT NULL DEFAULT '{}',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "sent_at" timestamptz,
      "send_error" text,
      CONSTRAINT "PK_notifications" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_notifications_dedupe" UNIQUE ("dedupe_key"),
      CONSTRAINT "FK_notifications_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_notifications_org" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_notifications_org" ON "notifications" ("organisation_id", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`ALTER TABLE "agreements" DROP CONSTRAINT "FK_agreements_final_version"`);
    await q.query(`ALTER TABLE "agreements" DROP COLUMN "final_version_id"`);
    await q.query(`DROP TABLE "approvals"`);
    await q.query(`DROP TABLE "milestones"`);
  }
}
