import { Client } from 'pg';
import { pollUntil } from './collab-client';
import { demo, startTestApp, TestApp } from './test-app';

/** What a person reads: Danish, and none of the framework's English. */
const DANISH = /[æøåÆØÅ]|Feltet|Filen|Formularen|Forespørgslen|Variablen/;

interface Answer {
  status: number;
  body: {
    code?: string;
    message?: string;
    errors?: Array<{ message: string; extensions?: { code?: string; detail?: string } }>;
  };
}

describe('errors have one shape everywhere', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = await app.login(demo('sekretariat'));
  });
  afterAll(async () => app?.close());

  const send = async (path: string, body: string | FormData, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${app.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const graphql = (query: string, variables?: Record<string, unknown>) =>
    send('/graphql', JSON.stringify({ query, variables }), { 'content-type': 'application/json' });

  /** One GraphQL error, with the contract code and a Danish message free of `english`. */
  const expectRefusal = (answer: Answer, english: RegExp, code = 'BAD_USER_INPUT') => {
    expect(answer.status).not.toBe(500);
    expect(answer.body.errors).toHaveLength(1);
    const [error] = answer.body.errors ?? [];
    expect(error.extensions?.code).toBe(code);
    expect(error.message).toMatch(DANISH);
    expect(error.message).not.toMatch(english);
    return error;
  };

  /** A REST refusal: `{ code, message }` and nothing of Nest's own shape. */
  const expectRest = (answer: Answer, status: number, english: RegExp, code = 'BAD_USER_INPUT') => {
    expect([answer.status, answer.body.code]).toEqual([status, code]);
    expect(Object.keys(answer.body).sort()).toEqual(['code', 'message']);
    expect(answer.body.message).toMatch(DANISH);
    expect(answer.body.message).not.toMatch(english);
  };

  describe('GraphQL', () => {
    const AGREEMENT = 'query($id: ID!) { agreement(id: $id) { id } }';

    it('answers a null for an ID! variable with 400 and BAD_USER_INPUT, in Danish', async () => {
      const answer = await graphql(AGREEMENT, { id: null });
      expect(answer.status).toBe(400);
      const error = expectRefusal(answer, /must not be null|non-null type/);
      expect(error.message).toMatch(/Variablen »\$id« må ikke være tom/);
      expect(error.extensions?.detail).toMatch(/must not be null/);
    });

    it('answers a missing or ill-typed variable with 400 and says which', async () => {
      const missing = await graphql(AGREEMENT, {});
      expect(missing.status).toBe(400);
      expect(expectRefusal(missing, /was not provided/).message).toMatch(/»\$id« \(ID!\) mangler/);
      const wrong = await graphql(AGREEMENT, { id: { a: 1 } });
      expect(wrong.status).toBe(400);
      expect(expectRefusal(wrong, /got invalid value|cannot represent/).message).toMatch(/ugyldig værdi/);
    });

    it('answers a syntax error with 400 in Danish', async () => {
      const answer = await graphql('{ agreement(id: "x") { id ');
      expect(answer.status).toBe(400);
      expect(expectRefusal(answer, /Syntax Error|Expected Name/).message).toMatch(/syntaksfejl/);
    });

    it('names an unknown field, a missing argument and a missing selection in Danish', async () => {
      const unknown = await graphql('{ agreements { id nope } }');
      expect(unknown.status).toBe(400);
      expect(expectRefusal(unknown, /Cannot query field/).message).toMatch(/Feltet »nope« findes ikke/);
      const argument = await graphql('{ agreement { id } }');
      expect(expectRefusal(argument, /is required, but it was not provided/).message).toMatch(/argumentet »id«/);
      const selection = await graphql('{ agreements }');
      expect(expectRefusal(selection, /must have a selection/).message).toMatch(/underfelter/);
      const extra = await graphql('{ agreements(nope: 1) { id } }');
      expect(expectRefusal(extra, /Unknown argument/).message).toMatch(/Argumentet »nope« findes ikke/);
    });

    it('refuses an over-deep query in Danish', async () => {
      const deep = `{ agreements ${'{ region { clusters { organisation '.repeat(4)}{ name }${' } } }'.repeat(4)} }`;
      const answer = await graphql(deep);
      expect(answer.status).toBe(400);
      expect(expectRefusal(answer, /exceeds maximum operation depth/).message).toMatch(/indlejret for dybt/);
    });

    it('refuses a query of 20,000 aliases while parsing it, with 400 and in Danish', async () => {
      const wide = `{ ${Array.from({ length: 20_000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
      const answer = await graphql(wide);
      expect(answer.status).toBe(400);
      expect(expectRefusal(answer, /more (than|that) 10000 tokens/).message).toBe('Forespørgslen er for stor (over 10.000 dele). Del den op i flere mindre forespørgsler.');
    });

    it('refuses an over-complex query with 400, not 500', async () => {
      // 1,100 × (me + id) = 2,200 fields: past the complexity limit, within the token limit.
      const wide = `{ ${Array.from({ length: 1_100 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
      const answer = await graphql(wide);
      expect(answer.status).toBe(400);
      expect(expectRefusal(answer, /complexity|exceeds/i).message).toMatch(/Forespørgslen er for stor/);
    });

    it('answers a body that is not JSON in the GraphQL shape, in Danish', async () => {
      const answer = await send('/graphql', '{"query": ', { 'content-type': 'application/json' });
      expect(answer.status).toBe(400);
      expect(expectRefusal(answer, /JSON input|Unexpected/).message).toMatch(/ikke gyldig JSON/);
    });
  });

  describe('REST', () => {
    const json = { 'content-type': 'application/json' };

    it('answers a bad body for /files/imports/confirm with { code, message } in Danish', async () => {
      const answer = await send('/files/imports/confirm', JSON.stringify({ bogus: 1, kinds: 'x' }), json);
      expectRest(answer, 400, /should not exist|must be|must match|statusCode/);
      expect(answer.body.message).toMatch(/Feltet »bogus« er ikke tilladt/);
      expect(answer.body.message).toMatch(/Feltet »kinds« er ugyldigt: det skal være på mindst 2 tegn/);
      // A message the DTO sets itself is kept.
      expect(answer.body.message).toMatch(/Vælg, om dokumentet skal blive en ny aftale/);
    });

    it('answers multipart without a boundary with 400 in Danish', async () => {
      const answer = await send('/files/imports/confirm', 'xx', { 'content-type': 'multipart/form-data' });
      expectRest(answer, 400, /Boundary not found/);
    });

    it('answers a truncated multipart body with 400 in Danish', async () => {
      const body = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n\r\nabc';
      const answer = await send('/files/imports/preview', body, { 'content-type': 'multipart/form-data; boundary=b' });
      expectRest(answer, 400, /Unexpected end|Multipart/);
    });

    it('answers a file in the wrong field with 400 in Danish', async () => {
      const form = new FormData();
      form.append('other', new Blob([Buffer.alloc(10)]), 'a.docx');
      const answer = await send('/files/imports/preview', form);
      expectRest(answer, 400, /Unexpected file field/);
      expect(answer.body.message).toMatch(/»other«/);
    });

    it('answers an oversized upload and an oversized JSON body with 413 in Danish', async () => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(21 * 1024 * 1024)]), 'a.docx');
      expectRest(await send('/files/imports/preview', form), 413, /File too large/);
      const big = await send('/files/imports/confirm', JSON.stringify({ kinds: 'x'.repeat(3 * 1024 * 1024) }), json);
      expectRest(big, 413, /request entity too large/);
      expect(big.body.message).toMatch(/højst 2 MB/);
    });

    it('answers an invalid JSON body with 400 in Danish', async () => {
      expectRest(await send('/files/imports/confirm', '{"a":', json), 400, /JSON input|Unexpected/);
    });

    it('answers unknown routes under /files and /api with 404 NOT_FOUND in Danish', async () => {
      expectRest(await send('/files/nothing', '{}', json), 404, /Cannot POST/, 'NOT_FOUND');
      const get = await fetch(`${app.url}/api/nothing`, { headers: { accept: 'application/json' } });
      expectRest({ status: get.status, body: (await get.json()) as Answer['body'] }, 404, /Cannot GET/, 'NOT_FOUND');
    });
  });

  it('answers SERVICE_UNAVAILABLE in Danish when the database cannot be written, and keeps running', async () => {
    const readOnly = await startTestApp();
    const admin = new Client({ connectionString: readOnly.databaseUrl });
    await admin.connect();
    try {
      const secretariat = await readOnly.login(demo('sekretariat'));
      const regions = await readOnly.gql<{ regions: Array<{ id: string }> }>('{ regions { id } }', {}, secretariat);
      const regionId = regions.data?.regions[0].id;
      const database = (await admin.query<{ name: string }>('SELECT current_database() AS name')).rows[0].name;
      // New sessions start read-only (as on a standby); the app's open sessions are ended.
      await admin.query(`ALTER DATABASE "${database}" SET default_transaction_read_only = on`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      const create = 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }';
      const input = { regionId, title: 'Sundhedsaftale 2040–2043', periodStart: 2040, periodEnd: 2043, effectiveDate: '2040-01-01' };
      const refused = await readOnly.gql(create, { input }, secretariat);
      expect(refused.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(refused.errors?.[0].message).toBe('Databasen kan ikke gemme lige nu. Dit arbejde er ikke gemt; prøv igen om lidt.');

      await admin.query(`ALTER DATABASE "${database}" RESET default_transaction_read_only`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      // A pooled connection the server has not yet seen ended may answer the first retry with the
      // same refusal; a person retrying gets through once the pool has replaced it.
      const retried = await pollUntil(
        () => readOnly.gql<{ createAgreement: { id: string } }>(create, { input }, secretariat),
        (answer) => answer.errors?.[0]?.extensions?.code !== 'SERVICE_UNAVAILABLE',
        15_000,
      );
      expect(retried.errors).toBeUndefined();
      expect(retried.data?.createAgreement.id).toEqual(expect.any(String));
    } finally {
      await admin.end();
      await readOnly.close();
    }
  });
});
