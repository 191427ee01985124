import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { RunningServer } from '../src/server';
import { acceptInvitation, openHearing } from './factories';
import { demo, graphql, GraphQLResult, startSecondInstance, startTestApp, TestApp } from './test-app';

const LIMIT = 5;
const OPEN_HEARING = 'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }';
const SUBMIT_RESPONSE = 'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { id } }';
const OPEN_ROUND = 'mutation($i: OpenInputRoundInput!) { openInputRound(input: $i) { id } }';
const SUBMIT_INPUT = 'mutation($i: SubmitClusterInputInput!) { submitClusterInput(input: $i) { id } }';

const codeOf = (r: GraphQLResult) => (r.errors ? r.errors[0].extensions?.code : 'OK');

/**
 * The limits on hearing responses (SUBMIT_RATE_PER_MINUTE per organisation) and cluster input
 * (per user) are counted in PostgreSQL: two instances on one database, each taking a concurrent burst from the
 * same person, let exactly the limit through between them.
 */
describe('submission limits across instances', () => {
  let app: TestApp;
  let second: RunningServer;
  let db: Client;
  let secretariat: string;
  let org: Record<string, string>;

  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  /** Two bursts of `each` at once, one to each instance. */
  const bursts = (each: number, query: string, variables: () => Record<string, unknown>, token: string) =>
    Promise.all([
      ...Array.from({ length: each }, () => graphql<Record<string, unknown>>(app.url, query, variables(), token)),
      ...Array.from({ length: each }, () => graphql<Record<string, unknown>>(second.url, query, variables(), token)),
    ]);

  beforeAll(async () => {
    app = await startTestApp({ SUBMIT_RATE_PER_MINUTE: String(LIMIT) });
    second = await startSecondInstance(app, { SUBMIT_RATE_PER_MINUTE: String(LIMIT) });
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(demo('sekretariat'));
    org = Object.fromEntries((await db.query<{ id: string; name: string }>('SELECT id, name FROM organisations')).rows.map((r) => [r.name, r.id]));
  });
  afterAll(async () => {
    await db.end();
    await second.close();
    await app.close();
  });

  it('hearing responses: exactly SUBMIT_RATE_PER_MINUTE of two concurrent bursts are filed, the rest refused with nothing written', async () => {
    const [{ id: versionId }] = (await db.query<{ id: string }>(`SELECT id FROM agreement_versions WHERE label = 'Høringsudkast'`)).rows;
    const opened = await app.gql(OPEN_HEARING, { i: { versionId, opensAt: inMinutes(-1), closesAt: inMinutes(60), invitedOrganisationIds: [org['Danske Patienter']] } }, secretariat);
    expect(opened.errors).toBeUndefined();
    const hearingId = opened.data?.openHearing.id as string;
    const patient = await app.login(demo('patientforening'));
    const input = () => ({ i: { hearingId, organisationId: org['Danske Patienter'], idempotencyKey: randomUUID(), summary: 'Bemærkninger.', comments: [], publish: false } });

    const codes = (await bursts(8, SUBMIT_RESPONSE, input, patient)).map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(LIMIT);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(16 - LIMIT);
    const filed = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM hearing_responses WHERE hearing_id = $1', [hearingId]);
    expect(filed.rows[0].n).toBe(LIMIT);
  });

  it('hearing responses: an organisation’s people share one allowance, so accounts made from its link cannot multiply it', async () => {
    const [{ id: versionId }] = (await db.query<{ id: string }>(`SELECT id FROM agreement_versions WHERE label = 'Høringsudkast'`)).rows;
    const hjerte = org['Hjerteforeningen'];
    const hearing = await openHearing(app, secretariat, versionId, [hjerte]);
    const link = hearing.invitations.get(hjerte)?.link as string;
    const people = [await acceptInvitation(app, db, link, 'Hanne Hjerte'), await acceptInvitation(app, db, link, 'Jens Hjerte')];
    const input = () => ({ i: { hearingId: hearing.id, organisationId: hjerte, idempotencyKey: randomUUID(), summary: 'Bemærkninger.', comments: [], publish: false } });

    const codes = (await Promise.all(people.flatMap((token) => Array.from({ length: LIMIT }, () => graphql<Record<string, unknown>>(app.url, SUBMIT_RESPONSE, input(), token))))).map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(LIMIT);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(LIMIT);
    const filed = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM hearing_responses WHERE hearing_id = $1', [hearing.id]);
    expect(filed.rows[0].n).toBe(LIMIT);
  });

  it('cluster input: exactly SUBMIT_RATE_PER_MINUTE of two concurrent bursts are submitted, the rest refused with nothing written', async () => {
    const [{ id: agreementId }] = (await db.query<{ id: string }>(`SELECT a.id FROM agreements a JOIN regions r ON r.id = a.region_id WHERE r.code = 'H'`)).rows;
    const [cluster] = (await db.query<{ id: string }>(`SELECT c.id FROM clusters c WHERE c.name = 'Midt'`)).rows;
    const opened = await app.gql(OPEN_ROUND, { i: { agreementId, title: 'Input på tværs', deadline: inMinutes(60), clusterIds: [cluster.id] } }, secretariat);
    expect(opened.errors).toBeUndefined();
    const roundId = opened.data?.openInputRound.id as string;
    const midt = await app.login(demo('klynge.midt'));
    const input = () => ({ i: { roundId, clusterId: cluster.id, items: [{ theme: 'Rekruttering', text: `Fastholdelse af personale ${randomUUID()}.`, level: 'PROFESSIONAL' }] } });

    const codes = (await bursts(8, SUBMIT_INPUT, input, midt)).map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(LIMIT);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(16 - LIMIT);
    const submitted = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cluster_inputs WHERE round_id = $1 AND submitted_at IS NOT NULL', [roundId]);
    expect(submitted.rows[0].n).toBe(LIMIT);
  });
});
