import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import * as Y from 'yjs';
import { freePort } from '../src/database/embedded-database';
import { PROBE_TIMEOUT_MS } from '../src/health/database-health.service';
import { CollabClient, connectCollab, draftPlainText, paragraphText, waitFor, waitForAsync } from './collab-client';
import { OwnPostgres, ServerProcess, startOwnPostgres, startServerProcess } from './server-process';
import { graphql } from './test-app';

/**
 * /health answers within its probe's own timeout (plus what a busy 2-core machine adds), never
 * after the pool's 10 s connection timeout, which is what waiting on a dead database would cost.
 */
const HEALTH_BOUND_MS = PROBE_TIMEOUT_MS + 1_200;

const SECRET = 'storage-faults-secret-long-enough-for-hs256';
const CRASH = /unhandledRejection|uncaughtException|UnhandledPromiseRejection|triggerUncaughtException/i;
const failing = (client: CollabClient) => client.stateless.some((payload) => payload.includes('"status":"failing"'));
const recovered = (client: CollabClient) => {
  const last = client.stateless.filter((payload) => payload.includes('aftalerum:saving')).at(-1);
  return last !== undefined && last.includes('"status":"ok"');
};

/** Types one word at a time into one paragraph, and records which words the server acknowledged. */
class Typist {
  typed = 0;
  acknowledged = 0;
  private running = true;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    readonly client: CollabClient,
    private readonly paragraph: number,
    readonly prefix: string,
  ) {
    // unsyncedChanges reaching 0 means every update sent so far was acknowledged, and each
    // word is sent as it is typed: so every word typed by then is acknowledged.
    client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0) this.acknowledged = this.typed;
    });
  }

  word(i: number): string {
    return `${this.prefix}${i} `;
  }

  start(): void {
    this.loop = (async () => {
      while (this.running) {
        const text = paragraphText(this.client.doc, this.paragraph);
        text.insert(text.length, this.word(this.typed));
        this.typed++;
        // A person's pace; not a wait for anything.
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

/** The draft as the database holds it durably: the stored state merged with the update log. */
async function durableText(url: string, agreementId: string): Promise<{ durable: string; stored: string }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const draft = await db.query<{ ydoc: Buffer; text: string }>('SELECT ydoc, text FROM agreement_drafts WHERE agreement_id = $1', [agreementId]);
    const log = await db.query<{ update: Buffer }>('SELECT "update" FROM agreement_draft_updates WHERE agreement_id = $1 ORDER BY id', [agreementId]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(draft.rows[0].ydoc));
    for (const row of log.rows) Y.applyUpdate(doc, new Uint8Array(row.update));
    const durable = draftPlainText(doc);
    doc.destroy();
    return { durable, stored: draft.rows[0].text };
  } finally {
    await db.end();
  }
}

describe('storage faults: the server survives and loses no acknowledged edit', () => {
  let dataDir: string;
  let pgPort: number;
  let pg: OwnPostgres;
  let server: ServerProcess;
  let tokens: { secretariat: string; admin: string };
  let agreementId: string;
  let documentName: string;
  const clients: CollabClient[] = [];

  const health = async () => {
    const started = Date.now();
    const response = await fetch(`${server.url}/health`);
    const body = (await response.json()) as { status: string; reason?: string };
    return { status: response.status, body, ms: Date.now() - started };
  };
  /** Polls /health until it answers `status`; resolves with how long that took and the slowest answer. */
  const healthBecomes = async (status: number, timeoutMs: number) => {
    const started = Date.now();
    let slowest = 0;
    let last: Awaited<ReturnType<typeof health>> | null = null;
    await waitForAsync(async () => {
      last = await health();
      slowest = Math.max(slowest, last.ms);
      return last.status === status;
    }, timeoutMs, `/health ${status}`);
    return { after: Date.now() - started, slowest, last: last as unknown as Awaited<ReturnType<typeof health>> };
  };
  const expectAlive = () => {
    expect(server.child.exitCode).toBeNull();
    expect(server.child.signalCode).toBeNull();
    expect(server.output()).not.toMatch(CRASH);
  };
  const connect = async (token: string) => {
    const client = await connectCollab(server.url, documentName, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-faults-'));
    pgPort = await freePort();
    pg = await startOwnPostgres(dataDir, pgPort);
    server = await startServerProcess({ DATABASE_URL: pg.url, JWT_SECRET: SECRET, DEMO_DATA: 'true', LOG_LEVEL: 'warn' }, 120_000);
    const login = async (email: string) =>
      (await graphql<{ login: { token: string } }>(server.url, 'mutation($e: String!) { login(email: $e, password: "demo1234") { token } }', { e: email })).data
        ?.login.token ?? '';
    // Syddanmark's draft is the one still being written in the demo (Hovedstaden's is approved and read-only).
    tokens = { secretariat: await login('sekretariat.syddanmark@aftalerum.test'), admin: await login('admin@aftalerum.test') };
    const list = await graphql<{ agreements: Array<{ id: string; documentName: string }> }>(server.url, '{ agreements { id documentName } }', {}, tokens.secretariat);
    agreementId = list.data?.agreements[0].id ?? '';
    documentName = list.data?.agreements[0].documentName ?? '';
  }, 180_000);

  afterEach(() => {
    while (clients.length) clients.pop()?.destroy();
  });

  afterAll(async () => {
    await server?.stop('SIGTERM');
    await pg?.stop();
  });

  it('keeps running while PostgreSQL is stopped under two typing editors, and stores every edit once it is back', async () => {
    const a = await connect(tokens.secretariat);
    const b = await connect(tokens.admin);
    const typists = [new Typist(a, 1, 'alfa'), new Typist(b, 2, 'beta')];
    typists.forEach((typist) => typist.start());
    await waitFor(() => typists.every((t) => t.acknowledged >= 5), 15_000, 'acknowledged words before the fault');

    await pg.stop();
    const typedAtStop = typists.map((t) => t.typed);
    const acknowledgedAtStop = typists.map((t) => t.acknowledged);
    const down = await healthBecomes(503, 10_000);
    expect(down.last.body).toEqual({ status: 'unavailable', reason: expect.stringMatching(/^Databasen kan ikke (nås|skrive)|^Databasen svarer ikke/) });
    expect(down.slowest).toBeLessThan(HEALTH_BOUND_MS);
    // The editors are told, and what they type now is held, not acknowledged.
    await waitFor(() => failing(a) && failing(b), 15_000, 'the "saving fails" message at both editors');
    await waitFor(() => typists.every((t, i) => t.typed >= typedAtStop[i] + 10), 15_000, 'typing during the fault');
    const acknowledgedDuringFault = typists.map((t) => t.acknowledged);
    for (const [i, typist] of typists.entries()) {
      expect(typist.client.provider.unsyncedChanges).toBeGreaterThan(0);
      expect(acknowledgedDuringFault[i]).toBeLessThan(typist.typed);
    }
    expectAlive();

    pg = await startOwnPostgres(dataDir, pgPort);
    const up = await healthBecomes(200, 30_000);
    expect(up.last.body).toEqual({ status: 'ok' });
    await Promise.all(typists.map((t) => t.stop()));
    await Promise.all([a.settled(30_000), b.settled(30_000)]);
    await waitFor(() => recovered(a) && recovered(b), 15_000, 'the "saving works" message at both editors');
    expect(typists.map((t) => t.acknowledged)).toEqual(typists.map((t) => t.typed));

    // Every acknowledged word is durable (state + log) at once, and in the stored draft once
    // the editors have left.
    const { durable } = await durableText(pg.url, agreementId);
    for (const typist of typists) {
      for (let i = 0; i < typist.typed; i++) expect(durable).toContain(typist.word(i));
    }
    a.destroy();
    b.destroy();
    const last = typists.map((t) => t.word(t.typed - 1).trim());
    await waitForAsync(async () => {
      const { stored } = await durableText(pg.url, agreementId);
      return last.every((word) => stored.includes(word));
    }, 20_000, 'the stored draft');
    const { stored } = await durableText(pg.url, agreementId);
    for (const typist of typists) {
      for (let i = 0; i < typist.typed; i++) expect(stored).toMatch(new RegExp(`\\b${typist.word(i).trim()}\\b`));
    }
    expectAlive();
    console.log(
      `PostgreSQL stopped: /health 503 after ${down.after} ms (slowest answer ${down.slowest} ms), 200 after restart in ${up.after} ms; ` +
        `words typed ${typists.map((t) => t.typed).join('+')}, acknowledged before the fault ${acknowledgedAtStop.join('+')}, ` +
        `unacknowledged during it ${typists.map((t, i) => t.typed - acknowledgedDuringFault[i]).join('+')}, all found stored`,
    );
  }, 180_000);

  it('answers 503 with the reason while the database is read-only (as with a full disk), holds edits, and recovers by itself', async () => {
    const admin = new Client({ connectionString: pg.adminUrl });
    await admin.connect();
    const a = await connect(tokens.secretariat);
    const typist = new Typist(a, 3, 'gamma');
    let down: Awaited<ReturnType<typeof healthBecomes>>;
    try {
      await admin.query('ALTER SYSTEM SET default_transaction_read_only = on');
      await admin.query('SELECT pg_reload_conf()');
      // The pooled sessions pick the setting up: the write probe fails though reads work.
      down = await healthBecomes(503, 10_000);
      expect(down.last.body.reason).toMatch(/^Databasen kan ikke skrive: .*read-only/);
      expect(down.slowest).toBeLessThan(HEALTH_BOUND_MS);
      typist.start();
      await waitFor(() => failing(a), 15_000, 'the "saving fails" message');
      await waitFor(() => typist.typed >= 5, 10_000, 'typing while read-only');
      expect(a.provider.unsyncedChanges).toBeGreaterThan(0);
      expectAlive();
    } finally {
      await admin.query('ALTER SYSTEM RESET default_transaction_read_only');
      await admin.query('SELECT pg_reload_conf()');
      await admin.end();
    }
    const up = await healthBecomes(200, 15_000);
    await typist.stop();
    await a.settled(30_000);
    await waitFor(() => recovered(a), 15_000, 'the "saving works" message');
    const { durable } = await durableText(pg.url, agreementId);
    for (let i = 0; i < typist.typed; i++) expect(durable).toContain(typist.word(i));
    expectAlive();
    console.log(`Read-only database: /health 503 after ${down.after} ms (slowest ${down.slowest} ms), 200 after reset in ${up.after} ms; ${typist.typed} words held and then stored`);
  }, 120_000);
});
