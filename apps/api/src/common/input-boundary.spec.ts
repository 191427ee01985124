import { buildSchema, graphql, GraphQLObjectType } from 'graphql';
import { dateTimeProblem, isoDateProblem, parseIsoDateTime } from './date.scalar';
import { DomainError } from './domain-error';
import { checkArguments, withInputBoundary } from './input-boundary';
import { assertStorableJson, parseStorableJson, textProblem } from './input-text';

const refusal = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') return error.message;
    throw error;
  }
  throw new Error('Not refused');
};

describe('dates', () => {
  it.each([
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2024-06-01T12:00:00+02:00', '2024-06-01T10:00:00.000Z'],
    ['2024-06-01T12:00Z', '2024-06-01T12:00:00.000Z'],
    ['2024-06-01t12:00:00.123456z', '2024-06-01T12:00:00.123Z'],
    ['2100-12-31T23:59:59Z', '2100-12-31T23:59:59.000Z'],
  ])('reads %s as %s', (text, iso) => {
    const date = parseIsoDateTime(text);
    expect(dateTimeProblem(date)).toBeNull();
    expect(date.toISOString()).toBe(iso);
  });

  it.each(['+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z', '2024-02-30T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01', '', 'not a date', '2024-01-01T12:00:00'])(
    'refuses the date-time %j',
    (text) => expect(dateTimeProblem(parseIsoDateTime(text))).toMatch(/ÅÅÅÅ-MM-DD/),
  );

  it.each(['1999-12-31T23:59:59Z', '2000-01-01T00:30:00+01:00', '2101-01-01T00:00:00Z'])('refuses %s as outside 2000–2100', (text) =>
    expect(dateTimeProblem(parseIsoDateTime(text))).toBe('Tidspunktet skal ligge mellem 2000-01-01 og 2100-12-31.'),
  );

  it('checks calendar dates for form, existence and range', () => {
    expect(isoDateProblem('2024-02-29')).toBeNull();
    expect(isoDateProblem('2024-02-30')).toBe('Datoen 2024-02-30 findes ikke.');
    expect(isoDateProblem('+275760-09-13')).toMatch(/skal skrives som ÅÅÅÅ-MM-DD/);
    expect(isoDateProblem('1999-12-31')).toBe('Datoen 1999-12-31 skal ligge mellem 2000-01-01 og 2100-12-31.');
  });
});

describe('text and JSON', () => {
  it('finds NUL, lone surrogates and over-long text, and keeps paired surrogates', () => {
    expect(textProblem('a\u0000b', '»title«')).toBe('Feltet »title« indeholder et nul-tegn (U+0000), som ikke kan gemmes. Fjern det og prøv igen.');
    expect(textProblem('\uD83D', '»t«')).toMatch(/enlig UTF-16-surrogat/);
    expect(textProblem('\uDE00x', '»t«')).toMatch(/enlig UTF-16-surrogat/);
    expect(textProblem('smil 😀', '»t«')).toBeNull();
    expect(textProblem('x'.repeat(11), '»t«', 10)).toMatch(/er for langt \(11 tegn; højst 10\)/);
  });

  it('refuses deep, escaped-NUL and broken JSON text, naming the field', () => {
    expect(refusal(() => parseStorableJson('['.repeat(10_000) + ']'.repeat(10_000), 'content'))).toMatch(/^Feltet »content« er indlejret for dybt/);
    expect(refusal(() => parseStorableJson('{"a":"\\u0000"}', 'content'))).toMatch(/nul-tegn/);
    expect(refusal(() => parseStorableJson('{"\\udc00":1}', 'content'))).toMatch(/surrogat/);
    expect(refusal(() => parseStorableJson('{"a":', 'content'))).toMatch(/ikke gyldig JSON/);
    // Brackets inside strings are text, not depth.
    expect(parseStorableJson(JSON.stringify({ text: '['.repeat(1_000) }), 'content')).toEqual({ text: '['.repeat(1_000) });
  });

  it('walks a parsed value without recursion (for REST bodies)', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(refusal(() => assertStorableJson(value, 'kinds'))).toMatch(/^Feltet »kinds« er indlejret for dybt/);
    expect(() => assertStorableJson([{ kind: 'VISION' }, 'SUBHEADING'], 'kinds')).not.toThrow();
  });
});

describe('the schema transform', () => {
  const schema = withInputBoundary(
    buildSchema(`
      scalar DateTime
      input Item { blockId: ID, text: String! }
      input In { agreementId: ID!, items: [Item!]!, note: String }
      type Thing { id: ID!, children(organisationId: ID): [String!]! }
      type Query { thing(id: ID!): Thing, echo(input: In!): String! }
    `),
  );
  const resolved: unknown[] = [];
  const root = {
    thing: (args: unknown) => {
      resolved.push(args);
      return { id: 'x', children: () => ['child'] };
    },
    echo: (args: unknown) => {
      resolved.push(args);
      return 'ok';
    },
  };
  const run = (source: string, variableValues?: Record<string, unknown>) => graphql({ schema, source, rootValue: root, variableValues });
  const ID = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';

  beforeEach(() => (resolved.length = 0));

  it('refuses before the resolver runs, naming the field and its place in a list', async () => {
    const result = await run('query($i: In!) { echo(input: $i) }', { i: { agreementId: ID, items: [{ text: 'ok' }, { text: 'nul\u0000' }] } });
    expect(result.errors?.[0].message).toBe('Feltet »text« nr. 2 indeholder et nul-tegn (U+0000), som ikke kan gemmes. Fjern det og prøv igen.');
    expect(resolved).toEqual([]);
  });

  it('hands the resolver canonical (lower-case) ids and leaves block ids as text', async () => {
    await run('query($i: In!) { echo(input: $i) }', { i: { agreementId: ID, items: [{ blockId: 'intro-1', text: 'ok' }] } });
    expect(resolved).toEqual([{ input: { agreementId: ID.toLowerCase(), items: [{ blockId: 'intro-1', text: 'ok' }] } }]);
  });

  it('checks arguments of fields below the root', async () => {
    const result = await run(`{ thing(id: "${ID}") { children(organisationId: "1") } }`);
    expect(result.errors?.[0].message).toMatch(/^Feltet »organisationId« skal være et gyldigt id/);
  });

  it('leaves fields without arguments alone', () => {
    const field = (schema.getType('Thing') as GraphQLObjectType).getFields().id;
    expect(field.resolve).toBeUndefined();
    expect(checkArguments([], {})).toEqual({});
  });
});
