import { Client } from 'pg';
import { seedLargeHearing } from '../bench/large-hearing';
import { demoAgreement, DEMO_ACCOUNTS, must, openHearing, organisationId } from './factories';
import { startTestApp, TestApp } from './test-app';

const PAGE = `query($id: ID!, $first: Int, $after: String, $filter: CommentFilterInput) {
  hearing(id: $id) { commentConnection(first: $first, after: $after, filter: $filter) {
    totalCount edges { cursor node { id text outcome blockId organisation { id name } } } pageInfo { hasNextPage endCursor } } } }`;
const FACETS = `query($id: ID!, $filter: CommentFilterInput) {
  hearing(id: $id) { commentConnection(first: 0, filter: $filter) { totalCount edges { cursor } facets {
    organisations { organisationId name kind count } kinds { kind count } outcomes { outcome count } unanswered blocks { blockId comments answered } } } } }`;
const REPLY = 'mutation($i: ReplyInput!) { replyToHearingComment(input: $i) { id } }';

interface Filter {
  organisationId?: string;
  kind?: string;
  outcome?: string;
  unanswered?: boolean;
  search?: string;
  blockId?: string;
}
interface Edge {
  cursor: string;
  node: { id: string; text: string; outcome: string | null; blockId: string | null; organisation: { id: string; name: string } };
}
interface Page {
  totalCount: number;
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('Hearing.commentConnection: paging, filters and facet counts over real rows', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let secretariatId: string;
  let danskePatienter: string;
  let hearingId: string;
  let organisations: string[];
  let dp: string;
  let blocks: string[];

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(DEMO_ACCOUNTS.hSecretariat);
    danskePatienter = await app.login(DEMO_ACCOUNTS.invitedOrganisation);
    secretariatId = (await db.query<{ id: string }>(`SELECT "id" FROM "users" WHERE "email" = $1`, [DEMO_ACCOUNTS.hSecretariat])).rows[0].id;
    const demo = await demoAgreement(db);
    dp = await organisationId(db, 'Danske Patienter');
    organisations = [dp];
    for (const name of ['Hjerteforeningen', 'Gladsaxe Kommune', 'Herlev Kommune', 'Lægeforeningen', 'Kræftens Bekæmpelse']) organisations.push(await organisationId(db, name));
    hearingId = (await openHearing(app, secretariat, demo.versionId, organisations)).id;
    blocks = (
      await db.query<{ id: string }>(
        `SELECT b->'attrs'->>'blockId' AS id FROM "agreement_versions" v, jsonb_path_query(v."content", 'strict $.**') b
          WHERE v."id" = $1 AND b->>'type' = 'paragraph' AND b->'attrs'->>'blockId' IS NOT NULL`,
        [demo.versionId],
      )
    ).rows
      .map((r) => r.id)
      .slice(0, 7);
    await seedLargeHearing(db, { hearingId, organisationIds: organisations, userId: secretariatId, userName: 'Sekretariatet', blockIds: blocks, responses: 60, commentsPerResponse: 5 });
    // Some answers, so the outcome filters have rows: every seventh comment, going round the outcomes.
    const all = (await db.query<{ id: string }>(`SELECT c."id" FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id" WHERE r."hearing_id" = $1 ORDER BY c."id"`, [hearingId])).rows;
    const outcomes = ['INCORPORATED', 'PARTLY_INCORPORATED', 'NOT_INCORPORATED', 'NOTED'];
    for (let i = 0; i < all.length; i += 7) {
      await must(app, REPLY, { i: { commentId: all[i].id, reply: `Svar ${i}.`, outcome: outcomes[(i / 7) % 4] } }, secretariat, 'reply');
    }
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  /** The comments of the filter as SQL finds them, in the order received. */
  async function expected(filter: Filter, organisation?: string): Promise<string[]> {
    const params: unknown[] = [hearingId];
    const where = ['r."hearing_id" = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (organisation) add('r."organisation_id" = ?', organisation);
    if (filter.organisationId) add('r."organisation_id" = ?', filter.organisationId);
    if (filter.kind) add('o."kind" = ?', filter.kind);
    if (filter.outcome) add('c."outcome" = ?', filter.outcome);
    if (filter.unanswered) where.push('c."reply" IS NULL');
    if (filter.blockId) add('c."block_id" = ?', filter.blockId);
    if (filter.search) add(`c."search" @@ websearch_to_tsquery('danish', ?)`, filter.search);
    const rows = await db.query<{ id: string }>(
      `SELECT c."id" FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id" JOIN "organisations" o ON o."id" = r."organisation_id"
        WHERE ${where.join(' AND ')} ORDER BY r."received_at", r."id", c."position"`,
      params,
    );
    return rows.rows.map((r) => r.id);
  }

  async function page(token: string, filter: Filter, first: number, after: string | null): Promise<Page> {
    const data = await must(app, PAGE, { id: hearingId, first, after, filter }, token, 'commentConnection');
    return data.hearing.commentConnection as Page;
  }

  /** Every page of the filter, `between` running after the first page. */
  async function everyPage(token: string, filter: Filter, first: number, between?: () => Promise<void>): Promise<{ ids: string[]; pages: Page[] }> {
    const pages: Page[] = [];
    let after: string | null = null;
    for (;;) {
      const current = await page(token, filter, first, after);
      pages.push(current);
      if (pages.length === 1 && between) await between();
      if (!current.pageInfo.hasNextPage) break;
      expect(current.edges).toHaveLength(first);
      expect(current.pageInfo.endCursor).toBe(current.edges.at(-1)?.cursor);
      after = current.pageInfo.endCursor;
      if (pages.length > 500) throw new Error('the pages never end');
    }
    return { ids: pages.flatMap((p) => p.edges.map((e) => e.node.id)), pages };
  }

  it('returns every comment exactly once across the pages, in the order received, under each filter', async () => {
    const filters: Array<[string, Filter]> = [
      ['no filter', {}],
      ['one organisation', { organisationId: organisations[1] }],
      ['municipalities', { kind: 'MUNICIPALITY' }],
      ['outcome Noteret', { outcome: 'NOTED' }],
      ['unanswered', { unanswered: true }],
      ['search "pårørende" (Danish stemming)', { search: 'pårørende' }],
      ['one section', { blockId: blocks[2] }],
      ['organisation, section and unanswered together', { organisationId: organisations[2], blockId: blocks[1], unanswered: true }],
    ];
    for (const [, filter] of filters) {
      const want = await expected(filter);
      expect(want.length).toBeGreaterThan(0);
      const { ids, pages } = await everyPage(secretariat, filter, 7);
      expect(ids).toEqual(want);
      expect(new Set(ids).size).toBe(ids.length);
      for (const p of pages) expect(p.totalCount).toBe(want.length);
    }
    expect((await expected({})).length).toBe(300);
  }, 120_000);

  it('a page of 50 holds the comments with their organisations; the default page is 50', async () => {
    const data = await must(app, `query($id: ID!) { hearing(id: $id) { commentConnection { edges { node { id organisation { name } } } pageInfo { hasNextPage } } } }`, { id: hearingId }, secretariat, 'page');
    const connection = data.hearing.commentConnection as { edges: Array<{ node: { organisation: { name: string } } }>; pageInfo: { hasNextPage: boolean } };
    expect(connection.edges).toHaveLength(50);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.edges.every((e) => e.node.organisation.name.length > 0)).toBe(true);
  });

  it('responses that arrive between two pages neither repeat nor skip a comment: they come last', async () => {
    const before = await expected({});
    const { ids } = await everyPage(secretariat, {}, 25, () =>
      seedLargeHearing(db, { hearingId, organisationIds: organisations, userId: secretariatId, userName: 'Sekretariatet', blockIds: blocks, responses: 3, commentsPerResponse: 5, batch: 'between' }),
    );
    const after = await expected({});
    expect(after.length).toBe(before.length + 15);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(after);
    expect(ids.slice(0, before.length)).toEqual(before);
  }, 60_000);

  it('counts per facet with aggregate queries, each under the filters but its own', async () => {
    const filter: Filter = { kind: 'MUNICIPALITY', unanswered: true };
    const data = await must(app, FACETS, { id: hearingId, filter }, secretariat, 'facets');
    const connection = data.hearing.commentConnection;
    expect(connection.totalCount).toBe((await expected(filter)).length);
    expect(connection.edges).toEqual([]);
    const facets = connection.facets as {
      organisations: Array<{ organisationId: string; count: number }>;
      kinds: Array<{ kind: string; count: number }>;
      outcomes: Array<{ outcome: string; count: number }>;
      unanswered: number;
      blocks: Array<{ blockId: string; comments: number; answered: number }>;
    };
    // Organisations: under kind and unanswered (the organisation filter is not set anyway).
    for (const o of facets.organisations) expect(o.count).toBe((await expected({ ...filter, organisationId: o.organisationId })).length);
    expect(facets.organisations.reduce((s, o) => s + o.count, 0)).toBe(connection.totalCount);
    // Kinds: without the kind filter, so every kind that has unanswered comments is counted.
    expect(facets.kinds.length).toBeGreaterThan(1);
    for (const k of facets.kinds) expect(k.count).toBe((await expected({ unanswered: true, kind: k.kind })).length);
    // Outcomes: without the outcome/unanswered filter, among the municipalities.
    for (const o of facets.outcomes) expect(o.count).toBe((await expected({ kind: 'MUNICIPALITY', outcome: o.outcome })).length);
    expect(facets.unanswered).toBe((await expected({ kind: 'MUNICIPALITY', unanswered: true })).length);
    // Sections (the heat map): under kind and unanswered.
    for (const b of facets.blocks) {
      expect(b.comments).toBe((await expected({ ...filter, blockId: b.blockId })).length);
      expect(b.answered).toBe(0);
    }
  });

  it('an invited organisation pages through only its own comments, and counts only those', async () => {
    const { ids } = await everyPage(danskePatienter, {}, 20);
    const own = await expected({}, dp);
    expect(own.length).toBeGreaterThan(0);
    expect(ids).toEqual(own);
    // Asking for another organisation's comments gives none.
    expect((await everyPage(danskePatienter, { organisationId: organisations[1] }, 20)).ids).toEqual([]);
    const facets = (await must(app, FACETS, { id: hearingId, filter: {} }, danskePatienter, 'facets')).hearing.commentConnection;
    expect(facets.totalCount).toBe(own.length);
    expect(facets.facets.organisations.map((o: { organisationId: string }) => o.organisationId)).toEqual([dp]);
  });

  it('refuses another region’s secretariat and an organisation that is not invited', async () => {
    for (const email of [DEMO_ACCOUNTS.sSecretariat, DEMO_ACCOUNTS.uninvitedOrganisation]) {
      const result = await app.gql(PAGE, { id: hearingId, first: 5 }, await app.login(email));
      expect(result.data?.hearing ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('answers bad input with BAD_USER_INPUT and a Danish message', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ first: -1 }, /mellem 0 og 100 kommentarer/],
      [{ first: 101 }, /mellem 0 og 100 kommentarer/],
      [{ first: 5, after: 'ikke-en-markør' }, /markøren/],
      [{ first: 5, after: Buffer.from('c:00000000-0000-4000-8000-000000000000').toString('base64url') }, /findes ikke i høringen/],
      [{ first: 5, filter: { organisationId: 'nej' } }, /organisationId.*gyldigt id/],
    ];
    for (const [variables, message] of cases) {
      const result = await app.gql(PAGE, { id: hearingId, ...variables }, secretariat);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
  });
});
