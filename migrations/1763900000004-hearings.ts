import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The broad hearing: a hearing on a frozen version, invitations, attachments, responses with
 * their receipt reference, comments anchored to blocks with the secretariat's replies, and
 * Danish full-text search over what was said.
 */
export class Hearings1763900000004 implements MigrationInterface {
  name = 'Hearings1763900000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "hearings" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "agreement_id" uuid NOT NULL,
      "version_id" uuid NOT NULL,
      "title" text NOT NULL,
      "opens_at" timestamptz NOT NULL,
      "closes_at" timestamptz NOT NULL,
      "reference_prefix" text NOT NULL,
      "response_count" int NOT NULL DEFAULT 0,
      "created_by" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_hearings" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_hearings_period" CHECK ("closes_at" > "opens_at"),
      CONSTRAINT "UQ_hearings_reference_prefix" UNIQUE ("reference_prefix"),
      CONSTRAINT "FK_hearings_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_hearings_version" FOREIGN KEY ("version_id") REFERENCES "agreement_versions"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_hearings_user" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX "IDX_hearings_agreement" ON "hearings" ("agreement_id")`);
    await q.query(`CREATE TABLE "hearing_deadline_changes" (
      "id" bigserial NOT NULL,
      "hearing_id" uuid NOT NULL,
      "previous_closes_at" timestamptz NOT NULL,
      "closes_at" timestamptz NOT NULL,
      "reason" text NOT NULL,
      "changed_by" uuid,
      "changed_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_hearing_deadline_changes" PRIMARY KEY ("id"),
      CONSTRAINT "FK_hearing_deadline_changes_hearing" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE TABLE "hearing_invitations" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "hearing_id" uuid NOT NULL,
      "organisation_id" uuid NOT NULL,
      "token_hash" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_hearing_invitations" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_hearing_invitations_org" UNIQUE ("hearing_id", "organisation_id"),
      CONSTRAINT "UQ_hearing_invitations_token" UNIQUE ("token_hash"),
      CONSTRAINT "FK_hearing_invitations_hearing" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_hearing_invitations_org" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE TABLE "attachments" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "organisation_id" uuid NOT NULL,
      "uploaded_by" uuid NOT NULL,
      "filename" text NOT NULL,
      "content_type" text NOT NULL,
      "size" int NOT NULL,
      "sha256" text NOT NULL,
      "data" bytea NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_attachments" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_attachments_type" CHECK ("content_type" IN ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
      CONSTRAINT "CHK_attachments_size" CHECK ("size" > 0 AND "size" <= 20971520),
      CONSTRAINT "FK_attachments_org" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_attachments_user" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE TABLE "hearing_responses" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "hearing_id" uuid NOT NULL,
      "organisation_id" uuid NOT NULL,
      "reference" text NOT NULL,
      "idempotency_key" text NOT NULL,
      "summary" text,
      "publish" boolean NOT NULL,
      "late" boolean NOT NULL DEFAULT false,
      "submitted_by" uuid NOT NULL,
      "submitted_by_name" text NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT now(),
      "search" tsvector GENERATED ALWAYS AS (to_tsvector('danish', coalesce("summary", ''))) STORED,
      CONSTRAINT "PK_hearing_responses" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_hearing_responses_reference" UNIQUE ("reference"),
      CONSTRAINT "UQ_hearing_responses_idempotency" UNIQUE ("hearing_id", "organisation_id", "idempotency_key"),
      CONSTRAINT "FK_hearing_responses_hearing" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_hearing_responses_org" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_hearing_responses_user" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "IDX_hearing_responses_hearing" ON "hearing_responses" ("hearing_id", "received_at")`);
    await q.query(`CREATE INDEX "IDX_hearing_responses_search" ON "hearing_responses" USING gin ("search")`);
    await q.query(`CREATE TABLE "hearing_response_attachments" (
      "response_id" uuid NOT NULL,
      "attachment_id" uuid NOT NULL,
      CONSTRAINT "PK_hearing_response_attachments" PRIMARY KEY ("response_id", "attachment_id"),
      CONSTRAINT "FK_hra_response" FOREIGN KEY ("response_id") REFERENCES "hearing_responses"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_hra_attachment" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE TABLE "hearing_comments" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "response_id" uuid NOT NULL,
      "position" int NOT NULL,
      "block_id" text,
      "quote" text,
      "text" text NOT NULL,
      "reply" text,
      "outcome" text,
      "changed_block_id" text,
      "replied_by" uuid,
      "replied_at" timestamptz,
      "search" tsvector GENERATED ALWAYS AS (to_tsvector('danish', coalesce("quote", '') || ' ' || "text")) STORED,
      CONSTRAINT "PK_hearing_comments" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_hearing_comments_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('INCORPORATED','PARTLY_INCORPORATED','NOT_INCORPORATED','NOTED')),
      CONSTRAINT "CHK_hearing_comments_reply" CHECK (("reply" IS NULL) = ("outcome" IS NULL)),
      CONSTRAINT "FK_hearing_comments_response" FOREIGN KEY ("response_id") REFERENCES "hearing_responses"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_hearing_comments_user" FOREIGN KEY ("replied_by") REFERENCES "users"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX "IDX_hearing_comments_response" ON "hearing_comments" ("response_id", "position")`);
    await q.query(`CREATE INDEX "IDX_hearing_comments_block" ON "hearing_comments" ("block_id")`);
    await q.query(`CREATE INDEX "IDX_hearing_comments_search" ON "hearing_comments" USING gin ("search")`);
    await q.query(`CREATE TABLE "hearing_response_drafts" (
      "hearing_id" uuid NOT NULL,
      "organisation_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "content" jsonb NOT NULL,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_hearing_response_drafts" PRIMARY KEY ("hearing_id", "organisation_id", "user_id"),
      CONSTRAINT "FK_hrd_hearing" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_hrd_org" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_hrd_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE)`);
    // A submitted response and its comments' own words never change; replies may be added.
    await q.query(`CREATE FUNCTION hearing_responses_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'hearing responses are never deleted'; END IF;
        IF NEW."summary" IS DISTINCT FROM OLD."summary" OR NEW."reference" IS DISTINCT FROM OLD."reference"
           OR NEW."organisation_id" IS DISTINCT FROM OLD."organisation_id" OR NEW."received_at" IS DISTINCT FROM OLD."received_at" THEN
          RAISE EXCEPTION 'a submitted hearing response is immutable';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "TRG_hearing_responses_immutable" BEFORE UPDATE OR DELETE ON "hearing_responses"
      FOR EACH ROW EXECUTE FUNCTION hearing_responses_immutable()`);
    await q.query(`CREATE FUNCTION hearing_comments_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."text" IS DISTINCT FROM OLD."text" OR NEW."block_id" IS DISTINCT FROM OLD."block_id"
           OR NEW."quote" IS DISTINCT FROM OLD."quote" OR NEW."response_id" IS DISTINCT FROM OLD."response_id" THEN
          RAISE EXCEPTION 'a hearing comment''s own words are immutable';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "TRG_hearing_comments_immutable" BEFORE UPDATE ON "hearing_comments"
      FOR EACH ROW EXECUTE FUNCTION hearing_comments_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "hearing_response_drafts"`);
    await q.query(`DROP TABLE "hearing_comments"`);
    await q.query(`DROP FUNCTION hearing_comments_immutable()`);
    await q.query(`DROP TABLE "hearing_response_attachments"`);
    await q.query(`DROP TABLE "hearing_responses"`);
    await q.query(`DROP FUNCTION hearing_responses_immutable()`);
    await q.query(`DROP TABLE "attachments"`);
    await q.query(`DROP TABLE "hearing_invitations"`);
    await q.query(`DROP TABLE "hearing_deadline_changes"`);
    await q.query(`DROP TABLE "hearings"`);
  }
}
