import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live draft of each agreement (Yjs state with its derived JSON and text), the
 * append-only log of incoming Yjs updates that makes every acknowledged edit durable, and the
 * frozen, numbered versions.
 */
export class DraftsAndVersions1763900000002 implements MigrationInterface {
  name = 'DraftsAndVersions1763900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "agreement_drafts" (
      "agreement_id" uuid NOT NULL,
      "ydoc" bytea NOT NULL,
      "content" jsonb NOT NULL,
      "text" text NOT NULL,
      "content_hash" text NOT NULL,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_agreement_drafts" PRIMARY KEY ("agreement_id"),
      CONSTRAINT "FK_agreement_drafts_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE TABLE "agreement_draft_updates" (
      "id" bigserial NOT NULL,
      "agreement_id" uuid NOT NULL,
      "update" bytea NOT NULL,
      "user_id" uuid,
      "received_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_agreement_draft_updates" PRIMARY KEY ("id"),
      CONSTRAINT "FK_agreement_draft_updates_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_agreement_draft_updates_agreement" ON "agreement_draft_updates" ("agreement_id", "id")`);
    await q.query(`CREATE TABLE "agreement_versions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "agreement_id" uuid NOT NULL,
      "number" int NOT NULL,
      "label" text NOT NULL,
      "content" jsonb NOT NULL,
      "text" text NOT NULL,
      "created_by" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_agreement_versions" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_agreement_versions_number" UNIQUE ("agreement_id", "number"),
      CONSTRAINT "CHK_agreement_versions_number" CHECK ("number" > 0),
      CONSTRAINT "FK_agreement_versions_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_agreement_versions_user" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL)`);
    // A frozen version never changes.
    await q.query(`CREATE FUNCTION agreement_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."content" IS DISTINCT FROM OLD."content" OR NEW."text" IS DISTINCT FROM OLD."text"
           OR NEW."number" IS DISTINCT FROM OLD."number" OR NEW."agreement_id" IS DISTINCT FROM OLD."agreement_id"
           OR NEW."label" IS DISTINCT FROM OLD."label" OR NEW."created_at" IS DISTINCT FROM OLD."created_at" THEN
          RAISE EXCEPTION 'agreement versions are immutable';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "TRG_agreement_versions_immutable" BEFORE UPDATE ON "agreement_versions"
      FOR EACH ROW EXECUTE FUNCTION agreement_versions_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "agreement_versions"`);
    await q.query(`DROP FUNCTION agreement_versions_immutable()`);
    await q.query(`DROP TABLE "agreement_draft_updates"`);
    await q.query(`DROP TABLE "agreement_drafts"`);
  }
}
