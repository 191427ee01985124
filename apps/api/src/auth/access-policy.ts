import { AuthUser } from './auth-user';
import { Role } from './role.enum';

/**
 * The one place that decides who may change what. The GraphQL services and the
 * collaboration server's authentication both ask here.
 */
export const accessPolicy = {
  /** Secretariat of the agreement's region (or an administrator) drafts and manages it. */
  canManageAgreement(user: AuthUser, agreement: { regionId: string }): boolean {
    return user.role === Role.ADMIN || (user.role === Role.SECRETARIAT && user.regionId === agreement.regionId);
  },

  /** Who may type in the live draft (the collaboration socket is read-only for everyone else). */
  canEditDraft(user: AuthUser, agreement: { regionId: string; finalVersionId?: string | null }): boolean {
    // Once every party has approved, the final version is locked for everyone.
    return !agreement.finalVersionId && accessPolicy.canManageAgreement(user, agreement);
  },

  /** Every signed-in user may read agreements: they are public documents in the making. */
  canReadAgreement(_user: AuthUser, _agreement: { regionId: string }): boolean {
    return true;
  },
};
