import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads are counted per organisation (the stored-bytes quota sums an organisation's
 * attachments inside the upload's transaction) and swept when nothing refers to them a day
 * later (the upload-cleanup job): indexes for both, and for the decision documents that keep
 * an upload alive.
 */
export class UploadQuota1763900000050 implements MigrationInterface {
  name = 'UploadQuota1763900000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_attachments_org" ON "attachments" ("organisation_id")`);
    await q.query(`CREATE INDEX "IDX_attachments_created" ON "attachments" ("created_at")`);
    await q.query(`CREATE INDEX "IDX_hra_attachment" ON "hearing_response_attachments" ("attachment_id")`);
    await q.query(`CREATE INDEX "IDX_approvals_document" ON "approvals" ("document_id") WHERE "document_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_approvals_document"`);
    await q.query(`DROP INDEX "IDX_hra_attachment"`);
    await q.query(`DROP INDEX "IDX_attachments_created"`);
    await q.query(`DROP INDEX "IDX_attachments_org"`);
  }
}
