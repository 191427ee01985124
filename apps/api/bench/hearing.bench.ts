import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { Client, Pool } from 'pg';
import WebSocket from 'ws';
import { freePort, startEmbeddedDatabase } from '../src/database/embedded-database';
import { ms, summary } from './bench-support';
import { clusterCpuSeconds, processCpuSeconds, schedulerSeconds, summariseProfiles } from './cpu-profile';

const SUBMITTERS = Number(process.env.BENCH_SUBMITTERS ?? 200);
const PER_SUBMITTER = Number(process.env.BENCH_PER_SUBMITTER ?? 5);
const MEMO_RESPONSES = Number(process.env.BENCH_MEMO_RESPONSES ?? 1000);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';
const MAIN = path.resolve(__dirname, '../src/main.js');

/** BENCH_PROFILE=<dir>: profiles the server's CPU during the submissions only and prints the top entries. */
const PROFILE_DIR = process.env.BENCH_PROFILE;

/** An access token on a live session of the user, as `login` would issue (sessions are checked on every request). */
async function sessionToken(db: Pool, userId: string): Promise<string> {
  const [{ id }] = (await db.query<{ id: string }>(
    `INSERT INTO sessions (user_id, role, organisation_id, refresh_secret_hash, cookie_secret_hash, idle_expires_at, expires_at)
     SELECT id, role, organisation_id, sha256('r'::bytea), sha256('c'::bytea), now() + interval '1 hour', now() + interval '1 hour' FROM users WHERE id = $1 RETURNING id`,
    [userId],
  )).rows;
  return jwt.sign({ sub: userId, sid: id, typ: 'access' }, SECRET, { issuer: 'aftalerum', expiresIn: '1h' });
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, bearer: string): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
}

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess; inspectorPort: number | null }> {
  const port = await freePort();
  const inspectorPort = PROFILE_DIR ? await freePort() : null;
  // BENCH_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof', profiles the whole server run.
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  if (inspectorPort) nodeArgs.push(`--inspect=127.0.0.1:${inspectorPort}`);
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    // As deployed (docker-compose.yml): NODE_ENV=production, which also spares graphql-js its development checks.
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, JWT_SECRET: SECRET, DEMO_DATA: 'true', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return { url, child, inspectorPort };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

/**
 * The V8 sampling profiler of the server (what `node --cpu-prof` records), started and stopped
 * over the inspector protocol so that only the measured phase is in the profile.
 */
async function profiler(inspectorPort: number): Promise<{ stop(file: string): Promise<void> }> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const socket = new WebSocket(target.webSocketDebuggerUrl, { maxPayload: 1 << 30 });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve) => {
      const id = ++next;
      pending.set(id, resolve as (result: unknown) => void);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 500 });
  await send('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await send<{ profile: unknown }>('Profiler.stop');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(profile));
      socket.close();
    },
  };
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-bench-hearing-'));
  const pg = await startEmbeddedDatabase({ dataDir, port: 0, database: 'aftalerum' });
  let server: Awaited<ReturnType<typeof startServer>> | null = await startServer(pg.url);
  let db: Pool | null = new Pool({ connectionString: pg.url, max: 20 });
  const clients: Client[] = [];
  const stopServer = async () => {
    if (!server) return;
    const child = server.child;
    server = null;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  try {
    const [secretariat] = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'sekretariat@aftalerum.test'`)).rows;
    const [version] = (await db.query<{ id: string }>(`SELECT id FROM agreement_versions WHERE label = 'Høringsudkast'`)).rows;
    const blocks = (await db.query<{ id: string }>(
      `SELECT b->'attrs'->>'blockId' AS id FROM agreement_versions v, jsonb_path_query(v.content, 'strict $.**') b
        WHERE v.id = $1 AND b->>'type' = 'paragraph'`,
      [version.id],
    )).rows.map((r) => r.id);

    // Submitting organisations and one person each, signed in.
    const submitters: Array<{ organisationId: string; userId: string; name: string; bearer: string }> = [];
    for (let i = 0; i < SUBMITTERS; i++) {
      const [{ id: organisationId }] = (await db.query<{ id: string }>(`INSERT INTO organisations (name, kind) VALUES ($1, 'PATIENT_ORGANISATION') RETURNING id`, [`Benchforening ${i}`])).rows;
      const [{ id: userId }] = (await db.query<{ id: string }>(
        `INSERT INTO users (email, name, password_hash, role, organisation_id) VALUES ($1, $2, 'x', 'ORGANISATION', $3) RETURNING id`,
        [`bench${i}@bench.test`, `Bench ${i}`, organisationId],
      )).rows;
      submitters.push({ organisationId, userId, name: `Bench ${i}`, bearer: await sessionToken(db, userId) });
    }
    const secretariatBearer = await sessionToken(db, secretariat.id);
    const opened = await gql<{ openHearing: { id: string } }>(
      server.url,
      'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }',
      { i: { versionId: version.id, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString(), invitedOrganisationIds: submitters.map((s) => s.organisationId) } },
      secretariatBearer,
    );
    const hearingId = opened.data?.openHearing.id ?? '';
    if (!hearingId) throw new Error(JSON.stringify(opened.errors));

    const SUBMIT = 'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { id reference } }';
    const inputFor = (s: (typeof submitters)[number], n: number, prefix = 'bench') => ({
      hearingId,
      organisationId: s.organisationId,
      idempotencyKey: `${prefix}-${s.organisationId}-${n}`,
      summary: 'Vi støtter visionerne, men savner konkrete mål for lighed i sundhed.',
      comments: Array.from({ length: 5 }, (_, k) => ({ blockId: blocks[(n * 5 + k) % blocks.length], text: `Bemærkning ${k + 1}: afsnittet bør præciseres med mål og ansvar.` })),
      publish: true,
    });

    // Warm up: every submitter once, so that pools, caches and the JIT are as in a running hearing.
    await Promise.all(submitters.map((s) => gql(server!.url, SUBMIT, { i: inputFor(s, 999, 'warmup') }, s.bearer)));

    const profile = server.inspectorPort ? await profiler(server.inspectorPort) : null;
    const latencies: number[] = [];
    const byRound: number[][] = Array.from({ length: PER_SUBMITTER }, () => []);
    let failures = 0;
    const errors = new Map<string, number>();
    const schedBefore = schedulerSeconds(server.child.pid ?? 0);
    const cpuBefore = { server: processCpuSeconds(server.child.pid ?? 0), bench: process.cpuUsage(), db: clusterCpuSeconds(pg.clusterDir) };
    const started = performance.now();
    await Promise.all(
      submitters.map(async (s) => {
        for (let n = 0; n < PER_SUBMITTER; n++) {
          const t0 = performance.now();
          const result = await gql<{ submitHearingResponse: { reference: string } }>(server!.url, SUBMIT, { i: inputFor(s, n) }, s.bearer);
          latencies.push(performance.now() - t0);
          byRound[n].push(performance.now() - t0);
          if (!result.data) {
            failures++;
            const message = result.errors?.[0]?.message ?? 'no data';
            errors.set(message, (errors.get(message) ?? 0) + 1);
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    const schedAfter = schedulerSeconds(server.child.pid ?? 0);
    const mainThread = { running: schedAfter.running - schedBefore.running, waiting: schedAfter.waiting - schedBefore.waiting };
    const cpu = { server: processCpuSeconds(server.child.pid ?? 0) - cpuBefore.server, bench: (benchCpu.user + benchCpu.system) / 1e6, db: clusterCpuSeconds(pg.clusterDir) - cpuBefore.db };
    const expected = SUBMITTERS * PER_SUBMITTER;
    if (profile && PROFILE_DIR) await profile.stop(path.join(PROFILE_DIR, `submissions-${Date.now()}.cpuprofile`));
    // Retry a fifth of them with the same keys: they must not add rows.
    await Promise.all(submitters.slice(0, Math.ceil(SUBMITTERS / 5)).map((s) => gql(server!.url, SUBMIT, { i: inputFor(s, 0) }, s.bearer)));
    const stored = (await db.query<{ n: number; refs: number; transactions: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT reference)::int AS refs, count(DISTINCT xmin::text)::int AS transactions
         FROM hearing_responses WHERE hearing_id = $1 AND idempotency_key LIKE 'bench-%'`,
      [hearingId],
    )).rows[0];
    const submitStats = summary(latencies);

    const memo = PROFILE_DIR || MEMO_RESPONSES === 0 ? [] : await benchMemo(server.url, db, secretariatBearer, version.id, secretariat.id, blocks, submitters);

    // The same filing function the service method calls (submit_hearing_response, one statement),
    // called directly from SUBMITTERS PostgreSQL clients at once: the cluster's max_connections
    // is 200, so the server and the pool above are stopped first, and the superuser (who may use
    // the reserved slots too) connects to the application's database.
    await stopServer();
    await db.end();
    db = null;
    const adminUrl = new URL(pg.adminUrl);
    adminUrl.pathname = new URL(pg.url).pathname;
    for (let i = 0; i < SUBMITTERS; i++) {
      const client = new Client({ connectionString: adminUrl.toString() });
      await client.connect();
      clients.push(client);
    }
    const FILE = 'SELECT * FROM submit_hearing_response($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())';
    const fileDirectly = (client: Client, s: (typeof submitters)[number], n: number, prefix: string) => {
      const input = inputFor(s, n, prefix);
      const comments = input.comments.map((c) => ({ blockId: c.blockId, quote: null, text: c.text }));
      return client.query<{ outcome: string }>(FILE, [hearingId, s.organisationId, input.idempotencyKey, input.summary, true, false, s.userId, s.name, JSON.stringify(comments), [], null, true]);
    };
    await Promise.all(submitters.map((s, i) => fileDirectly(clients[i], s, 999, 'direct-warmup')));
    const directLatencies: number[] = [];
    let directFailures = 0;
    const directCpuBefore = { bench: process.cpuUsage(), db: clusterCpuSeconds(pg.clusterDir) };
    const directStarted = performance.now();
    await Promise.all(
      submitters.map(async (s, i) => {
        for (let n = 0; n < PER_SUBMITTER; n++) {
          const t0 = performance.now();
          const { rows } = await fileDirectly(clients[i], s, n, 'direct');
          directLatencies.push(performance.now() - t0);
          if (rows[0]?.outcome !== 'created') directFailures++;
        }
      }),
    );
    const directElapsed = (performance.now() - directStarted) / 1000;
    const directRate = expected / directElapsed;
    const directBenchCpu = process.cpuUsage(directCpuBefore.bench);
    const directCpu = { bench: (directBenchCpu.user + directBenchCpu.system) / 1e6, db: clusterCpuSeconds(pg.clusterDir) - directCpuBefore.db };
    const directStats = summary(directLatencies);

    // Raw single-row INSERTs into the same PostgreSQL from the same clients.
    await clients[0].query('CREATE TABLE bench_raw (id bigserial PRIMARY KEY, hearing_id uuid, payload text, received_at timestamptz DEFAULT now())');
    const rawStarted = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        for (let n = 0; n < PER_SUBMITTER * 5; n++) await client.query('INSERT INTO bench_raw (hearing_id, payload) VALUES ($1, $2)', [hearingId, 'x'.repeat(200)]);
      }),
    );
    const rawRate = (SUBMITTERS * PER_SUBMITTER * 5) / ((performance.now() - rawStarted) / 1000);
    const rate = expected / elapsed;

    console.log(`\nHearing submissions: ${SUBMITTERS} concurrent submitters × ${PER_SUBMITTER} responses, 5 comments each (goals: p99 < 500 ms, ≥ 0.25 of the direct rate)`);
    console.log(`  GraphQL         ${rate.toFixed(1)} submissions/s  (p50 ${ms(submitStats.p50)}, p95 ${ms(submitStats.p95)}, p99 ${ms(submitStats.p99)})`);
    console.log(`  by round        ${byRound.map((r, n) => `${n + 1}: p50 ${ms(summary(r).p50)} p99 ${ms(summary(r).p99)}`).join('; ')}`);
    console.log(`  direct call     ${directRate.toFixed(1)} submissions/s  (p50 ${ms(directStats.p50)}, p95 ${ms(directStats.p95)}, p99 ${ms(directStats.p99)}; submit_hearing_response from ${SUBMITTERS} PostgreSQL clients, ${directFailures} not created)`);
    console.log(`  share           ${(rate / directRate).toFixed(2)} of the direct rate (goal ≥ 0.25)`);
    const perRequest = (seconds: number) => `${((1000 * seconds) / expected).toFixed(2)} ms`;
    console.log(`  CPU per filing  GraphQL: server ${perRequest(cpu.server)}, PostgreSQL ${perRequest(cpu.db)}, benchmark client ${perRequest(cpu.bench)} (${elapsed.toFixed(1)} s wall)`);
    console.log(`  server thread   ran ${mainThread.running.toFixed(2)} s, waited runnable for a CPU ${mainThread.waiting.toFixed(2)} s, of ${elapsed.toFixed(1)} s (machine load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`);
    console.log(`                  direct:  PostgreSQL ${perRequest(directCpu.db)}, benchmark client ${perRequest(directCpu.bench)} (${directElapsed.toFixed(1)} s wall)`);
    console.log(`  raw INSERT      ${rawRate.toFixed(1)} rows/s (single-row autocommit INSERTs, same database, ${SUBMITTERS} clients); GraphQL is ${(rate / rawRate).toFixed(3)} of it`);
    console.log(`  correctness     expected ${expected}, stored ${stored.n}, distinct references ${stored.refs}, failed requests ${failures}, lost ${expected - stored.n}, duplicated ${stored.n - stored.refs + Math.max(0, stored.n - expected)}; ${stored.transactions} transactions`);
    for (const [message, count] of errors) console.log(`  error ×${count}   ${message}`);
    if (PROFILE_DIR) {
      console.log(`\nServer CPU profile of the ${expected} GraphQL submissions (inspector sampling profiler, 0.5 ms):`);
      for (const line of await summariseProfiles(PROFILE_DIR, expected)) console.log(line);
    }
    for (const line of memo) console.log(line);
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await db?.end();
    await stopServer();
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Memo generation for MEMO_RESPONSES responses × 5 comments, HTML and DOCX. */
async function benchMemo(url: string, db: Pool, bearer: string, versionId: string, secretariatId: string, blocks: string[], submitters: Array<{ organisationId: string; userId: string }>): Promise<string[]> {
  const [{ id: hearingId }] = (await db.query<{ id: string }>(
    `INSERT INTO hearings (agreement_id, version_id, title, opens_at, closes_at, reference_prefix, created_by)
     SELECT agreement_id, id, 'Memo-benchmark', now() - interval '2 days', now() - interval '1 day', 'BENCH', $2 FROM agreement_versions WHERE id = $1 RETURNING id`,
    [versionId, secretariatId],
  )).rows;
  for (let i = 0; i < MEMO_RESPONSES; i++) {
    const s = submitters[i % submitters.length];
    const [{ id: responseId }] = (await db.query<{ id: string }>(
      `INSERT INTO hearing_responses (hearing_id, organisation_id, reference, idempotency_key, summary, publish, submitted_by, submitted_by_name)
       VALUES ($1, $2, $3, $4, 'Resumé af høringssvaret.', true, $5, 'Bench') RETURNING id`,
      [hearingId, s.organisationId, `BENCH-${String(i + 1).padStart(5, '0')}`, randomUUID(), s.userId],
    )).rows;
    await db.query(
      `INSERT INTO hearing_comments (response_id, position, block_id, text, reply, outcome, replied_by, replied_at)
       SELECT $1, k, ($2::text[])[1 + ((k + $3) % array_length($2::text[], 1))], 'Bemærkning ' || k || ' om afsnittet, med forslag til ændret formulering.',
              CASE WHEN k % 2 = 0 THEN 'Sekretariatet har indarbejdet forslaget.' END, CASE WHEN k % 2 = 0 THEN 'INCORPORATED' END,
              CASE WHEN k % 2 = 0 THEN $4::uuid END, CASE WHEN k % 2 = 0 THEN now() END
         FROM generate_series(1, 5) k`,
      [responseId, blocks, i, secretariatId],
    );
  }
  const docxTimes: number[] = [];
  const htmlTimes: number[] = [];
  let size = 0;
  for (let i = 0; i < 3; i++) {
    let t0 = performance.now();
    const docx = await fetch(`${url}/files/hearings/${hearingId}/memo.docx`, { headers: { authorization: `Bearer ${bearer}` } });
    size = (await docx.arrayBuffer()).byteLength;
    docxTimes.push(performance.now() - t0);
    t0 = performance.now();
    await gql(url, 'query($id: ID!) { hearingMemo(hearingId: $id) { html } }', { id: hearingId }, bearer);
    htmlTimes.push(performance.now() - t0);
  }
  return [
    `\nHearing memo for ${MEMO_RESPONSES} responses × 5 comments (goal: DOCX < 3 s)`,
    `  DOCX download   p50 ${ms(summary(docxTimes).p50)}, max ${ms(summary(docxTimes).p99)} (${(size / 1024).toFixed(0)} KiB)`,
    `  HTML (GraphQL)  p50 ${ms(summary(htmlTimes).p50)}, max ${ms(summary(htmlTimes).p99)}`,
  ];
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
