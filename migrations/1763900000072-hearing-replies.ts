import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The secretariat answers a response's general remarks (its summary) as it answers each comment:
 * a reply with an outcome, who gave it and when (both or neither, like hearing_comments). The
 * hearing memo can be published on the public page, compared with the version the secretariat
 * chose when publishing it.
 */
export class HearingReplies1763900000072 implements MigrationInterface {
  name = 'HearingReplies1763900000072';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hearing_responses"
      ADD COLUMN "reply" text,
      ADD COLUMN "outcome" text,
      ADD COLUMN "replied_by" uuid,
      ADD COLUMN "replied_at" timestamptz,
      ADD CONSTRAINT "CHK_hearing_responses_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('INCORPORATED','PARTLY_INCORPORATED','NOT_INCORPORATED','NOTED')),
      ADD CONSTRAINT "CHK_hearing_responses_reply" CHECK (("reply" IS NULL) = ("outcome" IS NULL)),
      ADD CONSTRAINT "FK_hearing_responses_replied_by" FOREIGN KEY ("replied_by") REFERENCES "users"("id") ON DELETE SET NULL`);
    await q.query(`ALTER TABLE "hearings"
      ADD COLUMN "memo_published_at" timestamptz,
      ADD COLUMN "memo_published_by" uuid,
      ADD COLUMN "memo_compared_version_id" uuid,
      ADD CONSTRAINT "FK_hearings_memo_published_by" FOREIGN KEY ("memo_published_by") REFERENCES "users"("id") ON DELETE SET NULL,
      ADD CONSTRAINT "FK_hearings_memo_compared_version" FOREIGN KEY ("memo_compared_version_id") REFERENCES "agreement_versions"("id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hearings" DROP COLUMN "memo_compared_version_id", DROP COLUMN "memo_published_by", DROP COLUMN "memo_published_at"`);
    await q.query(`ALTER TABLE "hearing_responses" DROP CONSTRAINT "CHK_hearing_responses_reply", DROP CONSTRAINT "CHK_hearing_responses_outcome",
      DROP COLUMN "replied_at", DROP COLUMN "replied_by", DROP COLUMN "outcome", DROP COLUMN "reply"`);
  }
}
