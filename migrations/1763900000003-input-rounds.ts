import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cluster input rounds: a round asks clusters (and other organisations) for their wishes to
 * the draft before a deadline; each participant keeps one editable draft and any number of
 * immutable submissions (the newest is current, older ones are kept as superseded); the
 * secretariat assesses every submitted item.
 */
export class InputRounds1763900000003 implements MigrationInterface {
  name = 'InputRounds1763900000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "input_rounds" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "agreement_id" uuid NOT NULL,
      "version_id" uuid,
      "title" text NOT NULL,
      "description" text,
      "deadline" timestamptz NOT NULL,
      "created_by" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_input_rounds" PRIMARY KEY ("id"),
      CONSTRAINT "FK_input_rounds_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_input_rounds_version" FOREIGN KEY ("version_id") REFERENCES "agreement_versions"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_input_rounds_user" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX "IDX_input_rounds_agreement" ON "input_rounds" ("agreement_id", "deadline")`);

    // Who is asked. "deadline" is set when the secretariat extends the deadline for this
    // participant only; otherwise the round's deadline applies.
    await q.query(`CREATE TABLE "input_round_participants" (
      "round_id" uuid NOT NULL,
      "organisation_id" uuid NOT NULL,
      "cluster_id" uuid,
      "deadline" timestamptz,
      CONSTRAINT "PK_input_round_participants" PRIMARY KEY ("round_id", "organisation_id"),
      CONSTRAINT "FK_irp_round" FOREIGN KEY ("round_id") REFERENCES "input_rounds"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_irp_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_irp_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT)`);

    await q.query(`CREATE TABLE "input_round_deadline_changes" (
      "id" bigserial NOT NULL,
      "round_id" uuid NOT NULL,
      "organisation_id" uuid,
      "previous_deadline" timestamptz NOT NULL,
      "deadline" timestamptz NOT NULL,
      "reason" text NOT NULL,
      "changed_by" uuid,
      "changed_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_input_round_deadline_changes" PRIMARY KEY ("id"),
      CONSTRAINT "FK_irdc_round" FOREIGN KEY ("round_id") REFERENCES "input_rounds"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_irdc_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_irdc_user" FOREIGN KEY ("changed_by") REFERENCES "users"("id") ON DELETE SET NULL)`);

    // A row is a participant's draft while "submitted_at" is null (at most one per
    // participant), and an immutable submission, numbered 1, 2, … per participant, after.
    await q.query(`CREATE TABLE "cluster_inputs" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "round_id" uuid NOT NULL,
      "organisation_id" uuid NOT NULL,
      "cluster_id" uuid,
      "number" int,
      "submitted_at" timestamptz,
      "submitted_by" uuid,
      "submitted_by_name" text,
      "meeting_date" date,
      "meeting_item" text,
      "supersedes_id" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_cluster_inputs" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_cluster_inputs_submitted" CHECK (("submitted_at" IS NULL) = ("number" IS NULL) AND ("submitted_at" IS NULL) = ("submitted_by_name" IS NULL)),
      CONSTRAINT "UQ_cluster_inputs_number" UNIQUE ("round_id", "organisation_id", "number"),
      CONSTRAINT "FK_cluster_inputs_participant" FOREIGN KEY ("round_id", "organisation_id") REFERENCES "input_round_participants"("round_id", "organisation_id") ON DELETE CASCADE,
      CONSTRAINT "FK_cluster_inputs_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_cluster_inputs_user" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_cluster_inputs_supersedes" FOREIGN KEY ("supersedes_id") REFERENCES "cluster_inputs"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "UQ_cluster_inputs_draft" ON "cluster_inputs" ("round_id", "organisation_id") WHERE "submitted_at" IS NULL`);

    await q.query(`CREATE TABLE "cluster_input_items" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "input_id" uuid NOT NULL,
      "position" int NOT NULL,
      "block_id" text,
      "section_id" text,
      "section_title" text,
      "theme" text NOT NULL,
      "text" text NOT NULL,
      "level" text,
      CONSTRAINT "PK_cluster_input_items" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_cluster_input_items_position" UNIQUE ("input_id", "position"),
      CONSTRAINT "CHK_cluster_input_items_level" CHECK ("level" IS NULL OR "level" IN ('POLITICAL','PROFESSIONAL')),
      CONSTRAINT "FK_cluster_input_items_input" FOREIGN KEY ("input_id") REFERENCES "cluster_inputs"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_cluster_input_items_block" ON "cluster_input_items" ("block_id") WHERE "block_id" IS NOT NULL`);

    // The secretariat's assessment lives apart from the item, so the item itself never changes.
    await q.query(`CREATE TABLE "input_item_assessments" (
      "item_id" uuid NOT NULL,
      "outcome" text NOT NULL,
      "reason" text NOT NULL,
      "version_id" uuid,
      "assessed_by" uuid,
      "assessed_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_input_item_assessments" PRIMARY KEY ("item_id"),
      CONSTRAINT "CHK_input_item_assessments_outcome" CHECK ("outcome" IN ('INCORPORATED','PARTLY_INCORPORATED','NOT_INCORPORATED','NOTED')),
      CONSTRAINT "FK_iia_item" FOREIGN KEY ("item_id") REFERENCES "cluster_input_items"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_iia_version" FOREIGN KEY ("version_id") REFERENCES "agreement_versions"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_iia_user" FOREIGN KEY ("assessed_by") REFERENCES "users"("id") ON DELETE SET NULL)`);

    // A submission never changes and only goes away with its round (the agreement). A
    // cascade from a deleted round finds the round already gone, so it is let through.
    await q.query(`CREATE FUNCTION cluster_inputs_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD."submitted_at" IS NOT NULL THEN
          RAISE EXCEPTION 'submitted cluster inputs are immutable';
        END IF;
        IF TG_OP = 'DELETE' AND OLD."submitted_at" IS NOT NULL AND EXISTS (SELECT 1 FROM "input_rounds" r WHERE r."id" = OLD."round_id") THEN
          RAISE EXCEPTION 'submitted cluster inputs are immutable';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "TRG_cluster_inputs_immutable" BEFORE UPDATE OR DELETE ON "cluster_inputs"
      FOR EACH ROW EXECUTE FUNCTION cluster_inputs_immutable()`);
    await q.query(`CREATE FUNCTION cluster_input_items_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_input uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW."input_id" ELSE OLD."input_id" END;
      BEGIN
        IF EXISTS (SELECT 1 FROM "cluster_inputs" i WHERE i."id" = v_input AND i."submitted_at" IS NOT NULL) THEN
          RAISE EXCEPTION 'items of a submitted cluster input are immutable';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "TRG_cluster_input_items_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "cluster_input_items"
      FOR EACH ROW EXECUTE FUNCTION cluster_input_items_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "input_item_assessments"`);
    await q.query(`DROP TABLE "cluster_input_items"`);
    await q.query(`DROP FUNCTION cluster_input_items_immutable()`);
    await q.query(`DROP TABLE "cluster_inputs"`);
    await q.query(`DROP FUNCTION cluster_inputs_immutable()`);
    await q.query(`DROP TABLE "input_round_deadline_changes"`);
    await q.query(`DROP TABLE "input_round_participants"`);
    await q.query(`DROP TABLE "input_rounds"`);
  }
}
