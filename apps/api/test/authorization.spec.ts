import { buildSchema, GraphQLObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PubSubEngine } from 'graphql-subscriptions';
import { PUB_SUB, TOPICS } from '../src/live/pub-sub';
import { demo, startTestApp, TestApp } from './test-app';

type Who = 'anonymous' | 'SECRETARIAT' | 'CLUSTER' | 'ORGANISATION' | 'MUNICIPALITY' | 'ADMIN';
const ROLES: Who[] = ['anonymous', 'SECRETARIAT', 'CLUSTER', 'ORGANISATION', 'MUNICIPALITY', 'ADMIN'];
const SIGNED_IN: Who[] = ['SECRETARIAT', 'CLUSTER', 'ORGANISATION', 'MUNICIPALITY', 'ADMIN'];
const ACCOUNT: Record<Exclude<Who, 'anonymous'>, string> = {
  SECRETARIAT: 'sekretariat',
  CLUSTER: 'klynge.midt',
  ORGANISATION: 'patientforening',
  MUNICIPALITY: 'kommune.gladsaxe',
  ADMIN: 'admin',
};
const NOBODY = '00000000-0000-4000-8000-000000000000';

interface Row {
  /** Roles that get past access control (they may still meet NOT_FOUND or BAD_USER_INPUT). */
  allowed: Who[];
  query: string;
  variables?: Record<string, unknown>;
  /** Subscriptions run over graphql-ws at /graphql. */
  subscription?: boolean;
}

/**
 * Every operation of schema.gql × every role. Inputs point at nothing (unknown ids), so
 * allowed calls end in NOT_FOUND or BAD_USER_INPUT instead of changing data; refused ones
 * must say UNAUTHENTICATED (anonymous) or FORBIDDEN.
 */
const TABLE: Record<string, Row> = {
  // Queries
  me: { allowed: SIGNED_IN, query: '{ me { id } }' },
  regions: { allowed: SIGNED_IN, query: '{ regions { id } }' },
  organisations: { allowed: SIGNED_IN, query: '{ organisations { id } }' },
  agreements: { allowed: SIGNED_IN, query: '{ agreements { id } }' },
  agreement: { allowed: SIGNED_IN, query: `{ agreement(id: "${NOBODY}") { id } }` },
  agreementVersion: { allowed: SIGNED_IN, query: `{ agreementVersion(id: "${NOBODY}") { id } }` },
  compareVersions: { allowed: SIGNED_IN, query: `{ compareVersions(fromVersionId: "${NOBODY}", toVersionId: "${NOBODY}") { changes { blockId } } }` },
  hearing: { allowed: SIGNED_IN, query: `{ hearing(id: "${NOBODY}") { id } }` },
  hearings: { allowed: SIGNED_IN, query: '{ hearings { id } }' },
  hearingMemo: { allowed: ['SECRETARIAT', 'ADMIN'], query: `{ hearingMemo(hearingId: "${NOBODY}") { html } }` },
  publicHearing: { allowed: ROLES, query: `{ publicHearing(id: "${NOBODY}") { id } }` },
  outbox: { allowed: SIGNED_IN, query: `{ outbox(agreementId: "${NOBODY}") { id } }` },
  agreementDashboard: { allowed: SIGNED_IN, query: `{ agreementDashboard(agreementId: "${NOBODY}") { phase } }` },
  inputRound: { allowed: SIGNED_IN, query: `{ inputRound(id: "${NOBODY}") { id } }` },
  inputItemsForBlocks: { allowed: SIGNED_IN, query: `{ inputItemsForBlocks(agreementId: "${NOBODY}", blockIds: ["x"]) { id } }` },
  // Mutations
  login: { allowed: ROLES, query: 'mutation { login(email: "ingen@aftalerum.test", password: "x") { token } }' },
  createAgreement: {
    allowed: ['SECRETARIAT', 'ADMIN'],
    query: `mutation { createAgreement(input: { regionId: "${NOBODY}", title: "Tom aftale", periodStart: 2030, periodEnd: 2033, effectiveDate: "2030-01-01" }) { id } }`,
  },
  createVersion: { allowed: ['SECRETARIAT', 'ADMIN'], query: `mutation { createVersion(input: { agreementId: "${NOBODY}", label: "x" }) { id } }` },
  restoreVersion: { allowed: ['SECRETARIAT', 'ADMIN'], query: `mutation { restoreVersion(versionId: "${NOBODY}") { id } }` },
  openHearing: {
    allowed: ['SECRETARIAT', 'ADMIN'],
    query: `mutation { openHearing(input: { versionId: "${NOBODY}", opensAt: "2030-01-01T00:00:00Z", closesAt: "2030-02-01T00:00:00Z", invitedOrganisationIds: [] }) { id } }`,
  },
  extendHearingDeadline: {
    allowed: ['SECRETARIAT', 'ADMIN'],
    query: `mutation { extendHearingDeadline(input: { hearingId: "${NOBODY}", closesAt: "2030-02-01T00:00:00Z", reason: "Ferie" }) { id } }`,
  },
  acceptHearingInvitation: { allowed: ROLES, query: 'mutation { acceptHearingInvitation(input: { token: "not-a-real-token", name: "A B", email: "a@b.test" }) { token } }' },
  withdrawHearingInvitation: { allowed: ['SECRETARIAT', 'ADMIN'], query: `mutation { withdrawHearingInvitation(invitationId: "${NOBODY}") { id } }` },
  reissueHearingInvitation: { allowed: ['SECRETARIAT', 'ADMIN'], query: `mutation { reissueHearingInvitation(invitationId: "${NOBODY}") { id } }` },
  submitHearingResponse: {
    allowed: SIGNED_IN,
    query: `mutation($o: ID!) { submitHearingResponse(input: { hearingId: "${NOBODY}", organisationId: $o, idempotencyKey: "authz-table", comments: [{ text: "x" }], publish: false }) { id } }`,
  },
  registerLateHearingResponse: {
    allowed: ['SECRETARIAT', 'ADMIN'],
    query: `mutation { registerLateHearingResponse(input: { hearingId: "${NOBODY}", organisationId: "${NOBODY}", idempotencyKey: "authz-table", comments: [{ text: "x" }], publish: false }) { id } }`,
  },
  saveHearingResponseDraft: {
    allowed: SIGNED_IN,
    query: `mutation($o: ID!) { saveHearingResponseDraft(input: { hearingId: "${NOBODY}", organisationId: $o, content: "{}" }) }`,
  },
  replyToHearingComment: {
    allowed: ['SECRETARIAT', 'ADMIN'],
    query: `mutation { replyToHearingComment(input: { commentId: "${NOBODY}", reply: "x", outcome: NOTED }) { id } }`,
  },
  recordApproval: {
    allowed: ['SECRETARIAT', 'MUNICIPALITY', 'ADMIN'],
    query: `mutation { recordApproval(input: { agreementId: "${NOBODY}", organisationId: "${NOBODY}", decision: APPROVED, decidedAt: "2023-12-01" }) { id } }`,
  },
  createMilestone: {
    allowed: ['SECRETARIAT', 'ADMIN'],
    query: `mutation { createMilestone(input: { agreementId: "${NOBODY}", title: "Møde", kind: MEETING, date: "2023-01-01" }) { id } }`,
  },
  setAgreementPhase: { allowed: ['SECRETARIAT', 'ADMIN'], query: `mutation { setAgreementPhase(input: { agreementId: "${NOBODY}", phase: DRAFTING }) { id } }` },
  openInputRound: {
    allowed: ['SECRETARIAT', 'ADMIN'],
    query: `mutation { openInputRound(input: { agreementId: "${NOBODY}", title: "Runde", deadline: "2030-02-01T00:00:00Z", clusterIds: [] }) { id } }`,
  },
  extendInputRoundDeadline: {
    allowed: ['SECRETARIAT', 'ADMIN'],
    query: `mutation { extendInputRoundDeadline(input: { roundId: "${NOBODY}", deadline: "2030-02-01T00:00:00Z", reason: "Ferie" }) { id } }`,
  },
  saveClusterInputDraft: {
    allowed: ['CLUSTER', 'ORGANISATION', 'ADMIN'],
    query: `mutation { saveClusterInputDraft(input: { roundId: "${NOBODY}", clusterId: "${NOBODY}", items: [] }) { id } }`,
  },
  submitClusterInput: {
    allowed: ['CLUSTER', 'ORGANISATION', 'ADMIN'],
    query: `mutation { submitClusterInput(input: { roundId: "${NOBODY}", clusterId: "${NOBODY}", items: [{ theme: "x", text: "x" }] }) { id } }`,
  },
  assessInputItem: {
    allowed: ['SECRETARIAT', 'ADMIN'],
    query: `mutation { assessInputItem(input: { itemId: "${NOBODY}", outcome: NOTED, reason: "x" }) { id } }`,
  },
  // Subscriptions
  hearingResponseReceived: { allowed: ['SECRETARIAT', 'ADMIN'], subscription: true, query: `subscription { hearingResponseReceived(hearingId: "${NOBODY}") { id } }` },
  clusterInputSubmitted: { allowed: ['SECRETARIAT', 'ADMIN'], subscription: true, query: `subscription { clusterInputSubmitted(agreementId: "${NOBODY}") { id } }` },
  approvalRecorded: { allowed: SIGNED_IN, subscription: true, query: `subscription { approvalRecorded(agreementId: "${NOBODY}") { id } }` },
  // Sessions
  refreshSession: { allowed: ROLES, query: `mutation { refreshSession(refreshToken: "${NOBODY}.${'a'.repeat(43)}") { token } }` },
  collaborationToken: { allowed: SIGNED_IN, query: `mutation { collaborationToken(documentName: "agreement:${NOBODY}") { token } }` },
  useSessionCookie: { allowed: SIGNED_IN, query: 'mutation { useSessionCookie }' },
  // Last: it ends the session of each role's token, which every row above uses.
  logout: { allowed: ROLES, query: 'mutation { logout }' },
};

/** What a subscription row listens on, and an event for it that the allowed roles may see. */
const PROBES: Record<string, { topic: string; payload: Record<string, unknown> }> = {
  hearingResponseReceived: {
    topic: TOPICS.hearingResponse(NOBODY),
    payload: { hearingResponseReceived: { id: NOBODY, hearingId: NOBODY, receivedAt: new Date().toISOString() } },
  },
  clusterInputSubmitted: { topic: TOPICS.clusterInput(NOBODY), payload: { clusterInputSubmitted: { id: NOBODY, agreementId: NOBODY } } },
  approvalRecorded: { topic: TOPICS.approval(NOBODY), payload: { approvalRecorded: { id: NOBODY, agreementId: NOBODY, recordedAt: new Date().toISOString() } } },
};

/**
 * Subscribes over graphql-ws and reports the refusal code, or null when the subscription was
 * accepted: an event published on its topic came through. Until one or the other happens, an
 * event is published again now and then (graphql-ws does not say when a subscription is in
 * place, so an early one may be missed); no answer in time fails the case.
 */
async function subscriptionCode(app: TestApp, operation: string, query: string, token: string | undefined): Promise<string | null> {
  const { createClient } = await import('graphql-ws');
  const WebSocket = (await import('ws')).default;
  const pubSub = app.server.app.get<PubSubEngine>(PUB_SUB);
  const probe = PROBES[operation];
  const client = createClient({
    url: `${app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  try {
    let answer: { code: string | null } | null = null;
    client.subscribe(
      { query },
      {
        next: (value) => {
          answer ??= { code: (value.data?.[operation] as { id?: string } | undefined)?.id === NOBODY ? null : `UNEXPECTED ${JSON.stringify(value)}` };
        },
        complete: () => undefined,
        error: (error: unknown) => {
          if (Array.isArray(error)) answer ??= { code: String((error[0] as { extensions?: { code?: string } }).extensions?.code) };
          else answer ??= { code: (error as { code?: number }).code === 4403 ? 'UNAUTHENTICATED' : `CLOSED ${(error as { code?: number }).code}` };
        },
      },
    );
    const deadline = Date.now() + 20_000;
    for (let n = 1; !answer; n++) {
      if (Date.now() > deadline) return 'NO ANSWER: neither an event nor a refusal';
      await pubSub.publish(probe.topic, probe.payload);
      // Not an assertion: only how long to wait before publishing again.
      const next = Date.now() + Math.min(500, 20 * n);
      while (!answer && Date.now() < next) await new Promise((r) => setTimeout(r, 10));
    }
    return (answer as { code: string | null }).code;
  } finally {
    await client.dispose();
  }
}

const schemaOperations = () => {
  const schema = buildSchema(readFileSync(path.resolve(__dirname, '../schema.gql'), 'utf8'));
  return ['Query', 'Mutation', 'Subscription'].flatMap((type) => {
    const object = schema.getType(type);
    return object instanceof GraphQLObjectType ? Object.keys(object.getFields()) : [];
  });
};

describe('authorization of every operation × every role', () => {
  let app: TestApp;
  const tokens: Partial<Record<Who, string>> = {};
  const organisations: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of SIGNED_IN) {
      tokens[role] = await app.login(demo(ACCOUNT[role as Exclude<Who, 'anonymous'>]));
      organisations[role] = (await app.gql('{ me { organisation { id } } }', {}, tokens[role])).data?.me.organisation.id;
    }
  });
  afterAll(() => app.close());

  it('has a row for every operation in schema.gql', () => {
    const missing = schemaOperations().filter((operation) => !TABLE[operation]);
    expect(missing).toEqual([]);
  });

  it('has no row for an operation that no longer exists', () => {
    const operations = new Set(schemaOperations());
    expect(Object.keys(TABLE).filter((operation) => !operations.has(operation))).toEqual([]);
  });

  const cases = Object.entries(TABLE).flatMap(([operation, row]) => ROLES.map((who) => [operation, who, row] as const));
  it.each(cases)('%s as %s', async (operation, who, row) => {
    if (row.subscription) {
      const code = await subscriptionCode(app, operation, row.query, who === 'anonymous' ? undefined : tokens[who]);
      // Past the guard, the subscription asks its query's policy about the (unknown) target.
      if (row.allowed.includes(who)) expect([operation, code]).toEqual([operation, 'NOT_FOUND']);
      else expect([operation, code]).toEqual([operation, who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
      return;
    }
    const variables = { o: organisations[who] ?? NOBODY, ...row.variables };
    const result = await app.gql(row.query, variables, who === 'anonymous' ? undefined : tokens[who]);
    const code = result.errors?.[0]?.extensions?.code;
    expect(code).not.toBe('INTERNAL_SERVER_ERROR');
    if (row.allowed.includes(who)) {
      // Past the guard: the operation itself may still refuse bad credentials (login) or
      // unknown ids, but not because of who is asking.
      expect([operation, code]).not.toEqual([operation, 'FORBIDDEN']);
      expect([operation, result.errors?.[0]?.message]).not.toEqual([operation, 'Du skal logge ind for at fortsætte.']);
    } else {
      expect([operation, code]).toEqual([operation, who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
    }
  });
});
