import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Filing a hearing response takes "now" from the application's clock (common/clock.ts) instead
 * of the database's: the deadline checks, the response's received time and its audit row's time
 * are all that one moment, so a replay of history (the demo) files at the moment it replays.
 */
export class ResponseFilingClock1763900000092 implements MigrationInterface {
  name = 'ResponseFilingClock1763900000092';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION submit_hearing_response(uuid, uuid, text, text, boolean, boolean, uuid, text, jsonb, uuid[], text, boolean)`);
    await q.query(`CREATE FUNCTION submit_hearing_response(
        p_hearing uuid, p_organisation uuid, p_key text, p_summary text, p_publish boolean, p_late boolean,
        p_user uuid, p_user_name text, p_comments jsonb, p_attachments uuid[], p_request_id text, p_check_deadline boolean, p_now timestamptz)
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
        IF p_check_deadline AND p_now < h."opens_at" THEN RETURN QUERY SELECT 'not-open'::text, NULL::uuid, NULL::text, NULL::timestamptz; RETURN; END IF;
        IF p_check_deadline AND p_now >= h."closes_at" THEN RETURN QUERY SELECT 'closed'::text, NULL::uuid, NULL::text, NULL::timestamptz; RETURN; END IF;
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
        INSERT INTO "hearing_responses" ("hearing_id", "organisation_id", "reference", "idempotency_key", "summary", "publish", "late", "submitted_by", "submitted_by_name", "received_at")
        VALUES (p_hearing, p_organisation, v_reference, p_key, p_summary, p_publish, p_late, p_user, p_user_name, p_now)
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
        INSERT INTO "audit_log" ("actor_id", "action", "entity_type", "entity_id", "data", "request_id", "occurred_at")
        VALUES (p_user, CASE WHEN p_late THEN 'hearing.response.late' ELSE 'hearing.response.submit' END, 'hearing_response', v_id::text,
                jsonb_build_object('hearingId', p_hearing, 'organisationId', p_organisation, 'reference', v_reference, 'comments', jsonb_array_length(p_comments)),
                p_request_id, p_now);
        RETURN QUERY SELECT 'created'::text, v_id, v_reference, v_received;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION submit_hearing_response(uuid, uuid, text, text, boolean, boolean, uuid, text, jsonb, uuid[], text, boolean, timestamptz)`);
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
  }
}
