import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hearings at scale: campaigns (near-identical responses, grouped) and themes (comments grouped
 * by what they are about), both computed by a job when responses arrive; the secretariat's
 * renames, merges and moves of themes; reply templates each region's secretariat saves.
 */
export class HearingThemes1763900000081 implements MigrationInterface {
  name = 'HearingThemes1763900000081';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "hearing_analyses" (
      "hearing_id" uuid NOT NULL,
      "computed_at" timestamptz NOT NULL DEFAULT now(),
      "responses" int NOT NULL,
      "comments" int NOT NULL,
      "duration_ms" int NOT NULL,
      "themes_edited_at" timestamptz,
      CONSTRAINT "PK_hearing_analyses" PRIMARY KEY ("hearing_id"),
      CONSTRAINT "FK_hearing_analyses_hearing" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE TABLE "hearing_campaigns" (
      "id" uuid NOT NULL,
      "hearing_id" uuid NOT NULL,
      "sample_text" text NOT NULL,
      "position" int NOT NULL,
      CONSTRAINT "PK_hearing_campaigns" PRIMARY KEY ("id"),
      CONSTRAINT "FK_hearing_campaigns_hearing" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_hearing_campaigns_hearing" ON "hearing_campaigns" ("hearing_id")`);
    await q.query(`CREATE TABLE "hearing_campaign_responses" (
      "response_id" uuid NOT NULL,
      "campaign_id" uuid NOT NULL,
      CONSTRAINT "PK_hearing_campaign_responses" PRIMARY KEY ("response_id"),
      CONSTRAINT "FK_hearing_campaign_responses_response" FOREIGN KEY ("response_id") REFERENCES "hearing_responses"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_hearing_campaign_responses_campaign" FOREIGN KEY ("campaign_id") REFERENCES "hearing_campaigns"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_hearing_campaign_responses_campaign" ON "hearing_campaign_responses" ("campaign_id")`);
    await q.query(`CREATE TABLE "hearing_themes" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "hearing_id" uuid NOT NULL,
      "label" text NOT NULL,
      "terms" text[] NOT NULL DEFAULT '{}',
      "position" int NOT NULL,
      "renamed" boolean NOT NULL DEFAULT false,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_hearing_themes" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_hearing_themes_label" CHECK (length("label") BETWEEN 1 AND 200),
      CONSTRAINT "FK_hearing_themes_hearing" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_hearing_themes_hearing" ON "hearing_themes" ("hearing_id")`);
    await q.query(`CREATE TABLE "hearing_theme_comments" (
      "comment_id" uuid NOT NULL,
      "theme_id" uuid NOT NULL,
      CONSTRAINT "PK_hearing_theme_comments" PRIMARY KEY ("comment_id"),
      CONSTRAINT "FK_hearing_theme_comments_comment" FOREIGN KEY ("comment_id") REFERENCES "hearing_comments"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_hearing_theme_comments_theme" FOREIGN KEY ("theme_id") REFERENCES "hearing_themes"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_hearing_theme_comments_theme" ON "hearing_theme_comments" ("theme_id")`);
    await q.query(`CREATE TABLE "reply_templates" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "region_id" uuid NOT NULL,
      "title" text NOT NULL,
      "body" text NOT NULL,
      "outcome" text,
      "created_by" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_reply_templates" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_reply_templates_title" UNIQUE ("region_id", "title"),
      CONSTRAINT "CHK_reply_templates_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('INCORPORATED','PARTLY_INCORPORATED','NOT_INCORPORATED','NOTED')),
      CONSTRAINT "FK_reply_templates_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_reply_templates_user" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reply_templates"`);
    await q.query(`DROP TABLE "hearing_theme_comments"`);
    await q.query(`DROP TABLE "hearing_themes"`);
    await q.query(`DROP TABLE "hearing_campaign_responses"`);
    await q.query(`DROP TABLE "hearing_campaigns"`);
    await q.query(`DROP TABLE "hearing_analyses"`);
  }
}
