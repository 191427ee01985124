import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  isLeafType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { demo, startTestApp, TestApp } from './test-app';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '../schema.gql'), 'utf8'));

const junkString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '<script>alert(1)</script>', "'; DROP TABLE users; --", '\u0000', 'x'.repeat(5000), '2024-02-30', '../../etc/passwd', '{"a":', 'NaN'),
);
const uuid = fc.uuid();

/** A value for a GraphQL input type: usually of the right shape, often semantically absurd. */
function arbitraryFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (type instanceof GraphQLNonNull) return arbitraryFor(type.ofType, depth);
  if (type instanceof GraphQLList) return fc.array(arbitraryFor(type.ofType, depth + 1), { maxLength: depth > 1 ? 1 : 4 });
  if (type instanceof GraphQLEnumType) return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)), junkString);
  if (type instanceof GraphQLInputObjectType) {
    const fields = type.getFields();
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, field] of Object.entries(fields)) {
      const value = arbitraryFor(field.type, depth + 1);
      record[name] = field.type instanceof GraphQLNonNull ? value : fc.option(value, { nil: null });
    }
    return fc.record(record);
  }
  if (type instanceof GraphQLScalarType) {
    switch (type.name) {
      case 'Int':
        return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2_147_483_647, 2024));
      case 'Float':
        return fc.double({ noNaN: true });
      case 'Boolean':
        return fc.boolean();
      case 'ID':
        return fc.oneof(uuid, junkString);
      case 'DateTime':
        return fc.oneof(fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), junkString);
      case 'Date':
        return fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), junkString);
      default:
        return junkString;
    }
  }
  return fc.constant(null);
}

const TABLES = ['agreements', 'agreement_versions', 'agreement_drafts', 'hearings', 'hearing_responses', 'hearing_comments', 'hearing_invitations', 'attachments', 'approvals', 'milestones', 'users', 'audit_log'];

describe('security', () => {
  let app: TestApp;
  let db: Client;
  let token: string;

  const rowCounts = async () => {
    const result = await db.query<{ t: string; n: number }>(TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(' UNION ALL '));
    return Object.fromEntries(result.rows.map((r) => [r.t, r.n]));
  };

  beforeAll(async () => {
    app = await startTestApp({ SUBMIT_RATE_PER_MINUTE: '100000' });
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    token = await app.login(demo('sekretariat'));
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  describe('random and malformed input at every mutation', () => {
    const mutation = schema.getMutationType() as GraphQLObjectType;
    const names = Object.keys(mutation.getFields()).filter((name) => name !== 'login');

    it.each(names)('%s: never a server error, never a row written on refusal', async (name) => {
      const field = mutation.getFields()[name];
      const args = field.args;
      const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      const query = `mutation(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')}) { ${name}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`;
      const variables = fc.record(Object.fromEntries(args.map((a) => [a.name, arbitraryFor(a.type)])));
      await fc.assert(
        fc.asyncProperty(variables, async (vars) => {
          const before = await rowCounts();
          const result = await app.gql(query, vars as Record<string, unknown>, token);
          const codes = (result.errors ?? []).map((e) => e.extensions?.code);
          expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
          for (const error of result.errors ?? []) expect(error.message.length).toBeGreaterThan(0);
          if (result.errors?.length) expect(await rowCounts()).toEqual(before);
        }),
        { numRuns: 25, seed: 20241101 + name.length },
      );
    });

    it('keeps answering after the barrage', async () => {
      const health = await fetch(`${app.url}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
    });
  });

  it('refuses queries nested too deep or asking too much, before running them', async () => {
    const deep = `{ agreements ${'{ region { clusters { organisation '.repeat(4)}{ name }${' } } }'.repeat(4)} }`;
    const tooDeep = await app.gql(deep, {}, token);
    expect(tooDeep.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooDeep.errors?.[0].message).toMatch(/Forespørgslen er indlejret for dybt/);
    const wide = `{ ${Array.from({ length: 2_100 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const tooWide = await app.gql(wide, {}, token);
    expect(tooWide.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooWide.errors?.[0].message).toMatch(/Forespørgslen er for stor/);
  });

  it('refuses a request body over the size limit', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });

  it('limits hearing submissions per user', async () => {
    const limited = await startTestApp({ SUBMIT_RATE_PER_MINUTE: '3' });
    try {
      const patient = await limited.login(demo('patientforening'));
      const codes: Array<string | undefined> = [];
      for (let i = 0; i < 5; i++) {
        const result = await limited.gql(
          'mutation($i: SaveHearingDraftInput!) { saveHearingResponseDraft(input: $i) }',
          { i: { hearingId: '00000000-0000-4000-8000-000000000000', organisationId: '00000000-0000-4000-8000-000000000000', content: '{}' } },
          patient,
        );
        codes.push(result.errors?.[0]?.extensions?.code);
      }
      expect(codes.slice(0, 3)).not.toContain('RATE_LIMITED');
      expect(codes.slice(3)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    } finally {
      await limited.close();
    }
  });

  it('sends security headers', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
