import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import * as Y from 'yjs';
import { connectCollab, paragraphText, pollUntil, waitFor } from './collab-client';
import { startServerProcess } from './server-process';
import { subscribe, triggerUntilDelivered } from './subscription-client';
import { graphql } from './test-app';
import { createTestDatabase } from './test-database';
import { freePort } from '../src/database/embedded-database';

const DIST = path.resolve(__dirname, '../../../dist/api/apps/api/src');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Every test database is cloned from one template (same ids): a prefix of this file's own keeps
// test files running at the same time from syncing each other's documents through Redis.
const REDIS_PREFIX = `aftalerum-test-${process.pid}-${Date.now()}`;
const SECRET = 'cluster-test-secret-long-enough-for-hs256-signing';

interface Cluster {
  url: string;
  child: ChildProcess;
  instances: Array<{ port: number; pid: number }>;
}

/** `npm run start:cluster` as the tests run it: two instances and the proxy, on one database and Redis. */
async function startCluster(databaseUrl: string): Promise<Cluster> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(DIST, 'cluster/cluster.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX, JWT_SECRET: SECRET, DEMO_DATA: 'false', LOG_LEVEL: 'warn', INSTANCES: '2' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`cluster did not start:\n${out}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /CLUSTER (\{.*\})/.exec(out);
      if (line) {
        clearTimeout(timer);
        const info = JSON.parse(line[1]) as { instances: Array<{ port: number; pid: number }> };
        resolve({ url: `http://127.0.0.1:${port}`, child, instances: info.instances });
      }
    });
    child.once('exit', (code) => reject(new Error(`cluster exited with ${code}:\n${out}`)));
  });
}

const token = async (url: string, email: string) =>
  (await graphql<{ login: { token: string } }>(url, 'mutation($e: String!) { login(email: $e, password: "demo1234") { token } }', { e: email })).data?.login.token ?? '';

describe('two instances with Redis', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let cluster: Cluster;
  let documentName: string;
  let secretariat: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    cluster = await startCluster(database.url);
    secretariat = await token(cluster.url, 'sekretariat@aftalerum.test');
    const list = await graphql<{ agreements: Array<{ documentName: string }> }>(cluster.url, '{ agreements { documentName } }', {}, secretariat);
    documentName = list.data?.agreements[0].documentName ?? '';
  }, 120_000);
  afterAll(async () => {
    cluster.child.kill('SIGTERM');
    await new Promise((resolve) => cluster.child.once('exit', resolve));
    await database.drop();
  });

  // Runs while both instances are up (the next test kills A).
  it('delivers a subscription event from one instance to a subscriber on the other', async () => {
    const [a, b] = cluster.instances;
    const onA = `http://127.0.0.1:${a.port}`;
    const agreements = await graphql<{ agreements: Array<{ id: string }> }>(`http://127.0.0.1:${b.port}`, '{ agreements { id } }', {}, secretariat);
    const agreementId = agreements.data?.agreements[0].id;
    const orgs = await graphql<{ organisations: Array<{ id: string; name: string }> }>(onA, '{ organisations(kind: MUNICIPALITY) { id name } }', {}, secretariat);
    const gladsaxe = orgs.data?.organisations.find((o) => o.name === 'Gladsaxe Kommune')?.id;
    // Decisions are recorded in Godkendelse on a locked final version: take the agreement there.
    for (const phase of ['HEARING', 'PROCESSING', 'APPROVAL']) {
      const moved = await graphql(onA, 'mutation($i: SetAgreementPhaseInput!) { setAgreementPhase(input: $i) { phase } }', { i: { agreementId, phase } }, secretariat);
      expect(moved.errors).toBeUndefined();
    }
    const versions = await graphql<{ agreement: { versions: Array<{ id: string }> } }>(onA, 'query($a: ID!) { agreement(id: $a) { versions { id } } }', { a: agreementId }, secretariat);
    const locked = await graphql(onA, 'mutation($i: LockFinalVersionInput!) { lockFinalVersion(input: $i) { id } }', { i: { agreementId, versionId: versions.data?.agreement.versions[0].id } }, secretariat);
    expect(locked.errors).toBeUndefined();
    type Event = { data?: { approvalRecorded?: { decision: string; decidedAt: string; organisation: { name: string } } } };
    const subscription = subscribe<Event>(`http://127.0.0.1:${b.port}`, 'subscription($a: ID!) { approvalRecorded(agreementId: $a) { decision decidedAt organisation { name } } }', { a: agreementId }, secretariat);
    // Each decision is recorded on instance A (a new date each time): the events must reach
    // the subscriber on B through Redis.
    const dates: string[] = [];
    try {
      await triggerUntilDelivered(
        subscription,
        async (n) => {
          const decidedAt = new Date(Date.UTC(2023, 10, 1 + n)).toISOString().slice(0, 10);
          const recorded = await graphql(onA, 'mutation($i: RecordApprovalInput!) { recordApproval(input: $i) { id } }', { i: { agreementId, organisationId: gladsaxe, decision: 'APPROVED', decidedAt } }, secretariat);
          expect(recorded.errors).toBeUndefined();
          dates.push(decidedAt);
        },
        (event) => (event as Event).data?.approvalRecorded?.decidedAt === dates.at(-1),
      );
    } finally {
      await subscription.dispose();
    }
    expect(subscription.failures).toEqual([]);
    expect(subscription.events.length).toBeGreaterThanOrEqual(2);
    expect(subscription.events).toEqual(
      dates.slice(dates.length - subscription.events.length).map((decidedAt) => ({ data: { approvalRecorded: { decision: 'APPROVED', decidedAt, organisation: { name: 'Gladsaxe Kommune' } } } })),
    );
  }, 60_000);

  it('gives the editors on B an acknowledged edit that never came through Redis, once another editor connects to B', async () => {
    // As when instance A logs (and acknowledges) an edit and dies before B has asked it for the
    // edit: the edit is in the log, and B's live copy lacks it.
    const b = `http://127.0.0.1:${cluster.instances[1].port}`;
    const onB = await connectCollab(b, documentName, secretariat);
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(onB.doc));
    paragraphText(elsewhere, 4).insert(0, 'Kun i loggen. ');
    const update = Y.encodeStateAsUpdate(elsewhere, Y.encodeStateVector(onB.doc));
    const pg = new Client({ connectionString: database.url });
    await pg.connect();
    try {
      await pg.query('INSERT INTO agreement_draft_updates (agreement_id, update) VALUES ($1, $2)', [documentName.replace(/^agreement:/, ''), Buffer.from(update)]);
    } finally {
      await pg.end();
    }
    const reconnecting = await connectCollab(b, documentName, secretariat);
    await waitFor(() => paragraphText(onB.doc, 4).toString().startsWith('Kun i loggen. '), 10_000, 'the logged edit at B’s editor');
    expect(paragraphText(reconnecting.doc, 4).toString()).toMatch(/^Kun i loggen\. /);
    reconnecting.destroy();
    onB.destroy();
  }, 60_000);

  it('keeps an editor on instance A and one on B in sync, and loses no acknowledged word when A is killed', async () => {
    const [a, b] = cluster.instances;
    const onA = await connectCollab(`http://127.0.0.1:${a.port}`, documentName, secretariat);
    const onB = await connectCollab(`http://127.0.0.1:${b.port}`, documentName, secretariat);
    paragraphText(onA.doc, 1).insert(0, 'Fra A. ');
    await waitFor(() => paragraphText(onB.doc, 1).toString().startsWith('Fra A. '), 10_000, 'A’s edit at B');
    paragraphText(onB.doc, 2).insert(0, 'Fra B. ');
    await waitFor(() => paragraphText(onA.doc, 2).toString().startsWith('Fra B. '), 10_000, 'B’s edit at A');
    onA.destroy();

    // A writer through the proxy lands on A (the proxy takes the instances in turn).
    let writer = await connectCollab(cluster.url, documentName, secretariat);
    const text = paragraphText(writer.doc, 3);
    for (let i = 0; i < 30; i++) {
      text.insert(text.length, `w${i} `);
      await new Promise((r) => setTimeout(r, 5));
    }
    await writer.settled(15_000);
    const acknowledged = text.toString();
    process.kill(a.pid, 'SIGKILL');
    // Keep typing while A is gone; the provider reconnects through the proxy to B.
    text.insert(text.length, 'efter-nedbrud ');
    writer.destroy();
    writer = await connectCollab(cluster.url, documentName, secretariat);
    await waitFor(() => paragraphText(onB.doc, 3).toString().startsWith(acknowledged), 15_000, 'acknowledged words at B');
    writer.destroy();
    onB.destroy();

    // And in the database, once B has stored.
    const pg = new Client({ connectionString: database.url });
    await pg.connect();
    try {
      const stored = await pollUntil(async () => (await pg.query<{ text: string }>('SELECT text FROM agreement_drafts')).rows[0].text, (text) => text.includes('w29'), 20_000);
      expect(stored).toContain('Fra A. ');
      expect(stored).toContain('Fra B. ');
      for (let i = 0; i < 30; i++) expect(stored).toContain(`w${i} `);
    } finally {
      await pg.end();
    }
  }, 120_000);

});

describe('PostgreSQL restarted under load', () => {
  it('recovers without a restart of the service and loses no acknowledged response', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-pg-restart-'));
    const pgPort = await freePort();
    const startPg = () =>
      new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(DIST, 'database/embedded-cli.js'), dataDir, String(pgPort)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const ready = /READY (\S+)/.exec(out);
          if (ready) resolve({ child, url: ready[1] });
        });
        child.once('exit', (code) => reject(new Error(`PostgreSQL exited with ${code}`)));
      });
    let pg = await startPg();
    const server = await startServerProcess({ DATABASE_URL: pg.url, JWT_SECRET: SECRET, DEMO_DATA: 'true', LOG_LEVEL: 'error', SUBMIT_RATE_PER_MINUTE: '100000' }, 120_000);
    try {
      const admin = await token(server.url, 'sekretariat@aftalerum.test');
      const patient = await token(server.url, 'patientforening@aftalerum.test');
      const db = new Client({ connectionString: pg.url });
      await db.connect();
      const [{ version, org }] = (await db.query(`SELECT (SELECT id FROM agreement_versions LIMIT 1) AS version, (SELECT id FROM organisations WHERE name = 'Danske Patienter') AS org`)).rows;
      await db.end();
      const opened = await graphql<{ openHearing: { id: string } }>(server.url, 'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }', {
        i: { versionId: version, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString(), invitedOrganisationIds: [org] },
      }, admin);
      const hearingId = opened.data?.openHearing.id;

      const acknowledged: string[] = [];
      let refused = 0;
      let stop = false;
      const submitter = async (n: number) => {
        for (let i = 0; !stop; i++) {
          const result = await graphql<{ submitHearingResponse: { reference: string } }>(server.url, 'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { reference } }', {
            i: { hearingId, organisationId: org, idempotencyKey: `restart-${n}-${i}`, summary: 'Under belastning.', comments: [], publish: false },
          }, patient).catch(() => null);
          if (result?.data?.submitHearingResponse) acknowledged.push(result.data.submitHearingResponse.reference);
          else refused++;
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const load = Promise.all(Array.from({ length: 8 }, (_, n) => submitter(n)));
      // Under load: submissions are being acknowledged.
      await waitFor(() => acknowledged.length >= 20, 30_000, 'submissions before the restart');
      expect(refused).toBe(0);
      const before = acknowledged.length;
      // Restart PostgreSQL under the load, once the outage has been felt: a submission refused.
      pg.child.kill('SIGTERM');
      await new Promise((resolve) => pg.child.once('exit', resolve));
      await waitFor(() => refused > 0, 30_000, 'a submission refused while PostgreSQL is down');
      pg = await startPg();
      // The service recovers by itself: /health answers and submissions succeed again.
      await waitFor(() => acknowledged.length > before + 20, 30_000, 'submissions after the restart');
      stop = true;
      await load;
      expect((await fetch(`${server.url}/health`).then((r) => r.json())) as unknown).toEqual({ status: 'ok' });
      expect(refused).toBeGreaterThan(0);

      const check = new Client({ connectionString: pg.url });
      await check.connect();
      const stored = new Set((await check.query<{ reference: string }>('SELECT reference FROM hearing_responses WHERE hearing_id = $1', [hearingId])).rows.map((r) => r.reference));
      await check.end();
      const lost = acknowledged.filter((reference) => !stored.has(reference));
      expect(lost).toEqual([]);
      expect(new Set(acknowledged).size).toBe(acknowledged.length);
    } finally {
      await server.stop('SIGTERM');
      pg.child.kill('SIGTERM');
      await new Promise((resolve) => pg.child.once('exit', resolve));
    }
  }, 180_000);
});
