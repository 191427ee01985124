import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments on the live draft: a thread anchored to a span of the Yjs document (two encoded Yjs
 * relative positions, so the span follows the text through concurrent edits), the quoted text and
 * the block it started in, open or resolved; its comments in order. Authors' names are kept as
 * written, like a Word comment's author.
 */
export class DraftComments1763900000080 implements MigrationInterface {
  name = 'DraftComments1763900000080';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "draft_comment_threads" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "agreement_id" uuid NOT NULL REFERENCES "agreements"("id") ON DELETE CASCADE,
      "block_id" text,
      "anchor_start" text NOT NULL,
      "anchor_end" text NOT NULL,
      "quote" text NOT NULL,
      "status" text NOT NULL DEFAULT 'OPEN',
      "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "resolved_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "resolved_by_name" text,
      "resolved_at" timestamptz,
      CONSTRAINT "CHK_draft_comment_threads_status" CHECK ("status" IN ('OPEN','RESOLVED')),
      CONSTRAINT "CHK_draft_comment_threads_resolved" CHECK (("status" = 'RESOLVED') = ("resolved_at" IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX "IDX_draft_comment_threads_agreement" ON "draft_comment_threads" ("agreement_id", "created_at")`);
    await q.query(`CREATE TABLE "draft_comments" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "thread_id" uuid NOT NULL REFERENCES "draft_comment_threads"("id") ON DELETE CASCADE,
      "author_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
      "author_name" text NOT NULL,
      "organisation_name" text NOT NULL,
      "text" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE INDEX "IDX_draft_comments_thread" ON "draft_comments" ("thread_id", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "draft_comments"`);
    await q.query(`DROP TABLE "draft_comment_threads"`);
  }
}
