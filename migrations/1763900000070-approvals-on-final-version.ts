import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approvals are decisions on a text: a version the secretariat locks as the final version in the
 * approval phase (`final_locked_at`), and every approval records the version it approved. A later
 * final version supersedes the approvals of an earlier one.
 */
export class ApprovalsOnFinalVersion1763900000070 implements MigrationInterface {
  name = 'ApprovalsOnFinalVersion1763900000070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agreement_versions" ADD "final_locked_at" timestamptz`);
    await q.query(`ALTER TABLE "agreement_versions" ADD "final_locked_by" uuid`);
    await q.query(`ALTER TABLE "agreement_versions" ADD CONSTRAINT "FK_agreement_versions_final_locked_by" FOREIGN KEY ("final_locked_by") REFERENCES "users"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "approvals" ADD "version_id" uuid`);
    // Decisions recorded before approvals were tied to a text: the agreement's approved version
    // when there is one, else its newest version (which is then the one locked as final).
    await q.query(`UPDATE "agreement_versions" v SET "final_locked_at" = now()
                    WHERE v."id" = (SELECT COALESCE(a."final_version_id", (SELECT n."id" FROM "agreement_versions" n WHERE n."agreement_id" = a."id" ORDER BY n."number" DESC LIMIT 1))
                                      FROM "agreements" a WHERE a."id" = v."agreement_id")
                      AND EXISTS (SELECT 1 FROM "approvals" ap WHERE ap."agreement_id" = v."agreement_id")`);
    await q.query(`UPDATE "approvals" ap SET "version_id" = v."id" FROM "agreement_versions" v
                    WHERE v."agreement_id" = ap."agreement_id" AND v."final_locked_at" IS NOT NULL`);
    await q.query(`DELETE FROM "approvals" WHERE "version_id" IS NULL`);
    await q.query(`ALTER TABLE "approvals" ALTER COLUMN "version_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "approvals" ADD CONSTRAINT "FK_approvals_version" FOREIGN KEY ("version_id") REFERENCES "agreement_versions"("id") ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX "IDX_agreement_versions_final" ON "agreement_versions" ("agreement_id", "number") WHERE "final_locked_at" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_agreement_versions_final"`);
    await q.query(`ALTER TABLE "approvals" DROP CONSTRAINT "FK_approvals_version"`);
    await q.query(`ALTER TABLE "approvals" DROP COLUMN "version_id"`);
    await q.query(`ALTER TABLE "agreement_versions" DROP CONSTRAINT "FK_agreement_versions_final_locked_by"`);
    await q.query(`ALTER TABLE "agreement_versions" DROP COLUMN "final_locked_by"`);
    await q.query(`ALTER TABLE "agreement_versions" DROP COLUMN "final_locked_at"`);
  }
}
