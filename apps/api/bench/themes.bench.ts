import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../src/config/app-config';
import { freePort, startEmbeddedDatabase } from '../src/database/embedded-database';
import { findCampaigns } from '../src/hearings/campaigns';
import { HearingAnalysisService } from '../src/hearings/hearing-analysis.service';
import { findThemes } from '../src/hearings/themes';
import { ms, summary } from './bench-support';
import { CAMPAIGN_POINTS, campaignVariant, distinctResponse, seeded, SUBJECTS, subjectComment } from './hearing-corpus';

/*
 * npm run bench:themes — campaigns and themes of a large hearing: RESPONSES responses × 5
 * comments (CAMPAIGN of them one campaign letter), computed
 *  1. in memory (the analysis itself: MinHash campaigns + TF-IDF/k-means themes), and
 *  2. as the job runs it on PostgreSQL: load, compute, store (HearingAnalysisService.analyse),
 * and the processing page's read of the stored themes over GraphQL. Prints the figures.
 */

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1000);
const PER_RESPONSE = Number(process.env.BENCH_COMMENTS_PER_RESPONSE ?? 5);
const CAMPAIGN = Number(process.env.BENCH_CAMPAIGN ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';
const MAIN = path.resolve(__dirname, '../src/main.js');


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

/** The large hearing's texts: responses, each with PER_RESPONSE comments on the subjects' paragraphs. */
function corpus(blocks: string[]) {
  const random = seeded(2026);
  const subjects = Object.keys(SUBJECTS);
  return Array.from({ length: RESPONSES }, (_, i) => {
    if (i % Math.max(1, Math.floor(RESPONSES / CAMPAIGN)) === 0 && i / Math.floor(RESPONSES / CAMPAIGN) < CAMPAIGN) {
      const letter = campaignVariant(random, `Borgerforening ${i}`);
      // A campaign response: the letter as summary, its points as comments, the same for every sender.
      return { summary: letter, comments: Array.from({ length: PER_RESPONSE }, (_, k) => ({ blockId: blocks[k % blocks.length], text: CAMPAIGN_POINTS[k % CAMPAIGN_POINTS.length] })) };
    }
    return {
      summary: distinctResponse(random, i).slice(0, 200),
      comments: Array.from({ length: PER_RESPONSE }, () => {
        const s = Math.floor(random() * subjects.length);
        return { blockId: random() < 0.8 ? blocks[(s * 3 + Math.floor(random() * 3)) % blocks.length] : null, text: subjectComment(random, subjects[s]) };
      }),
    };
  });
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-bench-themes-'));
  const pg = await startEmbeddedDatabase({ dataDir, port: 0, database: 'aftalerum' });
  const server = await startServer(pg.url);
  const db = new DataSource({ type: 'postgres', url: pg.url });
  await db.initialize();
  try {
    const [secretariat] = await db.query<Array<{ id: string; name: string }>>(`SELECT id, name FROM users WHERE email = 'sekretariat@aftalerum.test'`);
    const login = await gql<{ login: { token: string } }>(server.url, 'mutation { login(email: "sekretariat@aftalerum.test", password: "demo1234") { token } }', {}, '');
    const bearer = login.data?.login.token ?? '';
    if (!bearer) throw new Error(JSON.stringify(login.errors));
    const [version] = await db.query<Array<{ id: string }>>(`SELECT id FROM agreement_versions WHERE label = 'Høringsudkast'`);
    const blocks = (
      await db.query<Array<{ id: string }>>(
        `SELECT b->'attrs'->>'blockId' AS id FROM agreement_versions v, jsonb_path_query(v.content, 'strict $.**') b WHERE v.id = $1 AND b->>'type' = 'paragraph'`,
        [version.id],
      )
    ).map((r) => r.id);
    const texts = corpus(blocks);

    // 1. In memory.
    const responsesIn = texts.map((r, i) => ({ id: `r${i}`, text: [r.summary, ...r.comments.map((c) => c.text)].join('\n') }));
    const commentsIn = texts.flatMap((r, i) => r.comments.map((c, k) => ({ id: `c${i}-${k}`, blockId: c.blockId, text: c.text })));
    const memory: number[] = [];
    const memoryCpu: number[] = [];
    let found = { campaigns: 0, largest: 0, themes: 0 };
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const campaigns = findCampaigns(responsesIn);
      const themes = findThemes(commentsIn);
      memory.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      memoryCpu.push((used.user + used.system) / 1000);
      found = { campaigns: campaigns.length, largest: campaigns[0]?.memberIds.length ?? 0, themes: themes.created.length };
    }

    // 2. The job on PostgreSQL: the responses written straight into the tables (the filing path has its own
    // benchmark, and a hearing invites at most 500 through the API).
    const organisations = await db.query<Array<{ id: string }>>(
      `INSERT INTO organisations (name, kind) SELECT 'Benchforening ' || g, 'PATIENT_ORGANISATION' FROM generate_series(1, $1) g RETURNING id`,
      [RESPONSES],
    );
    const opened = await gql<{ openHearing: { id: string } }>(
      server.url,
      'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }',
      { i: { versionId: version.id, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString(), invitedOrganisationIds: organisations.slice(0, 1).map((o) => o.id) } },
      bearer,
    );
    const hearingId = opened.data?.openHearing.id ?? '';
    if (!hearingId) throw new Error(JSON.stringify(opened.errors));
    const responseIds = (
      await db.query<Array<{ id: string }>>(
        `INSERT INTO hearing_responses (hearing_id, organisation_id, reference, idempotency_key, summary, publish, submitted_by, submitted_by_name, received_at)
         SELECT $1, o, 'BENCH-' || n, 'bench-' || n, s, true, $2, $3, now() + n * interval '1 millisecond'
           FROM unnest($4::uuid[], $5::text[]) WITH ORDINALITY AS t(o, s, n) ORDER BY n RETURNING id`,
        [hearingId, secretariat.id, secretariat.name, organisations.map((o) => o.id), texts.map((t) => t.summary)],
      )
    ).map((r) => r.id);
    const rows = texts.flatMap((t, i) => t.comments.map((c, k) => ({ response: responseIds[i], position: k, blockId: c.blockId, text: c.text })));
    await db.query(
      `INSERT INTO hearing_comments (response_id, position, block_id, text) SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[])`,
      [rows.map((r) => r.response), rows.map((r) => r.position), rows.map((r) => r.blockId), rows.map((r) => r.text)],
    );
    const analysis = new HearingAnalysisService(db, { JOB_POLL_SECONDS: 1 } as AppConfig);
    const job: number[] = [];
    const jobCpu: number[] = [];
    let result = await analysis.analyse(hearingId);
    for (let run = 0; run < RUNS; run++) {
      // Forget the last run's input, or the job would find nothing new and compute nothing.
      await db.query('UPDATE hearing_analyses SET input_digest = NULL WHERE hearing_id = $1', [hearingId]);
      const started = performance.now();
      const cpu = process.cpuUsage();
      result = await analysis.analyse(hearingId);
      job.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      jobCpu.push((used.user + used.system) / 1000);
    }

    // 3. What the processing page asks: the stored themes and campaigns.
    const read: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const answer = await gql(server.url, 'query($id: ID!) { hearing(id: $id) { themes { id label size answered } campaigns { id size senders } } }', { id: hearingId }, bearer);
      read.push(performance.now() - started);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    }

    const m = summary(memory);
    const j = summary(job);
    const r = summary(read);
    console.log(`\nThemes and campaigns of ${RESPONSES} responses × ${PER_RESPONSE} comments = ${commentsIn.length} comments (${CAMPAIGN} of the responses one campaign letter), ${RUNS} runs each:`);
    console.log(`  found: ${found.campaigns} campaign(s), the largest with ${found.largest} responses; ${found.themes} themes`);
    console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} (wall times on a busy machine include waiting for a core; CPU time does not)`);
    console.log(`  in memory (MinHash campaigns + TF-IDF/k-means themes): p50 ${ms(m.p50)}, max ${ms(Math.max(...memory))}; CPU p50 ${ms(summary(memoryCpu).p50)}`);
    console.log(`  the job on PostgreSQL (load, compute, store): p50 ${ms(j.p50)}, max ${ms(Math.max(...job))}; the API process's CPU p50 ${ms(summary(jobCpu).p50)}; last run stored ${result.campaigns} campaign(s), ${result.themes} themes`);
    console.log(`  goal: under 3 s for 5,000 comments → ${Math.max(...job) < 3000 ? 'met' : 'NOT met'} (worst job run ${(Math.max(...job) / 1000).toFixed(2)} s)`);
    console.log(`  the processing page's read of the stored themes and campaigns (GraphQL): p50 ${ms(r.p50)}, max ${ms(Math.max(...read))}`);
  } finally {
    await db.destroy();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
