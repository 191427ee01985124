import { buildSchema, parse } from 'graphql';
import { assertWithinComplexity, MAX_QUERY_COMPLEXITY } from './query-limits';

const schema = buildSchema('type Query { a: Int }');
const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}: a`).join(' ');

describe('assertWithinComplexity', () => {
  it('refuses a document over the limit every time it comes, also once counted', () => {
    const document = parse(`{ ${fields(MAX_QUERY_COMPLEXITY + 1)} }`);
    for (let i = 0; i < 2; i++) expect(() => assertWithinComplexity({ schema, document })).toThrow(/Forespørgslen/);
  });

  it('counts a document whose fields depend on a variable (@include, @skip) for each request', () => {
    const document = parse(`query($big: Boolean!) { a ... @include(if: $big) { ${fields(MAX_QUERY_COMPLEXITY + 1)} } }`);
    expect(() => assertWithinComplexity({ schema, document, variables: { big: false } })).not.toThrow();
    expect(() => assertWithinComplexity({ schema, document, variables: { big: true } })).toThrow(/Forespørgslen/);
    const skipping = parse(`query($small: Boolean!) { a ... @skip(if: $small) { ${fields(MAX_QUERY_COMPLEXITY + 1)} } }`);
    expect(() => assertWithinComplexity({ schema, document: skipping, variables: { small: true } })).not.toThrow();
    expect(() => assertWithinComplexity({ schema, document: skipping, variables: { small: false } })).toThrow(/Forespørgslen/);
  });

  it('tells the operations of one document apart', () => {
    const document = parse(`query Small { a } query Large { ${fields(MAX_QUERY_COMPLEXITY + 1)} }`);
    expect(() => assertWithinComplexity({ schema, document, operationName: 'Small' })).not.toThrow();
    expect(() => assertWithinComplexity({ schema, document, operationName: 'Large' })).toThrow(/Forespørgslen/);
    expect(() => assertWithinComplexity({ schema, document, operationName: 'Small' })).not.toThrow();
  });
});
