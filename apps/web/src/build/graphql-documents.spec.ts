import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphqlDocuments } from '../../graphql-documents.mjs';
import { HearingCommentPageDocument } from '../gql/graphql';

/*
 * The build's plugin that puts each generated document where it is used (graphql-documents.mts),
 * on the app's own generated documents.
 */
const artifacts = path.resolve(import.meta.dirname, '../gql');
type Hook = (this: unknown, ...args: string[]) => unknown;
const hook = (name: 'transform' | 'load' | 'resolveId') => graphqlDocuments(artifacts)[name] as unknown as Hook;

const SOURCE = `import { graphql } from '../../../gql';
export const PAGE = graphql(\`
  query HearingCommentPage($id: ID!, $first: Int!, $after: String, $filter: CommentFilterInput) {
    hearing(id: $id) { id }
  }
\`);
export const FIELDS = graphql(\`
  fragment HearingCommentFields on HearingComment { id }
\`);
`;

describe('each graphql(…) call becomes its generated document', () => {
  it('replaces the calls with imports of one module per document, operation and fragment alike', () => {
    const { code } = hook('transform').call({}, SOURCE, '/app/src/features/x/graphql/x.ts') as { code: string };
    expect(code).toContain(`import __graphql_HearingCommentPageDocument from 'virtual:graphql-document/HearingCommentPageDocument';`);
    expect(code).toContain(`import __graphql_HearingCommentFieldsFragmentDoc from 'virtual:graphql-document/HearingCommentFieldsFragmentDoc';`);
    expect(code).toContain('export const PAGE = __graphql_HearingCommentPageDocument;');
    expect(code).not.toMatch(/graphql\(`/);
  });

  it('loads the document codegen generated, the same as graphql.ts exports', () => {
    const id = hook('resolveId').call({}, 'virtual:graphql-document/HearingCommentPageDocument') as string;
    const module = hook('load').call({}, id) as string;
    expect(module.startsWith('export default {')).toBe(true);
    expect(JSON.parse(module.slice('export default '.length, -1))).toEqual(JSON.parse(JSON.stringify(HearingCommentPageDocument)));
  });

  it('fails the build, naming the fix, for a document codegen has not generated', () => {
    const id = hook('resolveId').call({}, 'virtual:graphql-document/NoSuchQueryDocument') as string;
    expect(() => hook('load').call({}, id)).toThrow('run `npx nx run web:codegen`');
  });

  it('leaves files without graphql(…) calls and the generated files alone', () => {
    expect(hook('transform').call({}, 'export const x = 1;', '/app/src/x.ts')).toBeNull();
    expect(hook('transform').call({}, SOURCE, path.join(artifacts, 'gql.ts'))).toBeNull();
  });
});
