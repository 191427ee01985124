import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/test-results/**', '**/playwright-report/**', '.data/**', 'tmp/**', 'apps/web/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // The access policy is asked through the scoped data access; only it (and the collaboration
    // server's socket checks, which hold the agreement row already) read the table directly.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/access/**', 'apps/api/src/collaboration/**', 'apps/api/src/auth/auth.guard.ts', 'apps/api/src/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/access/access-policy'], message: 'Ask the scoped data access (access/scoped-data.ts) instead of the policy table.' }] }] },
  },
  {
    // Resolvers and controllers never touch the database: services ask the scoped data access
    // (apps/api/src/access/scoped-data.ts), so no read can forget the caller's scope.
    files: ['apps/api/src/**/*.resolver.ts', 'apps/api/src/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', message: 'Resolvers and controllers do not take DataSource; ask a service, which reads through the scoped data access.' },
            { name: '@nestjs/typeorm', message: 'Resolvers and controllers do not take DataSource; ask a service, which reads through the scoped data access.' },
          ],
          patterns: [{ group: ['**/access/access-policy'], message: 'Ask the scoped data access (access/scoped-data.ts) instead of the policy table.' }],
        },
      ],
    },
  },
  {
    // Tools' configuration files and Jest's global hooks must export a default.
    files: ['**/*.config.{ts,js,mjs}', '**/global-setup.ts', '**/global-teardown.ts', '**/playwright.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', fetch: 'readonly', URL: 'readonly', performance: 'readonly' } },
  },
);
