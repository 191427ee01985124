import { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions, organisations, clusters, users, agreements and the append-only audit log. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "regions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "code" text NOT NULL,
      "name" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_regions" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_regions_code" UNIQUE ("code"))`);
    await q.query(`CREATE TABLE "organisations" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "code" text,
      "region_id" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_organisations" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_organisations_kind" CHECK ("kind" IN ('REGION','MUNICIPALITY','GENERAL_PRACTICE','HOSPITAL','PATIENT_ORGANISATION','PROFESSIONAL_ORGANISATION','COMMITTEE','OTHER')),
      CONSTRAINT "FK_organisations_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "IDX_organisations_kind_name" ON "organisations" ("kind", "name")`);
    await q.query(`CREATE TABLE "clusters" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "name" text NOT NULL,
      "region_id" uuid NOT NULL,
      "organisation_id" uuid NOT NULL,
      CONSTRAINT "PK_clusters" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_clusters_organisation" UNIQUE ("organisation_id"),
      CONSTRAINT "FK_clusters_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_clusters_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE TABLE "cluster_members" (
      "cluster_id" uuid NOT NULL,
      "municipality_id" uuid NOT NULL,
      CONSTRAINT "PK_cluster_members" PRIMARY KEY ("cluster_id", "municipality_id"),
      CONSTRAINT "FK_cluster_members_cluster" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_cluster_members_municipality" FOREIGN KEY ("municipality_id") REFERENCES "organisations"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_cluster_members_municipality" ON "cluster_members" ("municipality_id")`);
    await q.query(`CREATE TABLE "users" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "email" text NOT NULL,
      "name" text NOT NULL,
      "password_hash" text NOT NULL,
      "role" text NOT NULL,
      "organisation_id" uuid NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_users" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_users_email" UNIQUE ("email"),
      CONSTRAINT "CHK_users_email_lower" CHECK ("email" = lower("email")),
      CONSTRAINT "CHK_users_role" CHECK ("role" IN ('SECRETARIAT','CLUSTER','ORGANISATION','MUNICIPALITY','ADMIN')),
      CONSTRAINT "FK_users_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE TABLE "login_failures" (
      "id" bigserial NOT NULL,
      "email" text NOT NULL,
      "ip" text,
      "failed_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_login_failures" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_login_failures_email_failed_at" ON "login_failures" ("email", "failed_at")`);
    await q.query(`CREATE TABLE "agreements" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "region_id" uuid NOT NULL,
      "title" text NOT NULL,
      "period_start" int NOT NULL,
      "period_end" int NOT NULL,
      "effective_date" date NOT NULL,
      "phase" text NOT NULL DEFAULT 'PREPARATION',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_agreements" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_agreements_period" CHECK ("period_end" >= "period_start"),
      CONSTRAINT "CHK_agreements_phase" CHECK ("phase" IN ('PREPARATION','INPUT_ROUND','DRAFTING','HEARING','PROCESSING','APPROVAL','SUBMITTED','IN_FORCE')),
      CONSTRAINT "FK_agreements_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE UNIQUE INDEX "UQ_agreements_region_period" ON "agreements" ("region_id", "period_start", "period_end")`);
    await q.query(`CREATE TABLE "audit_log" (
      "id" bigserial NOT NULL,
      "occurred_at" timestamptz NOT NULL DEFAULT now(),
      "actor_id" uuid,
      "action" text NOT NULL,
      "entity_type" text NOT NULL,
      "entity_id" text NOT NULL,
      "data" jsonb,
      "request_id" text,
      CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_audit_log_entity" ON "audit_log" ("entity_type", "entity_id")`);
    await q.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`CREATE TRIGGER "TRG_audit_log_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_log"`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    await q.query(`DROP TABLE "agreements"`);
    await q.query(`DROP TABLE "login_failures"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TABLE "cluster_members"`);
    await q.query(`DROP TABLE "clusters"`);
    await q.query(`DROP TABLE "organisations"`);
    await q.query(`DROP TABLE "regions"`);
  }
}
