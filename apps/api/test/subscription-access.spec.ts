import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, TOO_BIG_REASON } from '../src/live/subscription-server';
import { waitFor } from './collab-client';
import { failureOf, subscribe, Subscription, triggerUntilDelivered } from './subscription-client';
import { readyForApproval } from './factories';
import { demo, startTestApp, TestApp } from './test-app';

const HEARING_EVENT = 'subscription($h: ID!) { hearingResponseReceived(hearingId: $h) { reference summary submittedBy organisation { name } comments { text } } }';
const INPUT_EVENT = 'subscription($a: ID!) { clusterInputSubmitted(agreementId: $a) { id number organisation { name } items { text } } }';
const APPROVAL_EVENT = 'subscription($a: ID!) { approvalRecorded(agreementId: $a) { decidedAt organisation { name } } }';

type HearingEvent = { data?: { hearingResponseReceived?: { reference: string; summary: string | null; submittedBy: string; organisation: { name: string }; comments: Array<{ text: string }> } } };
type InputEvent = { data?: { clusterInputSubmitted?: { id: string; number: number; organisation: { name: string }; items: Array<{ text: string }> } } };
type ApprovalEvent = { data?: { approvalRecorded?: { decidedAt: string; organisation: { name: string } } } };

/**
 * Each subscription against its query's policy, over a real graphql-ws socket: outsiders are
 * refused with FORBIDDEN before any event, while the region's secretariat, subscribed after
 * them, gets every event (so the outsiders' streams, had they been open, would have seen them).
 */
describe('who may follow what over graphql-ws', () => {
  let app: TestApp;
  let db: Client;
  const tokens: Record<string, string> = {};
  let agreementId: string;
  let hearingId: string;
  let patientOrgId: string;
  let roundId: string;
  let midtClusterId: string;
  let gladsaxeId: string;
  const open: Array<Subscription<unknown>> = [];

  const follow = <T>(query: string, variables: Record<string, unknown>, who: string): Subscription<T> => {
    const subscription = subscribe<T>(app.url, query, variables, tokens[who]);
    open.push(subscription as Subscription<unknown>);
    return subscription;
  };
  /** The refusal a subscription ended with: the socket sends it right after subscribing. */
  const refusal = async (subscription: Subscription<unknown>) => {
    await waitFor(() => subscription.failures.length > 0, 10_000, 'the refusal');
    return failureOf(subscription);
  };

  beforeAll(async () => {
    app = await startTestApp({ SUBMIT_RATE_PER_MINUTE: '1000' });
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    for (const who of ['sekretariat', 'sekretariat.syddanmark', 'patientforening', 'faglig.organisation', 'kommune.gladsaxe', 'kommune.odense', 'klynge.midt', 'klynge.nord']) {
      tokens[who] = await app.login(demo(who));
    }
    const [row] = (
      await db.query(`SELECT (SELECT id FROM agreement_versions WHERE label = 'Høringsudkast') AS version,
        (SELECT agreement_id FROM agreement_versions WHERE label = 'Høringsudkast') AS agreement,
        (SELECT id FROM organisations WHERE name = 'Danske Patienter') AS patients,
        (SELECT id FROM organisations WHERE name = 'Gladsaxe Kommune') AS gladsaxe,
        (SELECT c.id FROM clusters c JOIN regions r ON r.id = c.region_id WHERE r.code = 'H' AND c.name = 'Midt') AS midt`)
    ).rows;
    agreementId = row.agreement;
    await readyForApproval(app, db, agreementId, tokens.sekretariat);
    patientOrgId = row.patients;
    gladsaxeId = row.gladsaxe;
    midtClusterId = row.midt;
    const hearing = await app.gql('mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }', {
      i: { versionId: row.version, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString(), invitedOrganisationIds: [patientOrgId] },
    }, tokens.sekretariat);
    expect(hearing.errors).toBeUndefined();
    hearingId = hearing.data?.openHearing.id;
    const round = await app.gql('mutation($i: OpenInputRoundInput!) { openInputRound(input: $i) { id } }', {
      i: { agreementId, title: 'Input til abonnementer', deadline: new Date(Date.now() + 3_600_000).toISOString(), clusterIds: [midtClusterId] },
    }, tokens.sekretariat);
    expect(round.errors).toBeUndefined();
    roundId = round.data?.openInputRound.id;
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.dispose()));
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  const submitResponse = async (n: number, token = tokens.patientforening) => {
    const result = await app.gql('mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { reference } }', {
      i: { hearingId, organisationId: patientOrgId, idempotencyKey: randomUUID(), summary: `Fortroligt resumé ${n}.`, comments: [{ text: `Fortrolig bemærkning ${n}.` }], publish: false },
    }, token);
    expect(result.errors).toBeUndefined();
    return result.data?.submitHearingResponse.reference as string;
  };

  describe('hearingResponseReceived (the rule of Hearing.responses)', () => {
    it('refuses the other region’s secretariat and other organisations, and delivers to the region’s secretariat', async () => {
      const outsiders = ['sekretariat.syddanmark', 'faglig.organisation', 'kommune.gladsaxe'].map((who) => follow<HearingEvent>(HEARING_EVENT, { h: hearingId }, who));
      const owner = follow<HearingEvent>(HEARING_EVENT, { h: hearingId }, 'sekretariat');
      const filed: string[] = [];
      await triggerUntilDelivered(owner, async (n) => void filed.push(await submitResponse(n)), (e) => (e as HearingEvent).data?.hearingResponseReceived?.reference === filed.at(-1));
      expect(owner.failures).toEqual([]);
      const delivered = owner.events.map((e) => e.data?.hearingResponseReceived);
      expect(delivered.at(-1)).toEqual({
        reference: filed.at(-1),
        summary: `Fortroligt resumé ${filed.length - 1}.`,
        submittedBy: 'Peter Patientforening',
        organisation: { name: 'Danske Patienter' },
        comments: [{ text: `Fortrolig bemærkning ${filed.length - 1}.` }],
      });
      for (const outsider of outsiders) {
        expect(await refusal(outsider)).toMatchObject({ code: 'FORBIDDEN' });
        expect(outsider.events).toEqual([]);
      }
      // The same users' query answers nothing of it either.
      const read = await app.gql('query($h: ID!) { hearing(id: $h) { responses { reference summary } } }', { h: hearingId }, tokens['sekretariat.syddanmark']);
      expect(read.data?.hearing?.responses ?? []).toEqual([]);
    });

    it('ends the stream once the follower’s organisation moves to the other region (the move ends the session)', async () => {
      const email = `flytter.${randomUUID().slice(0, 8)}@aftalerum.test`;
      await db.query(`INSERT INTO users (email, name, password_hash, role, organisation_id) SELECT $1, 'Frede Flytter', password_hash, role, organisation_id FROM users WHERE email = $2`, [email, demo('sekretariat')]);
      tokens.mover = await app.login(email);
      const mover = follow<HearingEvent>(HEARING_EVENT, { h: hearingId }, 'mover');
      const filed: string[] = [];
      await triggerUntilDelivered(mover, async (n) => void filed.push(await submitResponse(n)), (e) => (e as HearingEvent).data?.hearingResponseReceived?.reference === filed.at(-1));
      expect(mover.failures).toEqual([]);
      await db.query(`UPDATE users SET organisation_id = (SELECT id FROM organisations WHERE name = 'Sundhedssamarbejdsudvalget, Region Syddanmark') WHERE email = $1`, [email]);
      // The session is checked with the user's current row before every event (no cache): the
      // next event ends the stream and never arrives.
      filed.push(await submitResponse(100));
      await waitFor(() => mover.failures.length > 0, 10_000, 'the end of the stream');
      expect(failureOf(mover)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Din session er udløbet. Log ind igen.' });
      const references = mover.events.map((e) => e.data?.hearingResponseReceived?.reference);
      expect(references).not.toContain(filed.at(-1));
    });
  });

  describe('clusterInputSubmitted (the rule of InputRound.inputs)', () => {
    const submitInput = async (n: number) => {
      const result = await app.gql('mutation($i: SubmitClusterInputInput!) { submitClusterInput(input: $i) { id } }', {
        i: { roundId, clusterId: midtClusterId, items: [{ theme: 'Forebyggelse', text: `Klynge Midts input ${n}.` }] },
      }, tokens['klynge.midt']);
      expect(result.errors).toBeUndefined();
      return result.data?.submitClusterInput.id as string;
    };

    it('refuses the other region’s secretariat and another cluster, and delivers to the region’s secretariat', async () => {
      const outsiders = ['sekretariat.syddanmark', 'klynge.nord'].map((who) => follow<InputEvent>(INPUT_EVENT, { a: agreementId }, who));
      const owner = follow<InputEvent>(INPUT_EVENT, { a: agreementId }, 'sekretariat');
      const submitted: string[] = [];
      await triggerUntilDelivered(owner, async (n) => void submitted.push(await submitInput(n)), (e) => (e as InputEvent).data?.clusterInputSubmitted?.id === submitted.at(-1));
      expect(owner.failures).toEqual([]);
      expect(owner.events.at(-1)?.data?.clusterInputSubmitted).toMatchObject({ id: submitted.at(-1), items: [{ text: `Klynge Midts input ${submitted.length - 1}.` }] });
      for (const outsider of outsiders) {
        expect(await refusal(outsider)).toMatchObject({ code: 'FORBIDDEN' });
        expect(outsider.events).toEqual([]);
      }
      const read = await app.gql('query($r: ID!) { inputRound(id: $r) { inputs { id } } }', { r: roundId }, tokens['sekretariat.syddanmark']);
      expect(read.data?.inputRound?.inputs ?? []).toEqual([]);
    });
  });

  describe('approvalRecorded (the rule of Agreement.approvals: whoever may read the agreement)', () => {
    const record = async (n: number) => {
      const decidedAt = new Date(Date.UTC(2023, 10, 1 + n)).toISOString().slice(0, 10);
      const result = await app.gql('mutation($i: RecordApprovalInput!) { recordApproval(input: $i) { id } }', {
        i: { agreementId, organisationId: gladsaxeId, decision: 'APPROVED', decidedAt },
      }, tokens.sekretariat);
      expect(result.errors).toBeUndefined();
      return decidedAt;
    };

    it('delivers to the secretariat and the region’s municipality, and answers outsiders exactly as the agreement query does', async () => {
      for (const who of ['sekretariat', 'kommune.gladsaxe', 'sekretariat.syddanmark', 'kommune.odense']) {
        const read = await app.gql('query($a: ID!) { agreement(id: $a) { approvals { id } } }', { a: agreementId }, tokens[who]);
        const readable = Boolean(read.data?.agreement);
        const subscription = follow<ApprovalEvent>(APPROVAL_EVENT, { a: agreementId }, who);
        if (!readable) {
          expect([who, await refusal(subscription)]).toMatchObject([who, { code: 'FORBIDDEN' }]);
          expect(subscription.events).toEqual([]);
          continue;
        }
        const dates: string[] = [];
        await triggerUntilDelivered(subscription, async (n) => void dates.push(await record(n)), (e) => (e as ApprovalEvent).data?.approvalRecorded?.decidedAt === dates.at(-1));
        expect([who, subscription.failures]).toEqual([who, []]);
        expect(subscription.events.at(-1)).toEqual({ data: { approvalRecorded: { decidedAt: dates.at(-1), organisation: { name: 'Gladsaxe Kommune' } } } });
      }
    });
  });

  it.each([
    ['hearingResponseReceived', HEARING_EVENT, 'h', 'Høringen findes ikke.'],
    ['clusterInputSubmitted', INPUT_EVENT, 'a', 'Aftalen findes ikke.'],
    ['approvalRecorded', APPROVAL_EVENT, 'a', 'Aftalen findes ikke.'],
  ])('%s of something that does not exist ends with NOT_FOUND before any event', async (_name, query, variable, message) => {
    const subscription = follow(query, { [variable]: randomUUID() }, 'sekretariat');
    expect(await refusal(subscription)).toEqual({ code: 'NOT_FOUND', message });
    expect(subscription.events).toEqual([]);
  });

  describe('the query limits over graphql-ws', () => {
    const timedHealth = async () => {
      const started = Date.now();
      const response = await fetch(`${app.url}/health`);
      return { status: response.status, body: await response.json(), ms: Date.now() - started };
    };

    it('refuses 20,000 aliases before running them, in Danish, while /health answers', async () => {
      // /health is asked again and again from before the operations are sent until both are
      // refused, so some of its answers fall while the server handles them.
      const answers: Array<Awaited<ReturnType<typeof timedHealth>>> = [];
      let refused = false;
      const polling = (async () => {
        while (!refused) answers.push(await timedHealth());
      })();
      const fields = (field: string) => Array.from({ length: 20_000 }, (_, i) => `a${i}: ${field}`).join(' ');
      const wideSubscription = follow(`subscription($h: ID!) { hearingResponseReceived(hearingId: $h) { ${fields('reference')} } }`, { h: hearingId }, 'sekretariat');
      const wideQuery = follow(`{ ${fields('agreements { id title }')} }`, {}, 'sekretariat');
      try {
        for (const wide of [wideSubscription, wideQuery]) {
          // Refused while parsing (MAX_QUERY_TOKENS), so neither validation nor any resolver walks the 20,000 fields.
          expect(await refusal(wide)).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Forespørgslen er for stor (over 10.000 dele). Del den op i flere mindre forespørgsler.' });
          expect(wide.events).toEqual([]);
        }
      } finally {
        refused = true;
        await polling;
      }
      expect(answers.length).toBeGreaterThan(0);
      for (const answer of answers) expect(answer).toMatchObject({ status: 200, body: { status: 'ok' } });
    });

    it('closes the socket of a message over 1 MiB with 1009 and a reason in Danish, and keeps serving others', async () => {
      const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
      const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tokens.sekretariat}` }, padding: 'x'.repeat(MAX_MESSAGE_BYTES + 1) }));
      expect(await closed).toEqual({ code: 1009, reason: TOO_BIG_REASON });
      expect((await timedHealth()).status).toBe(200);
    });

    it('refuses an over-deep subscription and query in Danish, as over HTTP', async () => {
      const deep = `organisation ${'{ region { clusters { organisation '.repeat(4)}{ name }${' } } }'.repeat(4)}`;
      const deepSubscription = follow(`subscription($h: ID!) { hearingResponseReceived(hearingId: $h) { ${deep} } }`, { h: hearingId }, 'sekretariat');
      const deepQuery = follow(`{ agreements ${'{ region { clusters { organisation '.repeat(4)}{ name }${' } } }'.repeat(4)} }`, {}, 'sekretariat');
      for (const subscription of [deepSubscription, deepQuery]) {
        expect(await refusal(subscription)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^Forespørgslen er indlejret for dybt \(højst 10 niveauer\)/) });
        expect(subscription.events).toEqual([]);
      }
    });

    it('answers a syntax error, an unknown type and a malformed id in Danish with the HTTP codes', async () => {
      const broken = follow('subscription { hearingResponseReceived(hearingId: "x") { reference ', {}, 'sekretariat');
      expect(await refusal(broken)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/syntaksfejl/) });
      // The input boundary is a schema transform: the socket's schema has it too.
      const unknownType = follow('query($x: Nope) { agreements { id } }', { x: 1 }, 'sekretariat');
      expect(await refusal(unknownType)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^Typen »Nope« findes ikke/) });
      const badId = follow(HEARING_EVENT, { h: 'ikke-et-id' }, 'sekretariat');
      expect(await refusal(badId)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/»hearingId«/) });
    });
  });
});
