import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The web app's document types, generated from the committed API schema. Every `graphql(...)`
 * document under src/ is validated against apps/api/schema.gql, so a field the API renames or
 * removes fails here instead of at run time. `web:codegen` writes src/gql/; `web:codegen-check`
 * fails when a document does not validate or the committed output is stale.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  // CODEGEN_EXTRA_DOCUMENTS adds a file outside src/: CI hands it a deliberately broken document
  // to show that the check refuses one.
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**', ...(process.env.CODEGEN_EXTRA_DOCUMENTS ? [process.env.CODEGEN_EXTRA_DOCUMENTS] : [])],
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
