import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:graphql-document/';
/** A `graphql(`…`)` call of the client preset: the document is a template without substitutions. */
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
/** One generated document in graphql.ts: `export const NameDocument = {…} as unknown as DocumentNode<…>;` on one line. */
const GENERATED = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*$/gm;

/**
 * The build's version of the client preset's Babel optimiser (`babelOptimizerPlugin` of
 * `@graphql-codegen/client-preset`), which `@vitejs/plugin-react` 6 can no longer run: each
 * `graphql(`…`)` call becomes the generated document itself, as a module of its own. Without it
 * every chunk that calls `graphql` pulls in `gql.ts`, which maps every document's source text to
 * every generated document, so the first page loaded all 96 documents of the app (about 360 kB
 * of the main bundle). With it each route's chunk carries the documents it uses, and nothing else.
 * The type-check and the codegen check still see the `graphql(...)` calls, so a document that
 * does not match the schema still fails the build.
 */
export function graphqlDocuments(artifactDirectory: string): Plugin {
  const generatedFile = path.join(artifactDirectory, 'graphql.ts');
  let generated: Map<string, string> | null = null;
  const documentOf = (name: string): string => {
    generated ??= new Map([...readFileSync(generatedFile, 'utf8').matchAll(GENERATED)].map((m) => [m[1], m[2]]));
    const document = generated.get(name);
    if (!document) throw new Error(`${name} is not in ${generatedFile}: run \`npx nx run web:codegen\``);
    return document;
  };
  return {
    name: 'aftalerum-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      generated = null;
    },
    resolveId(source) {
      return source.startsWith(VIRTUAL) ? `\0${source}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${VIRTUAL}`)) return null;
      return `export default ${documentOf(id.slice(VIRTUAL.length + 1))};`;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.startsWith(artifactDirectory) || !code.includes('graphql(')) return null;
      const used = new Set<string>();
      const replaced = code.replace(CALL, (_call, source: string) => {
        if (source.includes('${')) throw new Error(`${id}: a graphql(…) document cannot have substitutions`);
        const [definition] = parse(source).definitions;
        if ((definition.kind !== 'OperationDefinition' && definition.kind !== 'FragmentDefinition') || !definition.name) {
          throw new Error(`${id}: a graphql(…) document must start with a named operation or fragment`);
        }
        const name = `${definition.name.value}${definition.kind === 'FragmentDefinition' ? 'FragmentDoc' : 'Document'}`;
        used.add(name);
        return `__graphql_${name}`;
      });
      if (used.size === 0) return null;
      const imports = [...used].map((name) => `import __graphql_${name} from '${VIRTUAL}${name}';`).join('\n');
      return { code: `${imports}\n${replaced}`, map: null };
    },
  };
}
