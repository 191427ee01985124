import {
  buildClientSchema,
  GraphQLError,
  getIntrospectionQuery,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { DateRangeChecks1763900000006 } from '../../../migrations/1763900000006-date-range-checks';
import { formatGraphQLError } from '../src/common/graphql-error-formatter';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ANALYSIS_QUEUE } from '../src/hearings/hearing-analysis.service';
import { pollUntil, waitFor } from './collab-client';
import { subscribe } from './subscription-client';
import { demo, startTestApp, TestApp } from './test-app';

interface Answer {
  status: number;
  errors: Array<{ message: string; extensions?: { code?: string } }>;
  data: Record<string, unknown> | null | undefined;
}

/** One GraphQL request, keeping the HTTP status (a 500 must be seen, not hidden by JSON parsing). */
async function post(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { errors?: Answer['errors']; data?: Answer['data'] };
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text.slice(0, 200) }] };
  }
  return { status: response.status, errors: body.errors ?? [], data: body.data };
}

/** What kind of value a leaf of an argument is, as far as hostile input goes. */
type LeafKind = 'TEXT' | 'JSON' | 'ID' | 'DATE' | 'DATETIME';

const deep = (open: string, close: string, n: number) => open.repeat(n) + close.repeat(n);
const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** The hostile inputs, by the kind of leaf they are hostile for. */
const HOSTILE: Record<LeafKind, Array<[label: string, value: string]>> = {
  TEXT: [
    ['NUL', 'før\u0000efter'],
    ['lone high surrogate', 'tekst \uD83D'],
    ['lone low surrogate', '\uDE00 tekst'],
    ['high surrogate inside', 'a\uD800b'],
    ['100.001 characters', 'x'.repeat(100_001)],
  ],
  JSON: [
    ['JSON nested 10.000 deep (arrays)', deep('[', ']', 10_000)],
    ['JSON nested 10.000 deep (objects)', deep('{"a":', '}', 10_000).replace(/:\}/, ':1}')],
    ['JSON with an escaped NUL', '{"text":"før\\u0000efter"}'],
    ['JSON with an escaped lone surrogate', '{"text":"\\ud800"}'],
    ['not JSON', '{"text":'],
  ],
  ID: [
    ['id "1"', '1'],
    ['SQL in an id', "' OR 1=1 --"],
    ['id of 10.000 characters', 'x'.repeat(10_000)],
    ['braced uuid', `{${UUID}}`],
    ['uuid with a trailing space', `${UUID} `],
    ['empty id', ''],
    ['uuid with a NUL', `${UUID}\u0000`],
    ['uuid too short', UUID.slice(0, -1)],
  ],
  DATE: [
    ['year +275760', '+275760-09-13'],
    ['year -1', '-000001-01-01'],
    ['30 February', '2024-02-30'],
    ['month 13', '2024-13-01'],
    ['empty date', ''],
    ['"not a date"', 'not a date'],
    ['1999-12-31', '1999-12-31'],
    ['2101-01-01', '2101-01-01'],
    ['a date-time for a date', '2030-01-01T00:00:00Z'],
  ],
  DATETIME: [
    ['instant +275760', '+275760-09-13T00:00:00Z'],
    ['instant year -1', '-000001-01-01T00:00:00Z'],
    ['instant on 30 February', '2024-02-30T12:00:00Z'],
    ['hour 25', '2030-01-01T25:00:00Z'],
    ['empty instant', ''],
    ['"not a date" instant', 'not a date'],
    ['before 2000', '1999-12-31T23:59:59Z'],
    ['after 2100', '2101-01-01T00:00:00Z'],
    ['date without time', '2030-01-01'],
  ],
};
const HOSTILE_COUNT = Object.values(HOSTILE).reduce((n, list) => n + list.length, 0);

/** ID arguments that name editor blocks (free text), not entities. */
const BLOCK_ID_FIELDS = new Set(['blockId', 'blockIds', 'changedBlockId']);
/** String fields that hold a JSON document. */
const JSON_FIELDS = new Set(['SaveHearingDraftInput.content']);

type Path = Array<string | number>;
interface Leaf {
  path: Path;
  kind: LeafKind;
}

describe('one input boundary for every operation', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let schema: GraphQLSchema;
  let ids: Record<string, string>;
  let agreementId: string;
  let versionId: string;
  let hearingId: string;

  const one = async (sql: string) => ((await db.query<{ id: string }>(sql)).rows[0] as { id: string } | undefined)?.id ?? randomUUID();
  const count = async (table: string, where = 'true') => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`)).rows[0].n;

  /**
   * The hearing analysis (campaigns and themes) is a job that writes its tables on its own time:
   * at start for hearings filed before it existed, and after each filed response. A fingerprint is
   * taken once no analysis is queued or running, so what it sees changed is what the request did
   * (a response a request wrongly filed would show in hearing_responses itself).
   */
  const analysisSettled = () =>
    pollUntil(
      async () =>
        (
          await db.query<{ n: number }>(
            `SELECT (SELECT count(*) FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active'))::int
                  + (SELECT count(*) FROM hearings h WHERE EXISTS (SELECT 1 FROM hearing_responses r WHERE r.hearing_id = h.id)
                       AND NOT EXISTS (SELECT 1 FROM hearing_analyses a WHERE a.hearing_id = h.id))::int AS n`,
            [ANALYSIS_QUEUE],
          )
        ).rows[0].n,
      (n) => n === 0,
      30_000,
    );

  /** Every application table's row count and content digest: any insert, update or delete shows. */
  const fingerprint = async () => {
    await analysisSettled();
    const tables = (await db.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('migrations', 'health_probe') ORDER BY 1`)).rows.map((r) => r.t);
    const sql = tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n, coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS d FROM "${t}" x`).join(' UNION ALL ');
    return Object.fromEntries((await db.query<{ t: string; n: number; d: string }>(sql)).rows.map((r) => [r.t, `${r.n}:${r.d}`]));
  };
  const changed = (before: Record<string, string>, after: Record<string, string>) => Object.keys(after).filter((t) => before[t] !== after[t]);

  beforeAll(async () => {
    app = await startTestApp({ SUBMIT_RATE_PER_MINUTE: '1000000' });
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(demo('sekretariat'));
    const introspection = await post(app.url, getIntrospectionQuery(), {});
    schema = buildClientSchema(introspection.data as unknown as IntrospectionQuery);
    agreementId = await one(`SELECT a.id FROM agreements a JOIN regions r ON r.id = a.region_id WHERE r.code = 'H' ORDER BY a.created_at LIMIT 1`);
    versionId = await one(`SELECT id FROM agreement_versions WHERE label = 'Høringsudkast'`);
    hearingId = await one('SELECT id FROM hearings ORDER BY created_at LIMIT 1');
    const organisationId = await one(`SELECT id FROM organisations WHERE name = 'Danske Patienter'`);
    const clusterId = await one('SELECT id FROM clusters ORDER BY name LIMIT 1');
    // Real ids, so that without the boundary a hostile leaf would get as far as the database.
    ids = {
      agreementId,
      regionId: await one(`SELECT id FROM regions WHERE code = 'H'`),
      versionId,
      fromVersionId: versionId,
      toVersionId: versionId,
      hearingId,
      roundId: await one('SELECT id FROM input_rounds ORDER BY created_at LIMIT 1'),
      organisationId,
      invitedOrganisationIds: organisationId,
      organisationIds: organisationId,
      clusterId,
      clusterIds: clusterId,
      itemId: await one('SELECT id FROM cluster_input_items LIMIT 1'),
      commentId: await one('SELECT id FROM hearing_comments LIMIT 1'),
      responseId: await one('SELECT id FROM hearing_responses LIMIT 1'),
      invitationId: await one('SELECT id FROM hearing_invitations LIMIT 1'),
    };
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  /** A valid-looking value for an input type; `leaves` collects where hostile values can go. */
  function valueFor(type: GraphQLInputType, name: string, owner: string, path: Path, leaves: Leaf[]): unknown {
    if (isNonNullType(type)) return valueFor(type.ofType, name, owner, path, leaves);
    if (isListType(type)) return [valueFor(type.ofType, name, owner, [...path, 0], leaves)];
    if (isInputObjectType(type)) {
      return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, valueFor(f.type, f.name, type.name, [...path, f.name], leaves)]));
    }
    if (isEnumType(type)) return type.getValues()[0].value ?? type.getValues()[0].name;
    if (!isScalarType(type)) return null;
    switch (type.name) {
      case 'ID':
        leaves.push({ path, kind: BLOCK_ID_FIELDS.has(name) ? 'TEXT' : 'ID' });
        return BLOCK_ID_FIELDS.has(name) ? 'blok-1' : (ids[name] ?? UUID);
      case 'String':
        if (JSON_FIELDS.has(`${owner}.${name}`)) {
          leaves.push({ path, kind: 'JSON' });
          return '{}';
        }
        leaves.push({ path, kind: 'TEXT' });
        if (name === 'email') return demo('sekretariat');
        if (name === 'idempotencyKey') return randomUUID();
        return 'Prøvetekst fra fuzz-testen';
      case 'Date':
        leaves.push({ path, kind: 'DATE' });
        return '2030-01-01';
      case 'DateTime':
        leaves.push({ path, kind: 'DATETIME' });
        return name === 'opensAt' ? '2030-05-01T10:00:00Z' : '2030-06-01T10:00:00Z';
      case 'Int':
        return name === 'periodEnd' ? 2033 : 2030;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      default:
        return null;
    }
  }

  const setAt = (root: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> => {
    const copy = structuredClone(root);
    let node: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1]] = value;
    return copy;
  };

  /** The operation text for a root field, every argument a variable. */
  function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
    const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
    const variables = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    return `${kind}(${variables}) { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`;
  }

  interface Tally {
    fields: number;
    requests: number;
    status500: number;
    internal: number;
    notRefused: string[];
    wrote: string[];
  }

  /** Sends every hostile input to every leaf it fits, of every argument-taking field of the root type. */
  async function barrage(kind: 'query' | 'mutation', root: GraphQLObjectType, token: string | undefined, tally: Tally, sample = false): Promise<void> {
    for (const field of Object.values(root.getFields())) {
      if (field.args.length === 0) continue;
      tally.fields++;
      const leaves: Leaf[] = [];
      const base = Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type, a.name, field.name, [a.name], leaves)]));
      const query = operation(kind, field);
      const before = await fingerprint();
      for (const leaf of leaves) {
        const inputs = sample ? HOSTILE[leaf.kind].slice(0, 1) : HOSTILE[leaf.kind];
        for (const [label, value] of inputs) {
          const answer = await post(app.url, query, setAt(base, leaf.path, value), token);
          tally.requests++;
          const codes = answer.errors.map((e) => e.extensions?.code);
          if (answer.status >= 500) tally.status500++;
          if (codes.includes('INTERNAL_SERVER_ERROR')) tally.internal++;
          if (answer.status >= 500 || codes[0] !== 'BAD_USER_INPUT' || answer.data?.[field.name]) {
            tally.notRefused.push(`${field.name} ${leaf.path.join('.')} ← ${label}: HTTP ${answer.status} ${codes.join(',') || 'no error'} ${answer.errors[0]?.message.slice(0, 160) ?? ''}`);
          }
        }
      }
      const moved = changed(before, await fingerprint());
      if (moved.length) tally.wrote.push(`${field.name}: ${moved.join(', ')}`);
    }
  }

  const newTally = (): Tally => ({ fields: 0, requests: 0, status500: 0, internal: 0, notRefused: [], wrote: [] });

  it('refuses every hostile input at every mutation and query argument, writing nothing, never a 500', async () => {
    const mutations = newTally();
    await barrage('mutation', schema.getMutationType() as GraphQLObjectType, secretariat, mutations);
    const anonymous = newTally();
    await barrage('mutation', schema.getMutationType() as GraphQLObjectType, undefined, anonymous, true);
    const queries = newTally();
    await barrage('query', schema.getQueryType() as GraphQLObjectType, secretariat, queries);
    console.log(
      [
        `fuzz: ${mutations.fields} mutations × ${HOSTILE_COUNT} inputs = ${mutations.requests} requests (each input on every leaf it fits), ` +
          `${mutations.status500} answered 500, ${mutations.internal} INTERNAL_SERVER_ERROR, ${mutations.notRefused.length} not refused, ${mutations.wrote.length} wrote a row`,
        `fuzz (anonymous): ${anonymous.fields} mutations, ${anonymous.requests} requests, ${anonymous.status500} answered 500, ${anonymous.internal} INTERNAL_SERVER_ERROR`,
        `fuzz (queries): ${queries.fields} queries × ${HOSTILE_COUNT} inputs = ${queries.requests} requests, ${queries.status500} answered 500, ${queries.internal} INTERNAL_SERVER_ERROR`,
      ].join('\n'),
    );
    expect(mutations.fields).toBeGreaterThanOrEqual(19);
    for (const tally of [mutations, anonymous, queries]) {
      expect(tally.notRefused).toEqual([]);
      expect(tally.wrote).toEqual([]);
      expect(tally.status500).toBe(0);
      expect(tally.internal).toBe(0);
    }
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
  }, 120_000);

  it('names the field in a Danish message', async () => {
    const create = 'mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }';
    const input = { regionId: ids.regionId, title: 'Aftale\u0000', periodStart: 2040, periodEnd: 2043, effectiveDate: '2040-01-01' };
    const nul = await post(app.url, create, { i: input }, secretariat);
    expect(nul.errors[0]).toMatchObject({
      message: 'Feltet »title« indeholder et nul-tegn (U+0000), som ikke kan gemmes. Fjern det og prøv igen.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const surrogate = await post(app.url, create, { i: { ...input, title: 'Aftale \uDC00' } }, secretariat);
    expect(surrogate.errors[0].message).toMatch(/^Feltet »title« indeholder et ufuldstændigt tegn/);
    const date = await post(app.url, create, { i: { ...input, title: 'Aftale', effectiveDate: '+275760-09-13' } }, secretariat);
    expect(date.errors[0].message).toMatch(/^Feltet »effectiveDate«: Datoen .* skal skrives som ÅÅÅÅ-MM-DD/);
    const list = await post(
      app.url,
      'mutation($i: OpenInputRoundInput!) { openInputRound(input: $i) { id } }',
      { i: { agreementId, title: 'Runde', deadline: '2030-01-01T12:00:00Z', clusterIds: [ids.clusterId, 'ikke-et-id'] } },
      secretariat,
    );
    expect(list.errors[0].message).toMatch(/^Feltet »clusterIds« nr\. 2 skal være et gyldigt id/);
  });

  it('checks the arguments of nested fields and literals in the query text too', async () => {
    const outbox = await post(app.url, '{ outbox(agreementId: "1") { id } }', {}, secretariat);
    expect(outbox.status).toBeLessThan(500);
    expect(outbox.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(outbox.errors[0].message).toMatch(/»agreementId«/);
    const comments = await post(app.url, 'query($h: ID!) { hearing(id: $h) { comments(organisationId: "x") { id } } }', { h: hearingId }, secretariat);
    expect(comments.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(comments.errors[0].message).toMatch(/»organisationId«/);
    const search = await post(app.url, 'query($h: ID!) { hearing(id: $h) { comments(search: "a\\u0000") { id } } }', { h: hearingId }, secretariat);
    expect(search.errors[0].message).toMatch(/»search« indeholder et nul-tegn/);
  });

  it('takes upper-case uuids as the same id', async () => {
    const answer = await post(app.url, 'query($id: ID!) { agreement(id: $id) { id } }', { id: agreementId.toUpperCase() }, secretariat);
    expect(answer.errors).toEqual([]);
    expect(answer.data?.agreement).toEqual({ id: agreementId });
  });

  it('refuses an extreme date in openHearing without keeping a row, and the agreement stays readable', async () => {
    const before = await count('hearings');
    const answer = await post(
      app.url,
      'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }',
      { i: { versionId, opensAt: '2030-01-01T00:00:00Z', closesAt: '+275760-09-13T00:00:00Z', invitedOrganisationIds: [ids.organisationId] } },
      secretariat,
    );
    expect(answer.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(answer.errors[0].message).toMatch(/^Feltet »closesAt«: Tidspunktet/);
    expect(await count('hearings')).toBe(before);
    const read = await post(app.url, 'query($id: ID!) { agreement(id: $id) { milestones { date } hearings { closesAt } } }', { id: agreementId }, secretariat);
    expect(read.errors).toEqual([]);
    expect(read.data?.agreement).not.toBeNull();
  });

  it('refuses a 10.000-deep draft before the database sees it', async () => {
    const patient = await app.login(demo('patientforening'));
    const answer = await post(
      app.url,
      'mutation($i: SaveHearingDraftInput!) { saveHearingResponseDraft(input: $i) }',
      { i: { hearingId, organisationId: ids.organisationId, content: deep('[', ']', 10_000) } },
      patient,
    );
    expect(answer.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(answer.errors[0].message).toMatch(/^Feltet »content« er indlejret for dybt/);
  });

  it('ends a subscription with a hostile argument before any event', async () => {
    const subscription = subscribe(app.url, 'subscription($a: ID!) { approvalRecorded(agreementId: $a) { id } }', { a: "' OR 1=1 --" }, secretariat);
    try {
      await waitFor(() => subscription.failures.length > 0 || subscription.events.length > 0, 10_000, 'the refusal');
      expect(subscription.events).toEqual([]);
      expect(JSON.stringify(subscription.failures)).toMatch(/BAD_USER_INPUT/);
      expect(JSON.stringify(subscription.failures)).toMatch(/»agreementId«/);
    } finally {
      await subscription.dispose();
    }
  });

  describe('the database holds the same bounds', () => {
    it.each([
      ['hearings', `closes_at = '275760-09-13 00:00:00+00'`],
      ['hearings', `opens_at = '1999-12-31T23:00:00Z'`],
      ['input_rounds', `deadline = '2101-01-01T00:00:00Z'`],
      ['milestones', `date = '275760-09-13'`],
      ['input_round_participants', `deadline = '2101-01-01 00:00:00+00'`],
      ['agreements', `effective_date = '2500-01-01'`],
    ])('refuses %s SET %s (CHECK, 23514)', async (table, assignment) => {
      await expect(db.query(`UPDATE "${table}" SET ${assignment} WHERE ctid = (SELECT ctid FROM "${table}" LIMIT 1)`)).rejects.toMatchObject({ code: '23514' });
    });

    it('refuses an approval decided in 1970 (CHECK, 23514)', async () => {
      await expect(
        db.query(`INSERT INTO "approvals" ("agreement_id", "organisation_id", "decision", "decided_at", "recorded_by", "version_id")
                  SELECT $1, o."id", 'APPROVED', '1970-01-01', u."id", v."id" FROM "organisations" o, "users" u, "agreement_versions" v WHERE v."agreement_id" = $1 LIMIT 1`, [agreementId]),
      ).rejects.toMatchObject({ code: '23514' });
    });

    it('answers a CHECK violation that reaches the database as BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
      const source = new DataSource(dataSourceOptions(app.databaseUrl, 1));
      await source.initialize();
      try {
        const failure: unknown = await source.query(`UPDATE "hearings" SET "closes_at" = '2200-01-01 00:00:00+00'`).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(QueryFailedError);
        const wrapped = new GraphQLError((failure as Error).message, { originalError: failure as Error, path: ['openHearing'] });
        const formatted = formatGraphQLError(wrapped.toJSON(), wrapped);
        expect(formatted.extensions?.code).toBe('BAD_USER_INPUT');
        expect(formatted.message).toMatch(/uden for det tilladte/);
        const malformed: unknown = await source.query(`SELECT $1::uuid`, ['1']).catch((error: unknown) => error);
        expect(formatGraphQLError({ message: 'x', path: ['outbox'] }, malformed).extensions?.code).toBe('BAD_USER_INPUT');
      } finally {
        await source.destroy();
      }
    });

    it('lets the demo data through the constraints when they are added again', async () => {
      const source = new DataSource(dataSourceOptions(app.databaseUrl, 1));
      await source.initialize();
      const runner = source.createQueryRunner();
      try {
        const migration = new DateRangeChecks1763900000006();
        await runner.startTransaction();
        await migration.down(runner);
        await migration.up(runner);
        await runner.commitTransaction();
      } finally {
        await runner.release();
        await source.destroy();
      }
    });
  });

  describe('a mutation and its jobs commit together', () => {
    // A real failure in the job queue's own table, after the mutation's row is written.
    // Creating and dropping the trigger take pgboss.job's strongest lock; when that meets pg-boss's
    // own polling, PostgreSQL may pick the statement as a deadlock victim (40P01): it is done again.
    const onJobTable = async (sql: string) => {
      for (let attempt = 1; ; attempt++) {
        try {
          await db.query(sql);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
        }
      }
    };
    // One simple query: its statements run in one implicit transaction, so a retry starts clean.
    const breakJobQueue = (queue: string) =>
      onJobTable(`CREATE FUNCTION test_fail_job() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                  IF NEW.name = '${queue}' THEN RAISE EXCEPTION 'job queue full' USING ERRCODE = '53100'; END IF; RETURN NEW; END $$;
                  CREATE TRIGGER fail_job BEFORE INSERT ON pgboss.job FOR EACH ROW EXECUTE FUNCTION test_fail_job()`);
    const repairJobQueue = () => onJobTable('DROP TRIGGER IF EXISTS fail_job ON pgboss.job; DROP FUNCTION IF EXISTS test_fail_job()');
    afterEach(repairJobQueue);

    const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const openHearing = (closesAt = soon(30)) =>
      post(app.url, 'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id closesAt } }', { i: { versionId, opensAt: soon(-1), closesAt, invitedOrganisationIds: [ids.organisationId] } }, secretariat);
    const jobs = async (queue: string, key: string, value: string) =>
      (await db.query(`SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>$2 = $3`, [queue, key, value])).rowCount;

    it('keeps no hearing when its reminders cannot be scheduled', async () => {
      const before = await fingerprint();
      await breakJobQueue('deadline-reminder');
      const answer = await openHearing();
      expect(answer.errors.length).toBeGreaterThan(0);
      expect(answer.data?.openHearing ?? null).toBeNull();
      expect(changed(before, await fingerprint())).toEqual([]);
    });

    it('keeps no input round and no deadline change when reminders cannot be scheduled', async () => {
      const roundInput = { agreementId, title: 'Runde uden påmindelser', deadline: soon(30), clusterIds: [ids.clusterId] };
      const opened = await post(app.url, 'mutation($i: OpenInputRoundInput!) { openInputRound(input: $i) { id } }', { i: roundInput }, secretariat);
      expect(opened.errors).toEqual([]);
      const roundId = (opened.data?.openInputRound as { id: string }).id;
      const hearing = await openHearing();
      expect(hearing.errors).toEqual([]);
      const openedHearingId = (hearing.data?.openHearing as { id: string }).id;

      const before = await fingerprint();
      await breakJobQueue('deadline-reminder');
      const round = await post(app.url, 'mutation($i: OpenInputRoundInput!) { openInputRound(input: $i) { id } }', { i: roundInput }, secretariat);
      expect(round.errors.length).toBeGreaterThan(0);
      const extendRound = await post(
        app.url,
        'mutation($i: ExtendInputRoundDeadlineInput!) { extendInputRoundDeadline(input: $i) { id } }',
        { i: { roundId, deadline: soon(40), reason: 'Flere har bedt om det.' } },
        secretariat,
      );
      expect(extendRound.errors.length).toBeGreaterThan(0);
      const extendHearing = await post(
        app.url,
        'mutation($i: ExtendHearingDeadlineInput!) { extendHearingDeadline(input: $i) { id } }',
        { i: { hearingId: openedHearingId, closesAt: soon(40), reason: 'Flere har bedt om det.' } },
        secretariat,
      );
      expect(extendHearing.errors.length).toBeGreaterThan(0);
      expect(changed(before, await fingerprint())).toEqual([]);

      // The same calls succeed once the queue works: they failed for the queue, not for a rule.
      await repairJobQueue();
      const again = await post(
        app.url,
        'mutation($i: ExtendHearingDeadlineInput!) { extendHearingDeadline(input: $i) { id } }',
        { i: { hearingId: openedHearingId, closesAt: soon(40), reason: 'Flere har bedt om det.' } },
        secretariat,
      );
      expect(again.errors).toEqual([]);
      expect(await jobs('deadline-reminder', 'id', openedHearingId)).toBe(4);
      const roundAgain = await post(
        app.url,
        'mutation($i: ExtendInputRoundDeadlineInput!) { extendInputRoundDeadline(input: $i) { id } }',
        { i: { roundId, deadline: soon(40), reason: 'Flere har bedt om det.' } },
        secretariat,
      );
      expect(roundAgain.errors).toEqual([]);
      expect(await jobs('deadline-reminder', 'id', roundId)).toBe(4);
    });

    it('keeps the phase when the approval requests cannot be queued', async () => {
      // The step before Godkendelse, as the process leaves it.
      await db.query(`UPDATE agreements SET phase = 'PROCESSING' WHERE id = $1`, [agreementId]);
      const before = await fingerprint();
      await breakJobQueue('approval-request');
      const answer = await post(app.url, 'mutation($i: SetAgreementPhaseInput!) { setAgreementPhase(input: $i) { phase } }', { i: { agreementId, phase: 'APPROVAL' } }, secretariat);
      expect(answer.errors.length).toBeGreaterThan(0);
      expect(changed(before, await fingerprint())).toEqual([]);

      await repairJobQueue();
      const again = await post(app.url, 'mutation($i: SetAgreementPhaseInput!) { setAgreementPhase(input: $i) { phase } }', { i: { agreementId, phase: 'APPROVAL' } }, secretariat);
      expect(again.errors).toEqual([]);
      expect(await jobs('approval-request', 'agreementId', agreementId)).toBe(1);
    });

    it('schedules the reminders with the hearing when the queue works', async () => {
      const answer = await openHearing(soon(30));
      expect(answer.errors).toEqual([]);
      const id = (answer.data?.openHearing as { id: string }).id;
      expect(await jobs('deadline-reminder', 'id', id)).toBe(2);
    });
  });
});
