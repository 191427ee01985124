import { AuthUser } from '../users/auth-user';
import { Role } from '../users/role.enum';

/**
 * Who may read and who may change what: the table "Who may read what" of
 * /work/shared/design/API-CONTRACT.md, in one place. Features do not ask it directly: they read
 * and write through the scoped data access (scoped-data.ts), which asks it for every row.
 *
 * `readAccess` / `changeAccess` are the table itself (one row per kind of data, the parties that
 * may read and change it); the functions below are what the call sites use. They are pure: what
 * needs the database (is the organisation invited to the hearing?) is passed in as a fact.
 */

/** A party of the contract's table, as a user's role and organisation relate to the data. */
export type Party =
  | 'ADMIN'
  /** The secretariat (SSU) of the region the data belongs to. */
  | 'REGION_SECRETARIAT'
  /** A cluster of the region the data belongs to. */
  | 'REGION_CLUSTER'
  /** A municipality of the region the data belongs to. */
  | 'REGION_MUNICIPALITY'
  /** An organisation invited to the hearing (and its users), while invited. */
  | 'INVITED_ORGANISATION'
  /** The organisation that filed (or is writing) the response or input, or whose decision an approval records. */
  | 'SUBMITTING_ORGANISATION'
  /** A municipality of the region whose own decision an approval records. */
  | 'DECIDING_MUNICIPALITY'
  /** An organisation asked for input in the round (a cluster, or another organisation the secretariat asked). */
  | 'ROUND_PARTICIPANT'
  /** Everyone, without logging in. */
  | 'PUBLIC';

/** The kinds of data of the contract's table. */
export type DataKind =
  /** An agreement, its live draft (`sections`, `/collab`, exports), versions, input rounds and approvals. */
  | 'agreement'
  /** A hearing and its frozen version, and the invited organisation's own response form. */
  | 'hearing'
  /** Hearing responses, comments, attachments, drafts, receipts. */
  | 'hearingResponse'
  /** Cluster input before the deadline. */
  | 'clusterInput'
  /** An input round: its title, deadline and questions, for those asked to answer it. */
  | 'inputRound'
  /** A party's decision on the agreement (and its decision document). */
  | 'approval'
  /** A public hearing's page. */
  | 'publicHearing'
  /** Comment threads on the live draft: whoever may read the draft comments on it. */
  | 'draftComment'
  /**
   * Suggested changes in the live draft ("Foreslå ændringer"): insertions and deletions marked
   * with their author, which the secretariat accepts or rejects. To change is to suggest.
   */
  | 'draftSuggestion';

/** Who may read each kind of data. Anything of another region: nobody from outside it (ADMIN aside). */
export const readAccess: Readonly<Record<DataKind, readonly Party[]>> = {
  agreement: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
  hearing: ['ADMIN', 'REGION_SECRETARIAT', 'INVITED_ORGANISATION'],
  hearingResponse: ['ADMIN', 'REGION_SECRETARIAT', 'SUBMITTING_ORGANISATION'],
  clusterInput: ['ADMIN', 'REGION_SECRETARIAT', 'SUBMITTING_ORGANISATION'],
  // The round is part of the agreement; an organisation outside the region asked for input reads
  // the round it answers (never the live draft).
  inputRound: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY', 'ROUND_PARTICIPANT'],
  approval: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
  publicHearing: ['PUBLIC'],
  draftComment: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
  draftSuggestion: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
};

/** Who may change each kind of data. */
export const changeAccess: Readonly<Record<DataKind, readonly Party[]>> = {
  agreement: ['ADMIN', 'REGION_SECRETARIAT'],
  hearing: [],
  hearingResponse: ['SUBMITTING_ORGANISATION'],
  clusterInput: ['SUBMITTING_ORGANISATION'],
  inputRound: ['ADMIN', 'REGION_SECRETARIAT'],
  // The secretariat records any party's decision; a municipality of the region its own.
  approval: ['ADMIN', 'REGION_SECRETARIAT', 'DECIDING_MUNICIPALITY'],
  publicHearing: [],
  draftComment: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
  // Whoever may read the live draft may suggest changes to it (issue 17); deciding them is
  // changing the agreement (the secretariat, ADMIN).
  draftSuggestion: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
};

/** What is known about the data when deciding: its region, and facts only the database knows. */
export interface AccessSubject {
  regionId: string;
  /** The user's organisation is invited to the hearing (and the invitation stands). */
  invited?: boolean;
  /** The user's organisation submitted (or is writing) the response or input, or is the deciding party. */
  submittedByOwnOrganisation?: boolean;
  /** The user's organisation is asked for input in the round. */
  participant?: boolean;
  /** The hearing the data belongs to, if any: an account bound to another hearing is nobody here. */
  hearingId?: string | null;
}

/** The parties the user is, with respect to data of `subject`'s region. */
export function partiesOf(user: AuthUser | null | undefined, subject: AccessSubject): Set<Party> {
  const parties = new Set<Party>(['PUBLIC']);
  if (!user) return parties;
  // An account made from an invitation link acts only in its hearing (invitationBinding).
  if (user.hearingId && user.hearingId !== subject.hearingId) return parties;
  if (user.role === Role.ADMIN) parties.add('ADMIN');
  const sameRegion = user.regionId !== null && user.regionId === subject.regionId;
  if (sameRegion && user.role === Role.SECRETARIAT) parties.add('REGION_SECRETARIAT');
  if (sameRegion && user.role === Role.CLUSTER) parties.add('REGION_CLUSTER');
  if (sameRegion && user.role === Role.MUNICIPALITY) parties.add('REGION_MUNICIPALITY');
  if (subject.invited) parties.add('INVITED_ORGANISATION');
  if (subject.submittedByOwnOrganisation) parties.add('SUBMITTING_ORGANISATION');
  if (sameRegion && subject.submittedByOwnOrganisation && user.role === Role.MUNICIPALITY) parties.add('DECIDING_MUNICIPALITY');
  if (subject.participant) parties.add('ROUND_PARTICIPANT');
  return parties;
}

/** Whether the user may read data of this kind. */
export function mayRead(kind: DataKind, user: AuthUser | null | undefined, subject: AccessSubject): boolean {
  const parties = partiesOf(user, subject);
  return readAccess[kind].some((party) => parties.has(party));
}

/** Whether the user may change data of this kind. */
export function mayChange(kind: DataKind, user: AuthUser | null | undefined, subject: AccessSubject): boolean {
  const parties = partiesOf(user, subject);
  return changeAccess[kind].some((party) => parties.has(party));
}

/**
 * An agreement with its live draft, versions, exports, input rounds and approvals: ADMIN, the
 * secretariat of its region, the clusters and municipalities of its region. Nobody else — not a
 * patient or professional organisation, not an account made from an invitation link, not another region.
 */
export function canReadAgreement(user: AuthUser | null | undefined, agreement: { regionId: string }): boolean {
  return mayRead('agreement', user, { regionId: agreement.regionId });
}

/** Changing an agreement (drafting, versions, rounds, hearings, phases): the secretariat of its region, or ADMIN. */
export function canChangeAgreement(user: AuthUser | null | undefined, agreement: { regionId: string }): boolean {
  return mayChange('agreement', user, { regionId: agreement.regionId });
}

/**
 * A hearing and its frozen version (and the invited organisation's own response form): the
 * organisations invited to it while invited, the secretariat of the agreement's region, ADMIN.
 * `regionId` is the region of the hearing's agreement.
 */
export function canReadHearing(user: AuthUser | null | undefined, hearing: { regionId: string; id?: string }, invited: boolean): boolean {
  return mayRead('hearing', user, { regionId: hearing.regionId, invited, hearingId: hearing.id ?? null });
}

export const accessPolicy = {
  canReadAgreement,
  canChangeAgreement,
  canReadHearing,

  /** Secretariat of the agreement's region (or an administrator) drafts and manages it. */
  canManageAgreement(user: AuthUser, agreement: { regionId: string }): boolean {
    return canChangeAgreement(user, agreement);
  },

  /** Who may type in the live draft (the collaboration socket is read-only for the other readers). */
  canEditDraft(user: AuthUser, agreement: { regionId: string; finalVersionId?: string | null }): boolean {
    // Once every party has approved, the final version is locked for everyone.
    return !agreement.finalVersionId && canChangeAgreement(user, agreement);
  },

  /**
   * Who may suggest changes in the live draft (typing becomes marked insertions and deletions):
   * the secretariat and ADMIN, who also write, and the region's clusters and municipalities,
   * who may only suggest. Nobody once the final version is locked.
   */
  canSuggestInDraft(user: AuthUser, agreement: { regionId: string; finalVersionId?: string | null }): boolean {
    return !agreement.finalVersionId && mayChange('draftSuggestion', user, { regionId: agreement.regionId });
  },

  /** What a socket on the live draft may do: write (and suggest), only suggest, or only read. */
  draftLevel(user: AuthUser, agreement: { regionId: string; finalVersionId?: string | null }): 'write' | 'suggest' | 'read' | 'none' {
    if (accessPolicy.canEditDraft(user, agreement)) return 'write';
    if (accessPolicy.canSuggestInDraft(user, agreement)) return 'suggest';
    return canReadAgreement(user, agreement) ? 'read' : 'none';
  },
};

/**
 * An account created through an invitation link is bound to one hearing: it acts only for its
 * organisation in that hearing. The auth guard lets it call only the operations marked
 * @OpenToInvitationAccounts(), and those ask `allows` for the hearing they touch.
 */
export const invitationBinding = {
  isBound(user: Pick<AuthUser, 'hearingId'>): boolean {
    return Boolean(user.hearingId);
  },

  /** Whether the user may act in this hearing as far as a binding goes (unbound accounts always may). */
  allows(user: Pick<AuthUser, 'hearingId'>, hearingId: string): boolean {
    return !user.hearingId || user.hearingId === hearingId;
  },
};
