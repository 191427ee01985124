import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import * as Y from 'yjs';
import { freePort, startEmbeddedDatabase } from '../src/database/embedded-database';
import { BenchClient, connect, measurePropagation, ms, summary } from './bench-support';

const SECRET = 'load-bench-secret-that-is-long-enough-for-hs256';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const READERS = Number(process.env.BENCH_READERS ?? 50);
const SUBMITTERS = Number(process.env.BENCH_SUBMITTERS ?? 50);
const EDITORS = Number(process.env.BENCH_EDITORS ?? 50);
const SRC = path.resolve(__dirname, '../src');

const token = (sub: string) => jwt.sign({ sub }, SECRET, { issuer: 'aftalerum', expiresIn: '1h' });

interface Deployment {
  url: string;
  ports: number[];
  stop(): Promise<void>;
}

async function waitHealthy(url: string) {
  for (let i = 0; i < 900; i++) {
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy`);
}

async function deploy(kind: 'one' | 'two', databaseUrl: string): Promise<Deployment> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, JWT_SECRET: SECRET, DEMO_DATA: 'true', LOG_LEVEL: 'error', SUBMIT_RATE_PER_MINUTE: '1000000' };
  let child: ChildProcess;
  let ports = [port];
  if (kind === 'one') {
    child = spawn(process.execPath, [path.join(SRC, 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    child = spawn(process.execPath, [path.join(SRC, 'cluster/cluster.js')], { env: { ...env, REDIS_URL, INSTANCES: '2' }, stdio: ['ignore', 'pipe', 'inherit'] });
    ports = await new Promise<number[]>((resolve) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = /CLUSTER (\{.*\})/.exec(out);
        if (line) resolve((JSON.parse(line[1]) as { instances: Array<{ port: number }> }).instances.map((i) => i.port));
      });
    });
  }
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url);
  return {
    url,
    ports,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function gql(url: string, query: string, variables: Record<string, unknown>, bearer: string) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** Runs `worker` with `concurrency` loops for SECONDS; returns throughput and latencies. */
async function hammer(concurrency: number, worker: (n: number, i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, n) => {
      for (let i = 0; performance.now() < until; i++) {
        const t0 = performance.now();
        const ok = await worker(n, i).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { rate: latencies.length / seconds, ...summary(latencies), failures };
}

const PAGE = `query($id: ID!) { agreement(id: $id) { id title phase effectiveDate region { name }
  sections { blockId kind title } versions { id number label createdAt }
  hearings { id title status closesAt } milestones { title date kind }
  approvalStatus { required approved rejected } } }`;

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-load-'));
  const pg = await startEmbeddedDatabase({ dataDir, port: 0, database: 'postgres' });
  const admin = new Pool({ connectionString: pg.adminUrl, max: 4 });
  const results: string[] = [];
  try {
    for (const kind of ['one', 'two'] as const) {
      const database = `load_${kind}`;
      await admin.query(`CREATE DATABASE ${database}`);
      const url = pg.adminUrl.replace(/\/postgres$/, `/${database}`);
      const deployment = await deploy(kind, url);
      const db = new Pool({ connectionString: url, max: 4 });
      try {
        const ids = (await db.query(`SELECT (SELECT id FROM users WHERE email = 'sekretariat@aftalerum.test') AS secretariat,
            (SELECT id FROM users WHERE email = 'patientforening@aftalerum.test') AS patient,
            (SELECT id FROM organisations WHERE name = 'Danske Patienter') AS org,
            (SELECT id FROM agreements LIMIT 1) AS agreement, (SELECT id FROM agreement_versions LIMIT 1) AS version`)).rows[0];
        const secretariat = token(ids.secretariat);
        const patient = token(ids.patient);
        const opened = await gql(deployment.url, 'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }', {
          i: { versionId: ids.version, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString(), invitedOrganisationIds: [ids.org] },
        }, secretariat);
        const hearingId = (opened.data?.openHearing as { id: string }).id;

        const reads = await hammer(READERS, async () => !(await gql(deployment.url, PAGE, { id: ids.agreement }, secretariat)).errors);
        const writes = await hammer(SUBMITTERS, async (n, i) =>
          !(await gql(deployment.url, 'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { reference } }', {
            i: { hearingId, organisationId: ids.org, idempotencyKey: `load-${kind}-${n}-${i}`, summary: 'Belastningstest.', comments: [], publish: false },
          }, patient)).errors,
        );
        const label = kind === 'one' ? 'one instance ' : 'two instances';
        results.push(`  ${label}  agreement page reads: ${reads.rate.toFixed(0).padStart(5)}/s  p99 ${ms(reads.p99)}  (${READERS} concurrent, ${reads.failures} failed)`);
        results.push(`  ${label}  hearing submissions:  ${writes.rate.toFixed(0).padStart(5)}/s  p99 ${ms(writes.p99)}  (${SUBMITTERS} concurrent, ${writes.failures} failed)`);

        if (kind === 'two') {
          const documentName = `agreement:${ids.agreement}`;
          const editors: BenchClient[] = [];
          for (let e = 0; e < EDITORS; e++) {
            const port = deployment.ports[e % deployment.ports.length];
            editors.push(await connect(`ws://127.0.0.1:${port}/collab`, documentName, secretariat));
          }
          const text = (doc: Y.Doc) => {
            const section = doc.getXmlFragment('default').get(0) as Y.XmlElement;
            const paragraph = section.toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'paragraph') as Y.XmlElement;
            return (paragraph.toArray().find((n) => n instanceof Y.XmlText) as Y.XmlText) ?? (() => { const t = new Y.XmlText(); paragraph.insert(0, [t]); return t; })();
          };
          await measurePropagation(editors[0], editors.slice(1), text, 10);
          const collab = summary(await measurePropagation(editors[0], editors.slice(1), text, 100));
          results.push(`  two instances  collaboration, ${EDITORS} editors (half on each instance): propagation p50 ${ms(collab.p50)}  p99 ${ms(collab.p99)}  (${collab.n} deliveries)`);
          for (const editor of editors) editor.destroy();
        }
      } finally {
        await db.end();
        await deployment.stop();
      }
    }
  } finally {
    await admin.end();
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(`\nLoad (${SECONDS} s per run; PostgreSQL, Redis, the instances and this load generator share the machine's 2 cores)`);
  for (const line of results) console.log(line);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
