import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { chromium, type BrowserContext } from '@playwright/test';
import { freePort, startEmbeddedDatabase } from '../src/database/embedded-database';
import { seedLargeHearing } from './large-hearing';

/**
 * `npm run bench:processing`: the processing page of the demo hearing (a handful of comments)
 * and of a hearing of 1,000 responses × 5 comments, measured in Chromium: the time from
 * navigation to the first comment on screen, the longest task and the total blocking time
 * (PerformanceObserver 'longtask': the sum of each task's time over 50 ms), as the median of
 * several loads after a warm-up. Prints the figures and their ratio; asserts nothing.
 */

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1000);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';
/** The workspace (this file runs from dist/api/apps/api/bench/): the server serves dist/web from there. */
const ROOT = path.resolve(__dirname, '../../../../..');
const MAIN = path.resolve(__dirname, '../src/main.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';


async function gql<T>(url: string, query: string, variables: Record<string, unknown>, bearer: string): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
}

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, JWT_SECRET: SECRET, DEMO_DATA: 'true', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

interface Load {
  firstComment: number;
  longestTask: number;
  totalBlocking: number;
  tasks: number;
  /** The page's JavaScript heap once settled, in MB (Chromium's performance.memory). */
  heapMb: number;
}

/**
 * Installed before the page's scripts (as text: this file is compiled without the DOM's types):
 * records the long tasks and when the first comment is on screen (the frame after it entered the
 * page with a height has been painted).
 */
const OBSERVE = `
  window.__bench = { tasks: [], firstComment: null };
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__bench.tasks.push(entry.duration); })
    .observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (window.__bench.firstComment !== null) return;
    const comment = document.querySelector('.hd-comment');
    if (comment && comment.getBoundingClientRect().height > 0) {
      observer.disconnect();
      requestAnimationFrame(() => { if (window.__bench.firstComment === null) window.__bench.firstComment = performance.now(); });
    }
  });
  observer.observe(document, { childList: true, subtree: true });
`;

/** What OBSERVE records (read with functions run in the page, not strings: the page's CSP forbids eval). */
type Recorded = { __bench: { tasks: number[]; firstComment: number | null } };

async function load(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: OBSERVE });
    const started = Date.now();
    // BENCH_DEBUG=1 prints each request as it finishes (the GraphQL operation, when it ended, how long it took).
    if (process.env.BENCH_DEBUG) {
      page.on('requestfinished', (request) => {
        const body = request.postData() ?? '';
        const operation = /"operationName":"(\w+)"/.exec(body)?.[1] ?? request.url().replace(/^https?:\/\/[^/]+/, '').slice(0, 60);
        console.log(`    ${String(Date.now() - started).padStart(6)} ms  ${request.timing().responseEnd.toFixed(0).padStart(5)} ms  ${operation}`);
      });
    }
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as unknown as Recorded).__bench.firstComment !== null, undefined, { timeout: 60_000 });
    // Let the page settle (the counts, the heat map, the rest of the first page) before reading the long tasks.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const measured = (await page.evaluate(() => (globalThis as unknown as Recorded).__bench)) as { tasks: number[]; firstComment: number };
    const heap = await page.evaluate(() => (globalThis as unknown as { performance: { memory?: { usedJSHeapSize: number } } }).performance.memory?.usedJSHeapSize ?? 0);
    return {
      firstComment: measured.firstComment,
      longestTask: Math.max(0, ...measured.tasks),
      totalBlocking: measured.tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      tasks: measured.tasks.length,
      heapMb: heap / 1024 / 1024,
    };
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function measure(context: BrowserContext, url: string): Promise<Load> {
  await load(context, url); // warm-up: caches, the server's first statements
  const loads: Load[] = [];
  for (let i = 0; i < RUNS; i++) loads.push(await load(context, url));
  return {
    firstComment: median(loads.map((l) => l.firstComment)),
    longestTask: median(loads.map((l) => l.longestTask)),
    totalBlocking: median(loads.map((l) => l.totalBlocking)),
    tasks: median(loads.map((l) => l.tasks)),
    heapMb: median(loads.map((l) => l.heapMb)),
  };
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-bench-processing-'));
  const pg = await startEmbeddedDatabase({ dataDir, port: 0, database: 'aftalerum' });
  const server = await startServer(pg.url);
  const db = new Pool({ connectionString: pg.url, max: 4 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const [secretariat] = (await db.query<{ id: string; name: string }>(`SELECT "id", "name" FROM "users" WHERE "email" = 'sekretariat@aftalerum.test'`)).rows;
    const [demo] = (await db.query<{ id: string; version_id: string }>(`SELECT "id", "version_id" FROM "hearings" WHERE "title" = 'Bred høring over Sundhedsaftale 2024–2027'`)).rows;
    const demoComments = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id" WHERE r."hearing_id" = $1`, [demo.id])).rows[0].n;
    const blocks = (
      await db.query<{ id: string }>(
        `SELECT b->'attrs'->>'blockId' AS id FROM "agreement_versions" v, jsonb_path_query(v."content", 'strict $.**') b
          WHERE v."id" = $1 AND b->>'type' = 'paragraph' AND b->'attrs'->>'blockId' IS NOT NULL`,
        [demo.version_id],
      )
    ).rows.map((r) => r.id);

    // The large hearing: on the same draft, 100 organisations invited, 1,000 responses of 5 comments filed through the filing function.
    const organisations: string[] = [];
    for (let i = 0; i < 100; i++) {
      organisations.push((await db.query<{ id: string }>(`INSERT INTO "organisations" ("name", "kind") VALUES ($1, $2) RETURNING "id"`, [`Benchforening ${i + 1}`, i % 3 ? 'PATIENT_ORGANISATION' : 'OTHER'])).rows[0].id);
    }
    const login = await gql<{ login: { token: string } }>(server.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: 'sekretariat@aftalerum.test', p: 'demo1234' }, '');
    const bearer = login.data?.login.token;
    if (!bearer) throw new Error(JSON.stringify(login.errors));
    const opened = await gql<{ openHearing: { id: string } }>(
      server.url,
      'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }',
      {
        i: {
          versionId: demo.version_id,
          title: 'Stor høring (benchmark)',
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
          invitedOrganisationIds: organisations,
        },
      },
      bearer,
    );
    const largeId = opened.data?.openHearing.id;
    if (!largeId) throw new Error(JSON.stringify(opened.errors));
    const seeded = performance.now();
    await seedLargeHearing(db, { hearingId: largeId, organisationIds: organisations, userId: secretariat.id, userName: secretariat.name, blockIds: blocks, responses: RESPONSES, commentsPerResponse: COMMENTS });
    const seedSeconds = (performance.now() - seeded) / 1000;
    const largeComments = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id" WHERE r."hearing_id" = $1`, [largeId])).rows[0].n;

    const context = await browser.newContext({ baseURL: server.url, locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 900 } });
    const signIn = await context.newPage();
    signIn.on('console', (m) => process.env.BENCH_DEBUG && console.log('page:', m.text()));
    await signIn.goto('/');
    if (process.env.BENCH_DEBUG) console.log((await signIn.content()).slice(0, 1500));
    await signIn.getByLabel('E-mail').fill('sekretariat@aftalerum.test');
    await signIn.getByLabel('Adgangskode').fill('demo1234');
    await signIn.getByRole('button', { name: 'Log ind' }).click();
    await signIn.getByRole('heading', { name: 'Sundhedsaftaler' }).waitFor();
    await signIn.close();

    const small = await measure(context, `/hoeringer/${demo.id}`);
    const large = await measure(context, `/hoeringer/${largeId}`);
    const row = (name: string, l: Load) =>
      `  ${name.padEnd(34)} ${`${l.firstComment.toFixed(0)} ms`.padStart(10)} ${`${l.longestTask.toFixed(0)} ms`.padStart(10)} ${`${l.totalBlocking.toFixed(0)} ms`.padStart(10)} ${String(l.tasks).padStart(6)} ${`${l.heapMb.toFixed(0)} MB`.padStart(8)}`;
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : a > 0 ? '∞' : '1.00');
    console.log(`\nProcessing page in Chromium (median of ${RUNS} loads after a warm-up; seed of ${largeComments} comments took ${seedSeconds.toFixed(1)} s)`);
    console.log(`  ${'hearing'.padEnd(34)} ${'1st comment'.padStart(10)} ${'longest'.padStart(10)} ${'TBT'.padStart(10)} ${'tasks'.padStart(6)} ${'JS heap'.padStart(8)}`);
    console.log(row(`demo (${demoComments} comments)`, small));
    console.log(row(`large (${RESPONSES} × ${COMMENTS} = ${largeComments})`, large));
    console.log(
      `  ratio large/demo: first comment ${ratio(large.firstComment, small.firstComment)}×, longest task ${ratio(large.longestTask, small.longestTask)}×, TBT ${ratio(large.totalBlocking, small.totalBlocking)}×`,
    );
    console.log(`  goals: ratio ≤ 1.5×, first comment within 1000 ms, no long task over 200 ms`);
    await context.close();
  } finally {
    await browser.close();
    await db.end();
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
