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
    // Filing a response is one statement: every check, the response, its comments, its
    // attachments and the audit row, atomically and in a single round trip to the database.
    await q.query(`CREATE FUNCTION submit_hearing_response(
        p_hearing uuid, p_organisation uuid, p_key text, p_summary text, p_publish boolean, p_late boolean,
        p_user uuid, p_user_name text, p_comments jsonb, p_attachments uuid[], p_request_id text, p_check_deadline boolean)
      RETURNS TABLE (outcome text, id uuid, reference text, received_at timestamptz)
      LANGUAGE plpgsql AS $$
      DECLARE
        h record;
        v_id uuid;
        v_reference text;
        v_received timestamptz;
      BEGIN
        SELECT r."id", r."reference", r."received_at" INTO v_id, v_reference, v_received FROM "hearing_responses" r
         WHERE r."hearing_id" = p_hearing AND r."organisation_id" = p_organisation AND r."idempotency_key" = p_key;
        IF FOUND THEN RETURN QUERY SELECT 'existing'::text, v_id, v_reference, v_received; RETURN; END IF;
        SELECT * INTO h FROM "hearings" WHERE "hearings"."id" = p_hearing;
        IF NOT FOUND THEN RETURN QUERY SELECT 'no-hearing'::text, NULL::uuid, NULL::text, NULL::timestamptz; RETURN; END IF;
        IF p_check_deadline AND now() < h."opens_at" THEN RETURN QUERY SELECT 'not-open'::text, NULL::uuid, NULL::text, NULL::timestamptz; RETURN; END IF;
        IF p_check_deadline AND now() >= h."closes_at" THEN RETURN QUERY SELECT 'closed'::text, NULL::uuid, NULL::text, NULL::timestamptz; RETURN; END IF;
        IF NOT EXISTS (SELECT 1 FROM "hearing_invitations" i WHERE i."hearing_id" = p_hearing AND i."organisation_id" = p_organisation) THEN
          RETURN QUERY SELECT 'not-invited'::text, NULL::uuid, NULL::text, NULL::timestamptz; RETURN;
        END IF;
        IF cardinality(p_attachments) > 0 THEN
          IF (SELECT count(*) FROM "attachments" a WHERE a."id" = ANY(p_attachments) AND a."organisation_id" = p_organisation) <> cardinality(p_attachments) THEN
            RETURN QUERY SELECT 'bad-attachments'::text, NULL::uuid, NULL::text, NULL::timestamptz; RETURN;
          END IF;
          IF EXISTS (SELECT 1 FROM "hearing_response_attachments" x WHERE x."attachment_id" = ANY(p_attachments)) THEN
            RETURN QUERY SELECT 'attachment-used'::text, NULL::uuid, NULL::text, NULL::timestamptz; RETURN;
          END IF;
        END IF;
        v_reference := h."reference_prefix" || '-' || lpad(nextval(format('%I', 'hearing_reference_' || replace(p_hearing::text, '-', '')))::text, 4, '0');
        INSERT INTO "hearing_responses" ("hearing_id", "organisation_id", "reference", "idempotency_key", "summary", "publish", "late", "submitted_by", "submitted_by_name")
        VALUES (p_hearing, p_organisation, v_reference, p_key, p_summary, p_publish, p_late, p_user, p_user_name)
        ON CONFLICT ("hearing_id", "organisation_id", "idempotency_key") DO NOTHING
        RETURNING "hearing_responses"."id", "hearing_responses"."received_at" INTO v_id, v_received;
        IF v_id IS NULL THEN
          -- A concurrent retry with the same key won; answer with its receipt.
          SELECT r."id", r."reference", r."received_at" INTO v_id, v_reference, v_received FROM "hearing_responses" r
           WHERE r."hearing_id" = p_hearing AND r."organisation_id" = p_organisation AND r."idempotency_key" = p_key;
          RETURN QUERY SELECT 'existing'::text, v_id, v_reference, v_received; RETURN;
        END IF;
        INSERT INTO "hearing_comments" ("response_id", "position", "block_id", "quote", "text")
        SELECT v_id, c.ordinality::int, c.value->>'blockId', c.value->>'quote', c.value->>'text'
          FROM jsonb_array_elements(p_comments) WITH ORDINALITY AS c(value, ordinality);
        INSERT INTO "hearing_response_attachments" ("response_id", "attachment_id") SELECT v_id, unnest(p_attachments);
        DELETE FROM "hearing_response_drafts" d WHERE d."hearing_id" = p_hearing AND d."organisation_id" = p_organisation AND d."user_id" = p_user;
        INSERT INTO "audit_log" ("actor_id", "action", "entity_type", "entity_id", "data", "request_id")
        VALUES (p_user, CASE WHEN p_late THEN 'hearing.response.late' ELSE 'hearing.response.submit' END, 'hearing_response', v_id::text,
                jsonb_build_object('hearingId', p_hearing, 'organisationId', p_organisation, 'reference', v_reference, 'comments', jsonb_array_length(p_comments)),
                p_request_id);
        RETURN QUERY SELECT 'created'::text, v_id, v_reference, v_received;
      END $$`);
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
    await q.query(`DROP FUNCTION submit_hearing_response(uuid, uuid, text, text, boolean, boolean, uuid, text, jsonb, uuid[], text, boolean)`);
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
