import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The web app's document types, generated from the committed API schema. Every `graphql(...)`
 * document under src/ is validated against apps/api/schema.gql, so a field the API renames or
 * removes fails here instead of at run time. `web:codegen` writes src/gql/; `web:codegen-check`
 * fails when a document does not validate or the committed output is stale.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    [process.env.CODEGEN_OUT ?? 'apps/web/src/gql/']: {
      preset: 'client',
      // Components read fragment fields directly; masking would add a read step to each.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        strictScalars: true,
        scalars: { Date: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
