import { createHmac, randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ACCEPT_INVITATION, CONFIRM_INVITATION, mailedCode } from './invitation-codes';
import { demo, startTestApp, TEST_JWT_SECRET, TestApp } from './test-app';

const OPEN = 'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id invitations { id organisationName link withdrawnAt } } }';
const ACCEPT = ACCEPT_INVITATION;
const INVITATIONS = 'query($id: ID!) { hearing(id: $id) { invitations { id organisationName link issuedAt withdrawnAt } } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawHearingInvitation(invitationId: $id) { id link withdrawnAt } }';
const REISSUE = 'mutation($id: ID!) { reissueHearingInvitation(invitationId: $id) { id link withdrawnAt } }';
const SUBMIT = 'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { id reference } }';

interface Invitation {
  id: string;
  organisationName: string;
  link: string | null;
  withdrawnAt: string | null;
}

describe('invitation links', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let versionId: string;
  let agreementId: string;
  let org: Record<string, string>;

  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  const tokenOf = (link: string | null) => (link ?? '').split('/').pop() as string;
  const uniqueEmail = (who: string) => `${who}.${randomUUID().slice(0, 8)}@eksempel.test`;

  const open = async (invite: string[]) => {
    const result = await app.gql(OPEN, { i: { versionId, opensAt: inMinutes(-1), closesAt: inMinutes(60), invitedOrganisationIds: invite.map((n) => org[n]) } }, secretariat);
    expect(result.errors).toBeUndefined();
    return result.data?.openHearing as { id: string; invitations: Invitation[] };
  };
  const invitationOf = (hearing: { invitations: Invitation[] }, name: string) => {
    const found = hearing.invitations.find((i) => i.organisationName === name);
    if (!found) throw new Error(`no invitation for ${name}`);
    return found;
  };
  const accept = (link: string | null, email: string, name = 'Hanne Hjerte') => app.gql(ACCEPT, { i: { token: tokenOf(link), name, email } });
  const acceptOrFail = async (link: string | null, email = uniqueEmail('hanne')) => {
    const result = await accept(link, email);
    expect(result.errors).toBeUndefined();
    const confirmed = await app.gql(CONFIRM_INVITATION, { i: { acceptanceId: result.data?.acceptHearingInvitation.acceptanceId, code: await mailedCode(db, email) } });
    expect(confirmed.errors).toBeUndefined();
    return confirmed.data?.confirmHearingInvitation as { token: string; hearingId: string; user: { email: string; role: string } };
  };
  const response = (hearingId: string, organisation: string) => ({
    hearingId,
    organisationId: org[organisation],
    idempotencyKey: randomUUID(),
    summary: 'Vi har følgende bemærkninger.',
    comments: [],
    publish: false,
  });
  const usersWith = async (email: string) => (await db.query('SELECT 1 FROM users WHERE email = $1', [email])).rowCount;
  const auditRows = async (action: string, entityId: string) =>
    (await db.query<{ actor_id: string; data: Record<string, string> }>('SELECT actor_id, data FROM audit_log WHERE action = $1 AND entity_id = $2', [action, entityId])).rows;

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(demo('sekretariat'));
    const orgs = await db.query<{ id: string; name: string }>('SELECT id, name FROM organisations');
    org = Object.fromEntries(orgs.rows.map((r) => [r.name, r.id]));
    const version = await db.query<{ id: string; agreement_id: string }>(`SELECT id, agreement_id FROM agreement_versions WHERE label = 'Høringsudkast'`);
    versionId = version.rows[0].id;
    agreementId = version.rows[0].agreement_id;
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  describe('never sign in an account that already exists', () => {
    it('refuses the e-mail of an existing account of the invited organisation with CONFLICT and no token (Gladsaxe)', async () => {
      const hearing = await open(['Gladsaxe Kommune']);
      const result = await accept(invitationOf(hearing, 'Gladsaxe Kommune').link, 'Kommune.Gladsaxe@aftalerum.test', 'Karen Gladsaxe');
      expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(result.errors?.[0].message).toBe('Der findes allerede en konto med denne e-mail. Log ind med din adgangskode.');
      expect(result.data?.acceptHearingInvitation ?? null).toBeNull();
      expect(JSON.stringify(result)).not.toMatch(/eyJ/);
    });

    it('refuses the ADMIN account through a link of its own organisation, even one invited before the rules', async () => {
      const hearing = await open(['Hjerteforeningen']);
      // Hovedstaden's SSU can no longer be invited; an invitation row from before the rule stands for the finding.
      await db.query(`INSERT INTO hearing_invitations (hearing_id, organisation_id, token_hash) VALUES ($1, $2, $3)`, [
        hearing.id,
        org['Sundhedssamarbejdsudvalget, Region Hovedstaden'],
        randomUUID(),
      ]);
      const invitations = (await app.gql(INVITATIONS, { id: hearing.id }, secretariat)).data?.hearing.invitations as Invitation[];
      const ssu = invitationOf({ invitations }, 'Sundhedssamarbejdsudvalget, Region Hovedstaden');
      const result = await accept(ssu.link, demo('admin'), 'Anders Administrator');
      expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(result.data?.acceptHearingInvitation ?? null).toBeNull();
      expect(await auditRows('hearing.invitation-accepted', ssu.id)).toEqual([]);
    });

    it('makes one pending account of an address accepted several times at once, and refuses it once confirmed', async () => {
      const hearing = await open(['Hjerteforeningen']);
      const link = invitationOf(hearing, 'Hjerteforeningen').link;
      const email = uniqueEmail('samtidig');
      const results = await Promise.all([accept(link, email), accept(link, email), accept(link, email)]);
      // The invitation's row lock queues them: the first creates the account, the others send it a new code.
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
      expect(new Set(results.map((r) => r.data?.acceptHearingInvitation.acceptanceId)).size).toBe(1);
      expect(await usersWith(email)).toBe(1);
      const confirmed = await app.gql(CONFIRM_INVITATION, { i: { acceptanceId: results[0].data?.acceptHearingInvitation.acceptanceId, code: await mailedCode(db, email) } });
      expect(confirmed.errors).toBeUndefined();
      const again = await accept(link, email);
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await usersWith(email)).toBe(1);
    });
  });

  describe('an account created through a link acts only for its organisation in that hearing', () => {
    let hearing: { id: string; invitations: Invitation[] };
    let other: { id: string; invitations: Invitation[] };
    let token: string;

    beforeAll(async () => {
      hearing = await open(['Hjerteforeningen']);
      other = await open(['Hjerteforeningen', 'Danske Patienter']);
      const accepted = await acceptOrFail(invitationOf(hearing, 'Hjerteforeningen').link);
      expect(accepted.hearingId).toBe(hearing.id);
      expect(accepted.user.role).toBe('ORGANISATION');
      token = accepted.token;
      const bound = await db.query<{ hearing_id: string }>('SELECT hearing_id FROM users WHERE email = $1', [accepted.user.email]);
      expect(bound.rows[0].hearing_id).toBe(hearing.id);
    });

    it('files and reads its organisation’s response to that hearing', async () => {
      const filed = await app.gql(SUBMIT, { i: response(hearing.id, 'Hjerteforeningen') }, token);
      expect(filed.errors).toBeUndefined();
      const read = await app.gql('query($id: ID!) { hearing(id: $id) { id responses { reference } } }', { id: hearing.id }, token);
      expect(read.errors).toBeUndefined();
      expect(read.data?.hearing.responses).toEqual([{ reference: filed.data?.submitHearingResponse.reference }]);
    });

    it('finds its own hearing, and only that, in the list of hearings', async () => {
      const list = await app.gql<{ hearings: Array<{ id: string }> }>('{ hearings { id } }', {}, token);
      expect(list.errors).toBeUndefined();
      expect(list.data?.hearings.map((h) => h.id)).toEqual([hearing.id]);
    });

    it('cannot read or answer another hearing its organisation is invited to', async () => {
      const read = await app.gql('query($id: ID!) { hearing(id: $id) { id } }', { id: other.id }, token);
      expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(read.data?.hearing ?? null).toBeNull();
      const filed = await app.gql(SUBMIT, { i: response(other.id, 'Hjerteforeningen') }, token);
      expect(filed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const draft = await app.gql('mutation($i: SaveHearingDraftInput!) { saveHearingResponseDraft(input: $i) }', {
        i: { hearingId: other.id, organisationId: org.Hjerteforeningen, content: '{"summary":"x"}' },
      }, token);
      expect(draft.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await db.query('SELECT 1 FROM hearing_responses WHERE hearing_id = $1', [other.id])).rowCount).toBe(0);
    });

    it('cannot fetch the receipt of its organisation’s response to another hearing', async () => {
      const colleague = await acceptOrFail(invitationOf(other, 'Hjerteforeningen').link);
      const filed = await app.gql('mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { receiptUrl } }', { i: response(other.id, 'Hjerteforeningen') }, colleague.token);
      expect(filed.errors).toBeUndefined();
      const url = `${app.url}${filed.data?.submitHearingResponse.receiptUrl}`;
      expect((await fetch(url, { headers: { authorization: `Bearer ${colleague.token}` } })).status).toBe(200);
      expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    });

    it('cannot create a version, record an approval or read agreements', async () => {
      const version = await app.gql('mutation($i: CreateVersionInput!) { createVersion(input: $i) { id } }', { i: { agreementId, label: 'Min version' } }, token);
      expect(version.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const approval = await app.gql(
        'mutation($i: RecordApprovalInput!) { recordApproval(input: $i) { id } }',
        { i: { agreementId, organisationId: org.Hjerteforeningen, decision: 'APPROVED', decidedAt: '2026-11-01' } },
        token,
      );
      expect(approval.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const agreements = await app.gql('{ agreements { id } }', {}, token);
      expect(agreements.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const versions = await db.query(`SELECT 1 FROM agreement_versions WHERE label = 'Min version'`);
      expect(versions.rowCount).toBe(0);
      expect((await db.query('SELECT 1 FROM approvals WHERE organisation_id = $1', [org.Hjerteforeningen])).rowCount).toBe(0);
    });

    it('still knows who it is', async () => {
      const me = await app.gql('{ me { role organisation { name } } }', {}, token);
      expect(me.data?.me).toEqual({ role: 'ORGANISATION', organisation: { name: 'Hjerteforeningen' } });
    });
  });

  describe('a link stops working', () => {
    it('when the hearing has closed', async () => {
      const hearing = await open(['Hjerteforeningen']);
      await db.query(`UPDATE hearings SET opens_at = now() - interval '2 hours', closes_at = now() - interval '1 minute' WHERE id = $1`, [hearing.id]);
      const email = uniqueEmail('sen');
      const result = await accept(invitationOf(hearing, 'Hjerteforeningen').link, email);
      expect(result.errors?.[0].extensions?.code).toBe('DEADLINE_PASSED');
      expect(result.data?.acceptHearingInvitation ?? null).toBeNull();
      expect(await usersWith(email)).toBe(0);
    });

    it('when the secretariat withdraws it, and a re-issued link works where the old one does not', async () => {
      const hearing = await open(['Hjerteforeningen']);
      const invitation = invitationOf(hearing, 'Hjerteforeningen');

      const withdrawn = await app.gql(WITHDRAW, { id: invitation.id }, secretariat);
      expect(withdrawn.errors).toBeUndefined();
      expect(withdrawn.data?.withdrawHearingInvitation).toMatchObject({ id: invitation.id, link: null });
      expect(withdrawn.data?.withdrawHearingInvitation.withdrawnAt).toEqual(expect.any(String));
      const refused = uniqueEmail('trukket');
      const afterWithdrawal = await accept(invitation.link, refused);
      expect(afterWithdrawal.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(afterWithdrawal.errors?.[0].message).toMatch(/trukket tilbage/);
      expect(await usersWith(refused)).toBe(0);

      const reissued = await app.gql(REISSUE, { id: invitation.id }, secretariat);
      expect(reissued.errors).toBeUndefined();
      const fresh = reissued.data?.reissueHearingInvitation as Invitation;
      expect(fresh.withdrawnAt).toBeNull();
      expect(fresh.link).not.toBe(invitation.link);
      const old = await accept(invitation.link, uniqueEmail('gammel'));
      expect(old.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(old.errors?.[0].message).toMatch(/erstattet/);
      const accepted = await acceptOrFail(fresh.link);
      expect(accepted.hearingId).toBe(hearing.id);

      // A second re-issue replaces the first one's link too.
      const again = (await app.gql(REISSUE, { id: invitation.id }, secretariat)).data?.reissueHearingInvitation as Invitation;
      expect((await accept(fresh.link, uniqueEmail('forrige'))).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      await acceptOrFail(again.link);
    });

    it('only the secretariat of the agreement’s region withdraws or re-issues', async () => {
      const hearing = await open(['Hjerteforeningen']);
      const invitation = invitationOf(hearing, 'Hjerteforeningen');
      for (const email of ['sekretariat.syddanmark', 'kommune.gladsaxe', 'patientforening']) {
        const token = await app.login(demo(email));
        expect((await app.gql(WITHDRAW, { id: invitation.id }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect((await app.gql(REISSUE, { id: invitation.id }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      const bound = await acceptOrFail(invitation.link);
      expect((await app.gql(WITHDRAW, { id: invitation.id }, bound.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const row = await db.query('SELECT withdrawn_at FROM hearing_invitations WHERE id = $1', [invitation.id]);
      expect(row.rows[0].withdrawn_at).toBeNull();
      expect((await app.gql(WITHDRAW, { id: randomUUID() }, secretariat)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('when it is signed with the login secret (JWT_SECRET) instead of the invitation key', async () => {
      const hearing = await open(['Hjerteforeningen']);
      const invitation = invitationOf(hearing, 'Hjerteforeningen');
      const [{ nonce }] = (await db.query<{ nonce: string }>('SELECT nonce FROM hearing_invitations WHERE id = $1', [invitation.id])).rows;
      const sign = (text: string) => createHmac('sha256', TEST_JWT_SECRET).update(text).digest('base64url');
      const withLoginSecret = `${invitation.id}.${nonce}.${sign(`hearing-invitation:${invitation.id}:${nonce}`)}`;
      const oldStyle = `${invitation.id}.${sign(`hearing-invitation:${invitation.id}`)}`;
      for (const token of [withLoginSecret, oldStyle]) {
        const email = uniqueEmail('falsk');
        const result = await app.gql(ACCEPT, { i: { token, name: 'Falsk', email } });
        expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        expect(await usersWith(email)).toBe(0);
      }
      // The genuine link has the same id and nonce, signed with the invitation key.
      expect(tokenOf(invitation.link).split('.').slice(0, 2)).toEqual([invitation.id, nonce]);
      await acceptOrFail(invitation.link);
    });
  });

  it('invites no committee or region: BAD_USER_INPUT naming the organisation, and no hearing', async () => {
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM hearings')).rows[0].n;
    for (const name of ['Patient- og pårørendeinddragelsesudvalget', 'Sundhedssamarbejdsudvalget, Region Hovedstaden']) {
      const result = await app.gql(OPEN, { i: { versionId, opensAt: inMinutes(-1), closesAt: inMinutes(60), invitedOrganisationIds: [org.Hjerteforeningen, org[name]] } }, secretariat);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain(name);
    }
    const regions = await db.query<{ id: string; name: string }>(`SELECT id, name FROM organisations WHERE kind = 'REGION' LIMIT 1`);
    if (regions.rows.length) {
      const result = await app.gql(OPEN, { i: { versionId, opensAt: inMinutes(-1), closesAt: inMinutes(60), invitedOrganisationIds: [regions.rows[0].id] } }, secretariat);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain(regions.rows[0].name);
    }
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM hearings')).rows[0].n).toBe(before);
  });

  it('writes audit rows for accepting, confirming, withdrawing and re-issuing', async () => {
    const hearing = await open(['Hjerteforeningen']);
    const invitation = invitationOf(hearing, 'Hjerteforeningen');
    const [{ id: secretariatId }] = (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [demo('sekretariat')])).rows;

    const accepted = await acceptOrFail(invitation.link);
    const [{ id: userId }] = (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [accepted.user.email])).rows;
    const [{ id: acceptanceId }] = (await db.query<{ id: string }>('SELECT id FROM invitation_acceptances WHERE user_id = $1', [userId])).rows;
    expect(await auditRows('hearing.invitation-accepted', invitation.id)).toEqual([
      { actor_id: userId, data: { hearingId: hearing.id, organisationId: org.Hjerteforeningen, userId, acceptanceId, pending: true, again: false } },
    ]);
    expect(await auditRows('hearing.invitation-confirmed', invitation.id)).toEqual([
      { actor_id: userId, data: { hearingId: hearing.id, organisationId: org.Hjerteforeningen, userId, acceptanceId } },
    ]);

    await app.gql(WITHDRAW, { id: invitation.id }, secretariat);
    expect(await auditRows('hearing.invitation-withdrawn', invitation.id)).toEqual([
      { actor_id: secretariatId, data: { hearingId: hearing.id, organisationId: org.Hjerteforeningen } },
    ]);
    await app.gql(REISSUE, { id: invitation.id }, secretariat);
    expect(await auditRows('hearing.invitation-reissued', invitation.id)).toEqual([
      { actor_id: secretariatId, data: { hearingId: hearing.id, organisationId: org.Hjerteforeningen, wasWithdrawn: true } },
    ]);
  });

  describe('the invitation key', () => {
    it('is generated once into DATA_DIR when INVITATION_SECRET is unset, and signs the links', async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-invitation-key-'));
      const second = await startTestApp({ DATA_DIR: dataDir });
      try {
        const key = (await readFile(path.join(dataDir, 'invitation-secret'), 'utf8')).trim();
        expect(key.length).toBeGreaterThanOrEqual(32);
        expect(key).not.toBe(TEST_JWT_SECRET);
        // The test databases are clones of one template: the same ids.
        const opened = await second.gql(
          OPEN,
          { i: { versionId, opensAt: inMinutes(-1), closesAt: inMinutes(60), invitedOrganisationIds: [org.Hjerteforeningen] } },
          await second.login(demo('sekretariat')),
        );
        expect(opened.errors).toBeUndefined();
        const [invitationId, nonce, signature] = tokenOf(opened.data?.openHearing.invitations[0].link).split('.');
        expect(signature).toBe(createHmac('sha256', key).update(`hearing-invitation:${invitationId}:${nonce}`).digest('base64url'));
      } finally {
        await second.close();
      }
    });

    it('must differ from the login secret: the server does not start', async () => {
      await expect(startTestApp({ INVITATION_SECRET: TEST_JWT_SECRET })).rejects.toThrow('INVITATION_SECRET må ikke være den samme som JWT_SECRET.');
    });
  });
});
