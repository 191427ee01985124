import { AuthUser } from '../users/auth-user';
import { canChangeAgreement, canReadAgreement, canReadHearing, changeAccess, mayChange, mayRead, readAccess, accessPolicy } from './access-policy';
import { Role } from '../users/role.enum';

const H = 'region-h';
const S = 'region-s';
const user = (role: Role, regionId: string | null, name = role.toLowerCase()): AuthUser => ({
  id: `${name}-id`,
  email: `${name}@aftalerum.test`,
  name,
  role,
  organisationId: `${name}-org`,
  regionId,
});

const USERS = {
  hSecretariat: user(Role.SECRETARIAT, H, 'h-secretariat'),
  hCluster: user(Role.CLUSTER, H, 'h-cluster'),
  hMunicipality: user(Role.MUNICIPALITY, H, 'h-municipality'),
  /** A professional organisation of the region (Dansk Sygeplejeråd, Kreds Hovedstaden): not a reader of the agreement. */
  hOrganisation: user(Role.ORGANISATION, H, 'h-organisation'),
  /** A patient organisation, national (no region), as every account made from an invitation link is. */
  patient: user(Role.ORGANISATION, null, 'patient'),
  sSecretariat: user(Role.SECRETARIAT, S, 's-secretariat'),
  sCluster: user(Role.CLUSTER, S, 's-cluster'),
  sMunicipality: user(Role.MUNICIPALITY, S, 's-municipality'),
  admin: user(Role.ADMIN, H, 'admin'),
};
type Who = keyof typeof USERS;
const decide = (fn: (u: AuthUser) => boolean) => Object.fromEntries(Object.entries(USERS).map(([who, u]) => [who, fn(u)])) as Record<Who, boolean>;
const only = (...allowed: Who[]) => Object.fromEntries(Object.keys(USERS).map((who) => [who, allowed.includes(who as Who)]));

describe('the access policy (API-CONTRACT.md, "Who may read what")', () => {
  it('reads as the contract’s table', () => {
    expect(readAccess).toEqual({
      agreement: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
      hearing: ['ADMIN', 'REGION_SECRETARIAT', 'INVITED_ORGANISATION'],
      hearingResponse: ['ADMIN', 'REGION_SECRETARIAT', 'SUBMITTING_ORGANISATION'],
      clusterInput: ['ADMIN', 'REGION_SECRETARIAT', 'SUBMITTING_ORGANISATION'],
      inputRound: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY', 'ROUND_PARTICIPANT'],
      approval: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
      publicHearing: ['PUBLIC'],
      draftComment: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
      draftSuggestion: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
    });
    expect(changeAccess).toEqual({
      agreement: ['ADMIN', 'REGION_SECRETARIAT'],
      hearing: [],
      hearingResponse: ['SUBMITTING_ORGANISATION'],
      clusterInput: ['SUBMITTING_ORGANISATION'],
      inputRound: ['ADMIN', 'REGION_SECRETARIAT'],
      approval: ['ADMIN', 'REGION_SECRETARIAT', 'DECIDING_MUNICIPALITY'],
      publicHearing: [],
      // Whoever may read the live draft comments on it (issue 17).
      draftComment: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
      // Whoever may read the live draft suggests changes in it, in the editor or from Word (issue 17).
      draftSuggestion: ['ADMIN', 'REGION_SECRETARIAT', 'REGION_CLUSTER', 'REGION_MUNICIPALITY'],
    });
  });

  it('lets the secretariat, clusters and municipalities of the agreement’s region (and ADMIN) read it; nobody else', () => {
    expect(decide((u) => canReadAgreement(u, { regionId: H }))).toEqual(only('hSecretariat', 'hCluster', 'hMunicipality', 'admin'));
    expect(decide((u) => canReadAgreement(u, { regionId: S }))).toEqual(only('sSecretariat', 'sCluster', 'sMunicipality', 'admin'));
    expect(canReadAgreement(null, { regionId: H })).toBe(false);
  });

  it('lets only the secretariat of the region (and ADMIN) change an agreement, and nobody type in a locked draft', () => {
    expect(decide((u) => canChangeAgreement(u, { regionId: H }))).toEqual(only('hSecretariat', 'admin'));
    expect(decide((u) => accessPolicy.canEditDraft(u, { regionId: H, finalVersionId: null }))).toEqual(only('hSecretariat', 'admin'));
    expect(decide((u) => accessPolicy.canEditDraft(u, { regionId: H, finalVersionId: 'v' }))).toEqual(only());
  });

  it('lets the region’s clusters and municipalities only suggest in the live draft, the secretariat write, and nobody once it is locked', () => {
    expect(decide((u) => accessPolicy.canSuggestInDraft(u, { regionId: H, finalVersionId: null }))).toEqual(only('hSecretariat', 'hCluster', 'hMunicipality', 'admin'));
    expect(decide((u) => accessPolicy.canSuggestInDraft(u, { regionId: H, finalVersionId: 'v' }))).toEqual(only());
    const levels = Object.fromEntries(Object.entries(USERS).map(([who, u]) => [who, accessPolicy.draftLevel(u, { regionId: H, finalVersionId: null })]));
    expect(levels).toMatchObject({ hSecretariat: 'write', admin: 'write', hCluster: 'suggest', hMunicipality: 'suggest', sSecretariat: 'none', sCluster: 'none', sMunicipality: 'none' });
    expect(accessPolicy.draftLevel(USERS.hMunicipality, { regionId: H, finalVersionId: 'v' })).toBe('read');
  });

  it('lets the invited organisations, the region’s secretariat and ADMIN read a hearing; not the uninvited, not the region’s clusters', () => {
    expect(decide((u) => canReadHearing(u, { regionId: H }, u === USERS.patient))).toEqual(only('patient', 'hSecretariat', 'admin'));
    expect(decide((u) => canReadHearing(u, { regionId: H }, false))).toEqual(only('hSecretariat', 'admin'));
    // Invited is about the organisation and this hearing; an invitation elsewhere opens nothing here.
    expect(canReadHearing(USERS.patient, { regionId: S }, false)).toBe(false);
  });

  it('lets a submitting organisation read and change its own response and input only; everyone read a public hearing', () => {
    expect(mayRead('hearingResponse', USERS.patient, { regionId: H, submittedByOwnOrganisation: true })).toBe(true);
    expect(mayRead('hearingResponse', USERS.patient, { regionId: H })).toBe(false);
    expect(mayChange('hearingResponse', USERS.hSecretariat, { regionId: H })).toBe(false);
    expect(mayRead('clusterInput', USERS.hCluster, { regionId: H })).toBe(false);
    expect(mayRead('clusterInput', USERS.hCluster, { regionId: H, submittedByOwnOrganisation: true })).toBe(true);
    expect(mayRead('clusterInput', USERS.sSecretariat, { regionId: H })).toBe(false);
    expect(mayRead('publicHearing', null, { regionId: H })).toBe(true);
  });

  it('lets an account made from an invitation link be nobody outside its own hearing', () => {
    const bound: AuthUser = { ...USERS.patient, hearingId: 'hearing-1' };
    expect(mayRead('hearing', bound, { regionId: H, invited: true, hearingId: 'hearing-1' })).toBe(true);
    expect(mayRead('hearing', bound, { regionId: H, invited: true, hearingId: 'hearing-2' })).toBe(false);
    expect(mayRead('hearingResponse', bound, { regionId: H, submittedByOwnOrganisation: true, hearingId: 'hearing-2' })).toBe(false);
    expect(mayRead('hearingResponse', bound, { regionId: H, submittedByOwnOrganisation: true, hearingId: 'hearing-1' })).toBe(true);
  });

  it('lets a municipality record its own decision and the secretariat any, within the region', () => {
    const own = { regionId: H, submittedByOwnOrganisation: true };
    const other = { regionId: H, submittedByOwnOrganisation: false };
    expect(decide((u) => mayChange('approval', u, own))).toEqual(only('hSecretariat', 'hMunicipality', 'admin'));
    expect(decide((u) => mayChange('approval', u, other))).toEqual(only('hSecretariat', 'admin'));
    expect(mayChange('approval', USERS.sMunicipality, own)).toBe(false);
  });

  it('lets the organisations asked for input read the round, and nobody else outside the agreement’s readers', () => {
    expect(decide((u) => mayRead('inputRound', u, { regionId: H, participant: true }))).toEqual(
      only('hSecretariat', 'hCluster', 'hMunicipality', 'hOrganisation', 'patient', 'sSecretariat', 'sCluster', 'sMunicipality', 'admin'),
    );
    expect(decide((u) => mayRead('inputRound', u, { regionId: H }))).toEqual(only('hSecretariat', 'hCluster', 'hMunicipality', 'admin'));
  });
});
