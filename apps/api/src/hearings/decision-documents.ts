import type { DataSource } from 'typeorm';
import { accessPolicy } from '../auth/access-policy';
import type { AuthUser } from '../auth/auth-user';

/**
 * Whether `user` may download the upload `attachmentId` as a party's decision document (the
 * document of an approval, `approvals.document_id`): the secretariat of the agreement's region
 * and ADMIN, and the party itself. The organisation that uploaded it reads it anyway (the
 * download's own rule). Other regions and other municipalities may not, even though they may
 * read the agreement's approvals.
 */
export async function decisionDocumentReadable(db: DataSource, user: AuthUser, attachmentId: string): Promise<boolean> {
  const rows = await db.query<Array<{ organisation_id: string; region_id: string }>>(
    `SELECT p."organisation_id", g."region_id" FROM "approvals" p JOIN "agreements" g ON g."id" = p."agreement_id" WHERE p."document_id" = $1`,
    [attachmentId],
  );
  return rows.some((r) => r.organisation_id === user.organisationId || accessPolicy.canManageAgreement(user, { regionId: r.region_id }));
}
