import { Client } from 'pg';
import { Intent, ScopedData, ScopedKind } from '../src/access/scoped-data';
import type { AuthUser } from '../src/users/auth-user';
import { Role } from '../src/users/role.enum';
import { DomainError } from '../src/common/domain-error';
import { demo, startTestApp, TestApp } from './test-app';

/**
 * The scoped data access on real rows: every kind of row it hands out, for callers of the
 * row's own region, organisation and hearing and for callers of another. The ownership matrix
 * (ownership-matrix.spec.ts) checks the same through every operation of the API; this checks
 * the layer itself, so a new feature reading through it inherits the rules.
 */
describe('the scoped data access (access/scoped-data.ts)', () => {
  let app: TestApp;
  let db: Client;
  let scoped: ScopedData;
  const rows = {} as Record<'hAgreement' | 'sAgreement' | 'version' | 'round' | 'clusterInput' | 'hearing' | 'response' | 'comment' | 'attachment', string>;
  const users = {} as Record<'hSecretariat' | 'hCluster' | 'otherCluster' | 'hMunicipality' | 'sSecretariat' | 'responder' | 'otherOrganisation' | 'admin', AuthUser>;
  let respondingOrganisation: string;
  let inputOrganisation: string;

  const one = async (q: string, params: unknown[] = []) => (await db.query<{ id: string }>(q, params)).rows[0]?.id as string;
  const person = (role: Role, organisationId: string, regionId: string | null, name: string): AuthUser => ({
    id: '00000000-0000-4000-8000-000000000001',
    email: `${name}@aftalerum.test`,
    name,
    role,
    organisationId,
    regionId,
  });
  /** 'allowed', or the code the layer refused with. */
  const outcome = async (user: AuthUser, kind: ScopedKind, id: string, intent: Intent = 'read') => {
    try {
      await scoped.one(user, kind, id, intent);
      return 'allowed';
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
  };
  const table = async (kind: ScopedKind, id: string, intent: Intent = 'read') => {
    const answers: Record<string, string> = {};
    for (const [who, user] of Object.entries(users)) answers[who] = await outcome(user, kind, id, intent);
    return answers;
  };
  const only = (...allowed: Array<keyof typeof users>) =>
    Object.fromEntries(Object.keys(users).map((who) => [who, allowed.includes(who as keyof typeof users) ? 'allowed' : 'FORBIDDEN']));

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    scoped = app.server.app.get(ScopedData);
    const region = async (code: string) => one('SELECT id FROM regions WHERE code = $1', [code]);
    const [h, s] = [await region('H'), await region('S')];
    rows.hAgreement = await one('SELECT id FROM agreements WHERE region_id = $1', [h]);
    rows.version = await one('SELECT id FROM agreement_versions WHERE agreement_id = $1 ORDER BY number LIMIT 1', [rows.hAgreement]);
    rows.round = await one('SELECT id FROM input_rounds WHERE agreement_id = $1 LIMIT 1', [rows.hAgreement]);
    rows.clusterInput = await one('SELECT id FROM cluster_inputs WHERE round_id = $1 AND submitted_at IS NOT NULL ORDER BY id LIMIT 1', [rows.round]);
    inputOrganisation = await one('SELECT organisation_id AS id FROM cluster_inputs WHERE id = $1', [rows.clusterInput]);
    rows.hearing = await one('SELECT h.id FROM hearings h WHERE h.agreement_id = $1 AND EXISTS (SELECT 1 FROM hearing_responses r WHERE r.hearing_id = h.id) LIMIT 1', [rows.hAgreement]);
    rows.response = await one('SELECT id FROM hearing_responses WHERE hearing_id = $1 ORDER BY id LIMIT 1', [rows.hearing]);
    rows.comment = await one('SELECT id FROM hearing_comments WHERE response_id = $1 LIMIT 1', [rows.response]);
    respondingOrganisation = await one('SELECT organisation_id AS id FROM hearing_responses WHERE id = $1', [rows.response]);
    const otherOrganisation = await one(
      `SELECT i.organisation_id AS id FROM hearing_invitations i WHERE i.hearing_id = $1 AND i.organisation_id <> $2
          AND NOT EXISTS (SELECT 1 FROM hearing_responses r WHERE r.hearing_id = $1 AND r.organisation_id = i.organisation_id) LIMIT 1`,
      [rows.hearing, respondingOrganisation],
    );
    const otherCluster = await one('SELECT c.organisation_id AS id FROM clusters c WHERE c.region_id = $1 AND c.organisation_id <> $2 LIMIT 1', [h, inputOrganisation]);
    // A municipality of the region that the hearing did not invite (the demo hearing invited some, Gladsaxe among them).
    const municipality = await one(
      `SELECT o.id FROM organisations o WHERE o.region_id = $1 AND o.kind = 'MUNICIPALITY'
          AND NOT EXISTS (SELECT 1 FROM hearing_invitations i WHERE i.hearing_id = $2 AND i.organisation_id = o.id) ORDER BY o.name LIMIT 1`,
      [h, rows.hearing],
    );
    const hRegionOrg = await one(`SELECT o.id FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE u.email = $1`, [demo('sekretariat')]);
    const sRegionOrg = await one(`SELECT o.id FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE u.email = $1`, [demo('sekretariat.syddanmark')]);
    users.hSecretariat = person(Role.SECRETARIAT, hRegionOrg, h, 'h-sekretariat');
    users.hCluster = person(Role.CLUSTER, inputOrganisation, h, 'klynge');
    users.otherCluster = person(Role.CLUSTER, otherCluster, h, 'anden-klynge');
    users.hMunicipality = person(Role.MUNICIPALITY, municipality, h, 'kommune');
    users.sSecretariat = person(Role.SECRETARIAT, sRegionOrg, s, 's-sekretariat');
    users.responder = person(Role.ORGANISATION, respondingOrganisation, null, 'svarer');
    users.otherOrganisation = person(Role.ORGANISATION, otherOrganisation, null, 'inviteret-uden-svar');
    users.admin = person(Role.ADMIN, hRegionOrg, h, 'admin');

    const created = await app.gql<{ createAgreement: { id: string } }>(
      'mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }',
      { i: { regionId: s, title: 'Sundhedsaftale for Region Syddanmark 2028–2031', periodStart: 2028, periodEnd: 2031, effectiveDate: '2028-01-01' } },
      await app.login(demo('sekretariat.syddanmark')),
    );
    expect(created.errors).toBeUndefined();
    rows.sAgreement = created.data?.createAgreement.id as string;

    // A decision document of that municipality's approval (uploaded by the secretariat on its behalf), and an upload not filed anywhere yet.
    rows.attachment = await one(
      `INSERT INTO attachments (organisation_id, uploaded_by, filename, content_type, size, sha256, data)
       SELECT $1, u.id, 'byraadsbeslutning.pdf', 'application/pdf', 4, 'x', '\\x25504446'::bytea FROM users u WHERE u.email = $2 RETURNING id`,
      [municipality, demo('sekretariat')],
    );
    await db.query(
      `INSERT INTO approvals (agreement_id, organisation_id, decision, decided_at, document_id, recorded_by, version_id)
       SELECT $1, $2, 'APPROVED', '2023-11-14', $3, u.id, (SELECT v.id FROM agreement_versions v WHERE v.agreement_id = $1 ORDER BY v.number DESC LIMIT 1)
         FROM users u WHERE u.email = $4`,
      [rows.hAgreement, municipality, rows.attachment, demo('sekretariat')],
    );
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('has the rows it needs: two regions’ agreements, a round with input, a hearing with a response and a comment', () => {
    for (const [name, id] of Object.entries(rows)) expect([name, id]).toEqual([name, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect(users.otherOrganisation.organisationId).toBeTruthy();
  });

  it('hands out an agreement to its region’s secretariat, clusters and municipalities (and ADMIN), changes only to its secretariat', async () => {
    expect(await table('agreement', rows.hAgreement)).toEqual(only('hSecretariat', 'hCluster', 'otherCluster', 'hMunicipality', 'admin'));
    expect(await table('agreement', rows.hAgreement, 'change')).toEqual(only('hSecretariat', 'admin'));
    expect(await table('agreement', rows.sAgreement)).toEqual(only('sSecretariat', 'admin'));
  });

  it('hands out a version to the agreement’s readers, and to the organisations invited to a hearing on it', async () => {
    const hearingVersion = await one('SELECT version_id AS id FROM hearings WHERE id = $1', [rows.hearing]);
    expect(await table('version', hearingVersion)).toEqual(only('hSecretariat', 'hCluster', 'otherCluster', 'hMunicipality', 'responder', 'otherOrganisation', 'admin'));
    expect(await table('version', hearingVersion, 'change')).toEqual(only('hSecretariat', 'admin'));
  });

  it('hands out a hearing to its invited organisations and the secretariat, not to the region’s clusters or the other region', async () => {
    expect(await table('hearing', rows.hearing)).toEqual(only('hSecretariat', 'responder', 'otherOrganisation', 'admin'));
    expect(await table('hearing', rows.hearing, 'change')).toEqual(only('hSecretariat', 'admin'));
  });

  it('hands out a response, its comments and its receipt only to the submitting organisation and the secretariat', async () => {
    expect(await table('hearingResponse', rows.response)).toEqual(only('hSecretariat', 'responder', 'admin'));
    expect(await table('hearingComment', rows.comment)).toEqual(only('hSecretariat', 'responder', 'admin'));
    expect(await table('hearingComment', rows.comment, 'change')).toEqual(only('hSecretariat', 'admin'));
  });

  it('lists a hearing’s responses whole for the secretariat and only its own for an invited organisation', async () => {
    const hearing = await scoped.one(users.hSecretariat, 'hearing', rows.hearing);
    const all = await scoped.hearingResponses(users.hSecretariat, hearing);
    expect(all.length).toBeGreaterThan(1);
    const own = await scoped.hearingResponses(users.responder, hearing);
    expect(own.map((r) => r.organisationId)).toEqual(own.map(() => respondingOrganisation));
    expect(own.length).toBeGreaterThan(0);
    expect(await scoped.hearingResponses(users.otherOrganisation, hearing)).toEqual([]);
    expect(await scoped.hearingResponses(users.sSecretariat, hearing)).toEqual([]);
  });

  it('hands out cluster input only to the submitting cluster and the secretariat; the round to the agreement’s readers', async () => {
    expect(await table('clusterInput', rows.clusterInput)).toEqual(only('hSecretariat', 'hCluster', 'admin'));
    expect(await table('inputRound', rows.round)).toEqual(only('hSecretariat', 'hCluster', 'otherCluster', 'hMunicipality', 'admin'));
    expect(await table('inputRound', rows.round, 'change')).toEqual(only('hSecretariat', 'admin'));
    const round = await scoped.one(users.hSecretariat, 'inputRound', rows.round);
    const own = await scoped.clusterInputs(users.hCluster, round, { submitted: true });
    expect(new Set(own.map((i) => i.organisationId))).toEqual(new Set([inputOrganisation]));
    expect((await scoped.clusterInputs(users.hSecretariat, round, { submitted: true })).length).toBeGreaterThan(own.length);
    expect(await scoped.clusterInputs(users.sSecretariat, round)).toEqual([]);
  });

  it('hands out a decision document to the deciding municipality and the agreement’s secretariat, not to another region', async () => {
    expect(await table('attachment', rows.attachment)).toEqual(only('hSecretariat', 'hMunicipality', 'admin'));
  });

  it('makes an account bound to one hearing nobody outside it', async () => {
    const other = await one('SELECT id FROM hearings WHERE id <> $1 LIMIT 1', [rows.hearing]);
    const bound: AuthUser = { ...users.responder, hearingId: other ?? '00000000-0000-4000-8000-00000000abcd' };
    expect(await outcome(bound, 'hearing', rows.hearing)).toBe('FORBIDDEN');
    expect(await outcome(bound, 'hearingResponse', rows.response)).toBe('FORBIDDEN');
    expect(await outcome({ ...users.responder, hearingId: rows.hearing }, 'hearingResponse', rows.response)).toBe('allowed');
  });

  it('answers NOT_FOUND for an id that names nothing, malformed or not, and FORBIDDEN never with the row', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'agreement', '', "1' OR '1'='1"]) {
      expect([id, await outcome(users.admin, 'agreement', id)]).toEqual([id, 'NOT_FOUND']);
    }
    expect(await scoped.find(users.admin, 'hearing', '00000000-0000-4000-8000-000000000000')).toBeNull();
    await expect(scoped.find(users.sSecretariat, 'agreement', rows.hAgreement)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/ikke adgang til aftalen/) });
  });
});
