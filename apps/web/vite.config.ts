import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  resolve: {
    alias: {
      '@aftalerum/editor': path.resolve(__dirname, '../../libs/editor/src/index.ts'),
      '@aftalerum/dates': path.resolve(__dirname, '../../libs/dates/src/index.ts'),
    },
  },
  build: {
    outDir: path.resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
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
