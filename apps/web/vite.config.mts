import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { graphqlDocuments } from './graphql-documents.mjs';

const api = process.env.API_URL ?? 'http://127.0.0.1:3000';
const root = import.meta.dirname;

export default defineConfig({
  root,
  plugins: [
    // Each graphql(…) call becomes its generated document, so a chunk carries only its own documents.
    graphqlDocuments(path.resolve(root, 'src/gql')),
    react(),
    // Every text asset is also written as .br and .gz beside itself, so the API sends the
    // smallest one the browser accepts without compressing per request.
    compression({
      include: /\.(js|css|html|svg|json|txt|ico)$/,
      threshold: 512,
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
    }),
  ],
  resolve: {
    alias: {
      '@aftalerum/editor': path.resolve(root, '../../libs/editor/src/index.ts'),
      '@aftalerum/dates': path.resolve(root, '../../libs/dates/src/index.ts'),
    },
  },
  build: {
    outDir: path.resolve(root, '../../dist/web'),
    emptyOutDir: true,
    // No source maps in the production build: the API would otherwise publish the sources.
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 4200,
    proxy: {
      '/graphql': { target: api, ws: true },
      '/collab': { target: api.replace(/^http/, 'ws'), ws: true },
      '/health': api,
      '/files': api,
    },
  },
});
