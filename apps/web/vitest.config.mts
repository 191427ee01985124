import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests of the web app's logic (src/**\/*.spec.ts[x]). They run in Node; a spec that needs
 * a DOM (an editor, a link to click) asks for happy-dom with `// @vitest-environment happy-dom`.
 */
export default defineConfig({
  root: import.meta.dirname,
  resolve: {
    alias: {
      '@aftalerum/editor': path.resolve(import.meta.dirname, '../../libs/editor/src/index.ts'),
      '@aftalerum/dates': path.resolve(import.meta.dirname, '../../libs/dates/src/index.ts'),
    },
  },
  test: {
    include: ['src/**/*.spec.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    unstubGlobals: true,
  },
});
