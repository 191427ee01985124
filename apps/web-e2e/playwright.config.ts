import { defineConfig } from '@playwright/test';
import path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 4310);
const root = path.resolve(__dirname, '../..');
const dataDir = path.join(root, 'tmp', 'e2e-data');

/**
 * Runs the built platform (what `npm start` serves) on a fresh embedded PostgreSQL with the
 * demo data, and drives Debian's Chromium against it.
 */
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.ts',
  globalSetup: './src/mail-server.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: path.join(root, 'tmp', 'e2e-results'),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `rm -rf "${dataDir}" && node dist/api/apps/api/src/main.js`,
    cwd: root,
    url: `http://127.0.0.1:${port}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(port + 1),
      SMTP_URL: `smtp://127.0.0.1:${port + 2}`,
      JOB_POLL_SECONDS: '1',
      DEMO_DATA: 'true',
      DATABASE_URL: '',
    },
  },
});
