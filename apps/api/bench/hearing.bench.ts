import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import { freePort, startEmbeddedDatabase } from '../src/database/embedded-database';
import { ms, summary } from './bench-support';

const SUBMITTERS = Number(process.env.BENCH_SUBMITTERS ?? 200);
const PER_SUBMITTER = Number(process.env.BENCH_PER_SUBMITTER ?? 5);
const MEMO_RESPONSES = Number(process.env.BENCH_MEMO_RESPONSES ?? 1000);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';
const MAIN = path.resolve(__dirname, '../src/main.js');

const token = (userId: string) => jwt.sign({ sub: userId }, SECRET, { issuer: 'aftalerum', expiresIn: '1h' });

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, bearer: string): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
}

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // BENCH_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof', profiles the server.
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
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

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-bench-hearing-'));
  const pg = await startEmbeddedDatabase({ dataDir, port: 0, database: 'aftalerum' });
  const server = await startServer(pg.url);
  const db = new Pool({ connectionString: pg.url, max: 20 });
  try {
    const [secretariat] = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'sekretariat@aftalerum.test'`)).rows;
    const [version] = (await db.query<{ id: string }>(`SELECT id FROM agreement_versions WHERE label = 'Høringsudkast'`)).rows;
    const blocks = (await db.query<{ id: string }>(
      `SELECT b->'attrs'->>'blockId' AS id FROM agreement_versions v, jsonb_path_query(v.content, 'strict $.**') b
        WHERE v.id = $1 AND b->>'type' = 'paragraph'`,
      [version.id],
    )).rows.map((r) => r.id);

    // Submitting organisations and one person each.
    const submitters: Array<{ organisationId: string; userId: string }> = [];
    for (let i = 0; i < SUBMITTERS; i++) {
      const [{ id: organisationId }] = (await db.query<{ id: string }>(`INSERT INTO organisations (name, kind) VALUES ($1, 'PATIENT_ORGANISATION') RETURNING id`, [`Benchforening ${i}`])).rows;
      const [{ id: userId }] = (await db.query<{ id: string }>(
        `INSERT INTO users (email, name, password_hash, role, organisation_id) VALUES ($1, $2, 'x', 'ORGANISATION', $3) RETURNING id`,
        [`bench${i}@bench.test`, `Bench ${i}`, organisationId],
      )).rows;
      submitters.push({ organisationId, userId });
    }
    const opened = await gql<{ openHearing: { id: string } }>(
      server.url,
      'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }',
      { i: { versionId: version.id, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString(), invitedOrganisationIds: submitters.map((s) => s.organisationId) } },
      token(secretariat.id),
    );
    const hearingId = opened.data?.openHearing.id ?? '';
    if (!hearingId) throw new Error(JSON.stringify(opened.errors));

    const SUBMIT = 'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { id reference } }';
    const inputFor = (s: (typeof submitters)[number], n: number) => ({
      hearingId,
      organisationId: s.organisationId,
      idempotencyKey: `bench-${s.organisationId}-${n}`,
      summary: 'Vi støtter visionerne, men savner konkrete mål for lighed i sundhed.',
      comments: Array.from({ length: 5 }, (_, k) => ({ blockId: blocks[(n * 5 + k) % blocks.length], text: `Bemærkning ${k + 1}: afsnittet bør præciseres med mål og ansvar.` })),
      publish: true,
    });

    // Warm up.
    await gql(server.url, SUBMIT, { i: { ...inputFor(submitters[0], 999), idempotencyKey: 'warmup' } }, token(submitters[0].userId));

    const latencies: number[] = [];
    const references: string[] = [];
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      submitters.map(async (s) => {
        const bearer = token(s.userId);
        for (let n = 0; n < PER_SUBMITTER; n++) {
          const t0 = performance.now();
          const result = await gql<{ submitHearingResponse: { reference: string } }>(server.url, SUBMIT, { i: inputFor(s, n) }, bearer);
          latencies.push(performance.now() - t0);
          if (result.data) references.push(result.data.submitHearingResponse.reference);
          else failures++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    // Retry a fifth of them with the same keys: they must not add rows.
    await Promise.all(submitters.slice(0, Math.ceil(SUBMITTERS / 5)).map((s) => gql(server.url, SUBMIT, { i: inputFor(s, 0) }, token(s.userId))));
    const stored = (await db.query<{ n: number; refs: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT reference)::int AS refs FROM hearing_responses WHERE hearing_id = $1 AND idempotency_key LIKE 'bench-%'`,
      [hearingId],
    )).rows[0];
    const expected = SUBMITTERS * PER_SUBMITTER;
    const submitStats = summary(latencies);

    // Raw single-row INSERT throughput into the same PostgreSQL, same concurrency, pool of 20.
    await db.query('CREATE TABLE bench_raw (id bigserial PRIMARY KEY, hearing_id uuid, payload text, received_at timestamptz DEFAULT now())');
    const rawStarted = performance.now();
    await Promise.all(
      Array.from({ length: SUBMITTERS }, async () => {
        for (let n = 0; n < PER_SUBMITTER * 5; n++) await db.query('INSERT INTO bench_raw (hearing_id, payload) VALUES ($1, $2)', [hearingId, 'x'.repeat(200)]);
      }),
    );
    const rawRate = (SUBMITTERS * PER_SUBMITTER * 5) / ((performance.now() - rawStarted) / 1000);
    const rate = expected / elapsed;

    console.log(`\nHearing submissions: ${SUBMITTERS} concurrent submitters × ${PER_SUBMITTER} responses, 5 comments each`);
    console.log(`  throughput      ${rate.toFixed(1)} submissions/s  (p50 ${ms(submitStats.p50)}, p95 ${ms(submitStats.p95)}, p99 ${ms(submitStats.p99)})`);
    console.log(`  raw INSERT      ${rawRate.toFixed(1)} rows/s (single-row autocommit INSERTs, same database, ${SUBMITTERS} concurrent)`);
    console.log(`  ratio           ${(rate / rawRate).toFixed(2)} of the raw rate (goal ≥ 0.25)`);
    console.log(`  correctness     expected ${expected}, stored ${stored.n}, distinct references ${stored.refs}, failed requests ${failures}, lost ${expected - stored.n}, duplicated ${stored.n - stored.refs + Math.max(0, stored.n - expected)}`);

    await benchMemo(server.url, db, token(secretariat.id), version.id, secretariat.id, blocks, submitters);
  } finally {
    await db.end();
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Memo generation for MEMO_RESPONSES responses × 5 comments, HTML and DOCX. */
async function benchMemo(url: string, db: Pool, bearer: string, versionId: string, secretariatId: string, blocks: string[], submitters: Array<{ organisationId: string; userId: string }>) {
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
  console.log(`\nHearing memo for ${MEMO_RESPONSES} responses × 5 comments (goal: DOCX < 3 s)`);
  console.log(`  DOCX download   p50 ${ms(summary(docxTimes).p50)}, max ${ms(summary(docxTimes).p99)} (${(size / 1024).toFixed(0)} KiB)`);
  console.log(`  HTML (GraphQL)  p50 ${ms(summary(htmlTimes).p50)}, max ${ms(summary(htmlTimes).p99)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
