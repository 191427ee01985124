import 'reflect-metadata';
import { Server as BareServer } from '@hocuspocus/server';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { agreementSkeleton } from '../src/agreements/draft-template';
import { loadConfig } from '../src/config/app-config';
import { freePort, startEmbeddedDatabase } from '../src/database/embedded-database';
import { startServer } from '../src/server';
import { BenchClient, connect, measurePropagation, ms, summary } from './bench-support';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const READER_COUNTS = [1, 10, 50];
const BARE_TOKEN = 'bench-token';

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The first paragraph's text of the draft (created if the paragraph is empty). */
function firstParagraph(doc: Y.Doc): Y.XmlText {
  const section = doc.getXmlFragment('default').get(0) as Y.XmlElement;
  const paragraph = section.toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'paragraph');
  if (!paragraph) throw new Error('no paragraph');
  const existing = paragraph.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText);
  if (existing) return existing;
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  return text;
}

interface Target {
  label: string;
  url: string;
  name: string;
  writerToken: string;
  readerToken: string;
}

/** One writer and `count` readers on one server: the propagation times of ROUNDS keystrokes. */
async function runOnce(target: Target, count: number): Promise<number[]> {
  const writer = await connect(target.url, target.name, target.writerToken);
  const readers: BenchClient[] = [];
  for (let i = 0; i < count; i++) readers.push(await connect(target.url, target.name, target.readerToken));
  // Warm up.
  await measurePropagation(writer, readers, firstParagraph, 20);
  const latencies = await measurePropagation(writer, readers, firstParagraph, ROUNDS);
  for (const client of [writer, ...readers]) client.destroy();
  await new Promise((resolve) => setTimeout(resolve, 300));
  return latencies;
}

function report(label: string, count: number, result: ReturnType<typeof summary>): void {
  console.log(`  ${label.padEnd(22)} ${String(count).padStart(2)} readers: p50 ${ms(result.p50)}  p95 ${ms(result.p95)}  p99 ${ms(result.p99)}  (${result.n} deliveries)`);
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-bench-'));
  const pg = await startEmbeddedDatabase({ dataDir, port: 0, database: 'aftalerum' });
  const server = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: pg.url, DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'error', WEB_DIST_DIR: path.join(dataDir, 'none') }),
  );
  // Bare Hocuspocus of the same major: no persistence, no access checks beyond a token.
  const bare = new BareServer({
    port: await freePort(),
    address: '127.0.0.1',
    quiet: true,
    async onAuthenticate({ token }) {
      if (token !== BARE_TOKEN) throw new Error('Ugyldigt login');
    },
  });
  await bare.listen();
  const bareName = 'bare-draft';
  // The bare server starts from the same draft so both documents are alike.
  const seed = await connect(`ws://127.0.0.1:${bare.configuration.port}`, bareName, BARE_TOKEN);
  const { prosemirrorJSONToYDoc } = await import('@tiptap/y-tiptap');
  const { draftSchema } = await import('@aftalerum/editor');
  Y.applyUpdate(seed.doc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(draftSchema(), agreementSkeleton('Bench'), 'default')));
  await new Promise((resolve) => setTimeout(resolve, 300));

  try {
    const login = (email: string) => gql<{ login: { token: string } }>(server.url, 'mutation($e: String!) { login(email: $e, password: "demo1234") { token } }', { e: email });
    const writerToken = (await login('sekretariat@aftalerum.test')).login.token;
    const readerToken = (await login('kommune.gladsaxe@aftalerum.test')).login.token;
    const { agreements } = await gql<{ agreements: Array<{ id: string; documentName: string }> }>(server.url, '{ agreements { id documentName } }', {}, writerToken);

    console.log(`Update propagation, one writer → N readers, ${ROUNDS} keystrokes per run, two runs per server (goal: p99 < 10 ms at 50 readers, within 1.2× of bare Hocuspocus)`);
    const oursTarget: Target = { label: 'Aftalerum /collab', url: `${server.url.replace('http', 'ws')}/collab`, name: agreements[0].documentName, writerToken, readerToken };
    const bareTarget: Target = { label: 'bare Hocuspocus', url: `ws://127.0.0.1:${bare.configuration.port}`, name: bareName, writerToken: BARE_TOKEN, readerToken: BARE_TOKEN };
    // Both servers at each fan-out, each twice in the order A B B A (alternating which goes
    // first), so neither gets the other's warmed-up (JIT-compiled) code or a quieter minute.
    const ours: Record<number, ReturnType<typeof summary>> = {};
    const bareResults: Record<number, ReturnType<typeof summary>> = {};
    for (const [index, count] of READER_COUNTS.entries()) {
      const [first, second] = index % 2 === 0 ? [bareTarget, oursTarget] : [oursTarget, bareTarget];
      const latencies = new Map<Target, number[]>([[first, []], [second, []]]);
      for (const target of [first, second, second, first]) latencies.get(target)?.push(...(await runOnce(target, count)));
      ours[count] = summary(latencies.get(oursTarget) ?? []);
      bareResults[count] = summary(latencies.get(bareTarget) ?? []);
      report(bareTarget.label, count, bareResults[count]);
      report(oursTarget.label, count, ours[count]);
    }
    for (const count of READER_COUNTS) {
      console.log(`  ratio at ${String(count).padStart(2)} readers: p50 ${(ours[count].p50 / bareResults[count].p50).toFixed(2)}×  p99 ${(ours[count].p99 / bareResults[count].p99).toFixed(2)}×`);
    }

    await benchVersions(server.url, writerToken);
  } finally {
    seed.destroy();
    await bare.destroy();
    await server.close();
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** createVersion and compareVersions on a 60-page draft (about 30,000 words). */
async function benchVersions(url: string, token: string) {
  const { regions } = await gql<{ regions: Array<{ id: string; code: string }> }>(url, '{ regions { id code } }', {}, token);
  const created = await gql<{ createAgreement: { id: string; documentName: string } }>(
    url,
    'mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id documentName } }',
    { i: { regionId: regions.find((r) => r.code === 'H')?.id, title: 'Stort udkast', periodStart: 2030, periodEnd: 2033, effectiveDate: '2030-01-01' } },
    token,
  );
  const editor = await connect(`${url.replace('http', 'ws')}/collab`, created.createAgreement.documentName, token);
  const sentence = 'Regionen og kommunerne arbejder sammen om borgerens forløb med fokus på lighed, kvalitet og sammenhæng i hele sundhedsvæsenet. ';
  const paragraphs = 1_200; // ~25 words each: about 30,000 words, 60 pages
  const fragment = editor.doc.getXmlFragment('default');
  const sections = fragment.toArray() as Y.XmlElement[];
  editor.doc.transact(() => {
    for (let i = 0; i < paragraphs; i++) {
      const section = sections[i % sections.length];
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('blockId', `bench-${i}`);
      const text = new Y.XmlText();
      text.insert(0, `${i}. ${sentence.repeat(1)}${sentence.slice(0, 40)}`);
      paragraph.insert(0, [text]);
      section.insert(section.length, [paragraph]);
    }
  });
  await new Promise<void>((resolve) => {
    const check = () => (editor.provider.unsyncedChanges === 0 ? resolve() : setTimeout(check, 20));
    check();
  });
  const CREATE = 'mutation($i: CreateVersionInput!) { createVersion(input: $i) { id number } }';
  const times: number[] = [];
  let first = '';
  let last = '';
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const { createVersion } = await gql<{ createVersion: { id: string } }>(url, CREATE, { i: { agreementId: created.createAgreement.id, label: `Bench ${i}` } }, token);
    times.push(performance.now() - started);
    if (i === 0) first = createVersion.id;
    last = createVersion.id;
    // Change every 20th paragraph between versions.
    editor.doc.transact(() => {
      sections.forEach((section) => {
        section.toArray().forEach((node, index) => {
          if (node instanceof Y.XmlElement && node.nodeName === 'paragraph' && index % 20 === i) {
            const text = node.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText);
            text?.insert(0, 'Ændret ');
          }
        });
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const compareTimes: number[] = [];
  let changes = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const result = await gql<{ compareVersions: { changes: unknown[] } }>(url, 'query($f: ID!, $t: ID!) { compareVersions(fromVersionId: $f, toVersionId: $t) { changes { blockId change words { kind text } } } }', { f: first, t: last }, token);
    compareTimes.push(performance.now() - started);
    changes = result.compareVersions.changes.length;
  }
  editor.destroy();
  const c = summary(times);
  const d = summary(compareTimes);
  console.log(`\nVersions on a 60-page draft (${paragraphs} extra paragraphs, ~30,000 words; goal < 200 ms each)`);
  console.log(`  createVersion   (GraphQL round trip, 5 runs): p50 ${ms(c.p50)}  max ${ms(c.p99)}`);
  console.log(`  compareVersions (GraphQL round trip, 5 runs, ${changes} changed blocks): p50 ${ms(d.p50)}  max ${ms(d.p99)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
