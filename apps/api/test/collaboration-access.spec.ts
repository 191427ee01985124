import { Client } from 'pg';
import { CollaborationService } from '../src/collaboration/collaboration.service';
import { DRAFT_ACCESS_TTL_MS, DraftAccessService } from '../src/collaboration/draft-access.service';
import { WRITE_REVOKED_CODE, WRITE_REVOKED_REASON } from '../src/collaboration/extensions/write-access.extension';
import { CollabClient, connectCollab, draftPlainText, paragraphText, waitFor } from './collab-client';
import { startServerProcess, ServerProcess } from './server-process';
import { demo, graphql, startTestApp, TestApp } from './test-app';
import { createTestDatabase } from './test-database';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Every test database is cloned from one template (same ids): a prefix of this file's own keeps
// test files running at the same time from syncing each other's documents through Redis.
const REDIS_PREFIX = `aftalerum-test-${process.pid}-${Date.now()}`;
const STATUS = 'query($id: ID!) { agreement(id: $id) { approvalStatus { pending { id } } } }';
const RECORD = 'mutation($i: RecordApprovalInput!) { recordApproval(input: $i) { id } }';
const CREATE_VERSION = 'mutation($i: CreateVersionInput!) { createVersion(input: $i) { id } }';

type Gql = (query: string, variables: Record<string, unknown>) => Promise<{ data?: Record<string, any> | null; errors?: unknown[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Freezes a version, takes the agreement through the process to Godkendelse, locks the version
 * as final and records every required party's approval: the final-approval lock, through the API.
 */
async function lockByApprovals(gql: Gql, agreementId: string): Promise<void> {
  const version = await gql(CREATE_VERSION, { i: { agreementId, label: 'Endelig' } });
  expect(version.errors).toBeUndefined();
  for (const phase of ['HEARING', 'PROCESSING', 'APPROVAL']) {
    const moved = await gql('mutation($i: SetAgreementPhaseInput!) { setAgreementPhase(input: $i) { phase } }', { i: { agreementId, phase } });
    expect(moved.errors).toBeUndefined();
  }
  const locked = await gql('mutation($i: LockFinalVersionInput!) { lockFinalVersion(input: $i) { id } }', { i: { agreementId, versionId: version.data?.createVersion.id } });
  expect(locked.errors).toBeUndefined();
  const pending: Array<{ id: string }> = (await gql(STATUS, { id: agreementId })).data?.agreement.approvalStatus.pending ?? [];
  expect(pending.length).toBeGreaterThan(0);
  for (const party of pending) {
    const recorded = await gql(RECORD, { i: { agreementId, organisationId: party.id, decision: 'APPROVED', decidedAt: '2023-12-01' } });
    expect(recorded.errors).toBeUndefined();
  }
}

/** Waits longer than a cached access decision lives: roles changed in the table have no event. */
const outlastDecisionCache = () => new Promise((resolve) => setTimeout(resolve, DRAFT_ACCESS_TTL_MS + 200));

describe('write access to the live draft, checked on every update', () => {
  let app: TestApp;
  let db: Client;
  let agreementId: string;
  let documentName: string;
  let secretariat: string;
  const clients: CollabClient[] = [];
  const connect = async (token: string, name = documentName) => {
    const client = await connectCollab(app.url, name, token);
    clients.push(client);
    return client;
  };
  const liveText = () => {
    const doc = app.server.app.get(CollaborationService).loadedDraft(agreementId);
    return doc ? draftPlainText(doc) : '';
  };
  const logged = async (text: string) =>
    (await db.query<{ update: Buffer }>('SELECT "update" FROM agreement_draft_updates')).rows.some((row) => row.update.toString('utf8').includes(text));

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(demo('sekretariat'));
    const result = await app.gql<{ agreements: Array<{ id: string; documentName: string }> }>('{ agreements { id documentName } }', {}, secretariat);
    agreementId = result.data?.agreements[0].id ?? '';
    documentName = result.data?.agreements[0].documentName ?? '';
  });
  afterEach(() => {
    while (clients.length) clients.pop()?.destroy();
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('opens only the exact documentName: an upper-case id or another spelling is refused before loading', async () => {
    expect(documentName).toBe(`agreement:${agreementId}`);
    expect(agreementId).toBe(agreementId.toLowerCase());
    for (const name of [`agreement:${agreementId.toUpperCase()}`, `agreement:${agreementId.slice(0, 9)}${agreementId.slice(9).toUpperCase()}`, `Agreement:${agreementId}`, `agreement:${agreementId} `]) {
      await expect(connectCollab(app.url, name, secretariat)).rejects.toThrow(/authentication failed/);
      expect(app.server.app.get(CollaborationService).hocuspocus.documents.has(name)).toBe(false);
    }
    const writer = await connect(secretariat);
    expect(writer.provider.authorizedScope).toBe('read-write');
  });

  it('refuses the next update of a secretariat user demoted while connected, stores nothing of it, and ends the session; a new login opens read-only', async () => {
    const writer = await connect(secretariat);
    const watcher = await connect(await app.login(demo('admin')));
    expect(writer.provider.authorizedScope).toBe('read-write');
    paragraphText(writer.doc, 1).insert(0, 'Før degraderingen. ');
    await writer.settled();
    expect(writer.syncStatuses).toEqual({ applied: expect.any(Number), refused: 0 });

    await db.query(`UPDATE users SET role = 'CLUSTER' WHERE email = $1`, [demo('sekretariat')]);
    try {
      await outlastDecisionCache();
      const applied = writer.syncStatuses.applied;
      paragraphText(writer.doc, 2).insert(0, 'Efter degraderingen. ');
      await waitFor(() => writer.syncStatuses.refused > 0, 5_000, 'the refusal of the demoted user’s update');
      await waitFor(() => writer.closes.length > 0, 5_000, 'the close with the reason');
      expect(writer.syncStatuses.applied).toBe(applied);
      // A changed role ends the session the socket was opened with.
      expect(writer.closes[0]).toEqual({ code: WRITE_REVOKED_CODE, reason: 'Din adgang til aftalen er trukket tilbage' });

      // Not applied: not in the server's live document, not at the other editor, not logged.
      paragraphText(watcher.doc, 3).insert(0, 'Markør efter. ');
      await watcher.settled();
      expect(liveText()).toContain('Markør efter.');
      expect(liveText()).toContain('Før degraderingen.');
      expect(liveText()).not.toContain('Efter degraderingen');
      expect(draftPlainText(watcher.doc)).not.toContain('Efter degraderingen');
      expect(await logged('Efter degraderingen')).toBe(false);
      expect(await logged('Før degraderingen')).toBe(true);

      // The old login token opens nothing any more; a new login, as a cluster, may only suggest:
      // the socket takes updates, and refuses a plain edit.
      await expect(connectCollab(app.url, documentName, secretariat)).rejects.toThrow(/authentication failed/);
      const again = await connect(await app.login(demo('sekretariat')));
      expect(again.provider.authorizedScope).toBe('read-write');
      paragraphText(again.doc, 2).insert(0, 'Som klynge. ');
      await waitFor(() => again.syncStatuses.refused > 0, 5_000, 'the refusal of the cluster’s plain edit');
      expect(liveText()).not.toContain('Som klynge.');
    } finally {
      await db.query(`UPDATE users SET role = 'SECRETARIAT' WHERE email = $1`, [demo('sekretariat')]);
      secretariat = await app.login(demo('sekretariat'));
      app.server.app.get(DraftAccessService).announce({ userId: (await db.query('SELECT id FROM users WHERE email = $1', [demo('sekretariat')])).rows[0].id });
    }
  });

  it('refuses a connected writer’s update once the draft is locked in the database, even without an event', async () => {
    const writer = await connect(secretariat);
    expect(writer.provider.authorizedScope).toBe('read-write');
    const version = await app.gql<{ createVersion: { id: string } }>(CREATE_VERSION, { i: { agreementId, label: 'Låsetest' } }, secretariat);
    await db.query('UPDATE agreements SET final_version_id = $1 WHERE id = $2', [version.data?.createVersion.id, agreementId]);
    try {
      await outlastDecisionCache();
      paragraphText(writer.doc, 1).insert(0, 'Efter låsen i tabellen. ');
      await waitFor(() => writer.syncStatuses.refused > 0, 5_000, 'the refusal after the lock');
      await waitFor(() => writer.closes.length > 0, 5_000, 'the close with the reason');
      expect(writer.closes[0]).toEqual({ code: WRITE_REVOKED_CODE, reason: WRITE_REVOKED_REASON.locked });
      expect(liveText()).not.toContain('Efter låsen i tabellen');
      expect(await logged('Efter låsen i tabellen')).toBe(false);
    } finally {
      await db.query('UPDATE agreements SET final_version_id = NULL WHERE id = $1', [agreementId]);
      app.server.app.get(DraftAccessService).announce({ agreementId });
    }
  });

  it('closes a connected writer at the final-approval lock at once, with the reason, and its edits are refused after', async () => {
    const writer = await connect(secretariat);
    const reader = await connect(await app.login(demo('kommune.gladsaxe')));
    expect(writer.provider.authorizedScope).toBe('read-write');
    await lockByApprovals((query, variables) => app.gql(query, variables, secretariat), agreementId);
    // The writer typed nothing: only the lock's event can have closed it.
    await waitFor(() => writer.closes.length > 0, 5_000, 'the close at the lock');
    expect(writer.closes[0]).toEqual({ code: WRITE_REVOKED_CODE, reason: WRITE_REVOKED_REASON.locked });
    // A municipality of the region, who could suggest, stops too; it reads on, read-only.
    await waitFor(() => reader.closes.length > 0, 5_000, 'the suggester’s close at the lock');
    expect(reader.closes[0]).toEqual({ code: WRITE_REVOKED_CODE, reason: WRITE_REVOKED_REASON.locked });
    const readerAgain = await connect(await app.login(demo('kommune.gladsaxe')));
    expect(readerAgain.provider.authorizedScope).toBe('readonly');

    const again = await connect(secretariat);
    expect(again.provider.authorizedScope).toBe('readonly');
    paragraphText(again.doc, 1).insert(0, 'Efter den endelige godkendelse. ');
    await waitFor(() => again.syncStatuses.refused > 0, 5_000, 'the refusal after the lock');
    expect(liveText()).not.toContain('Efter den endelige godkendelse');
    expect(await logged('Efter den endelige godkendelse')).toBe(false);
  });
});

describe('the final-approval lock on two instances sharing Redis', () => {
  const SECRET = 'collab-access-secret-long-enough-for-hs256-signing';
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const servers: ServerProcess[] = [];
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Two instances of the built server, one after the other (the first runs the migrations).
    for (let i = 0; i < 2; i++) {
      servers.push(await startServerProcess({ DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX, JWT_SECRET: SECRET, DEMO_DATA: 'false', LOG_LEVEL: 'warn' }, 90_000));
    }
  }, 180_000);
  afterAll(async () => {
    while (clients.length) clients.pop()?.destroy();
    for (const server of servers) await server.stop('SIGTERM');
    await database.drop();
  }, 60_000);

  it('closes the writers on the other instance too, and nothing they type after the lock is stored', async () => {
    const [a, b] = servers;
    const login = await graphql<{ login: { token: string } }>(a.url, 'mutation { login(email: "sekretariat@aftalerum.test", password: "demo1234") { token } }');
    const token = login.data?.login.token ?? '';
    const list = await graphql<{ agreements: Array<{ id: string; documentName: string }> }>(a.url, '{ agreements { id documentName } }', {}, token);
    const { id: agreementId, documentName } = list.data?.agreements[0] ?? { id: '', documentName: '' };

    const onA = await connectCollab(a.url, documentName, token);
    const onB = await connectCollab(b.url, documentName, token);
    const typistOnB = await connectCollab(b.url, documentName, token);
    clients.push(onA, onB, typistOnB);
    expect(onB.provider.authorizedScope).toBe('read-write');
    paragraphText(onB.doc, 1).insert(0, 'Fra B før låsen. ');
    await onB.settled();
    await waitFor(() => draftPlainText(onA.doc).includes('Fra B før låsen.'), 10_000, 'B’s edit at A');

    await lockByApprovals((query, variables) => graphql(a.url, query, variables, token), agreementId);
    // One writer on B types at once; whether its update meets the check or the closed socket, it is not applied.
    const applied = typistOnB.syncStatuses.applied;
    paragraphText(typistOnB.doc, 2).insert(0, 'Fra B efter låsen. ');
    // onA and onB typed nothing since: only the lock's event (through Redis, for B) can close them.
    await waitFor(() => [onA, onB, typistOnB].every((client) => client.closes.length > 0), 10_000, 'the close at the lock on both instances');
    for (const client of [onA, onB, typistOnB]) expect(client.closes[0]).toEqual({ code: WRITE_REVOKED_CODE, reason: WRITE_REVOKED_REASON.locked });
    expect(typistOnB.syncStatuses.applied).toBe(applied);

    // A new socket on B is read-only, and its update is refused there.
    const againOnB = await connectCollab(b.url, documentName, token);
    clients.push(againOnB);
    expect(againOnB.provider.authorizedScope).toBe('readonly');
    expect(draftPlainText(againOnB.doc)).toContain('Fra B før låsen.');
    expect(draftPlainText(againOnB.doc)).not.toContain('Fra B efter låsen');
    paragraphText(againOnB.doc, 3).insert(0, 'Igen fra B. ');
    await waitFor(() => againOnB.syncStatuses.refused > 0, 10_000, 'the refusal on B');

    const readerOnA = await connectCollab(a.url, documentName, token);
    clients.push(readerOnA);
    expect(draftPlainText(readerOnA.doc)).not.toContain('Fra B efter låsen');
    expect(draftPlainText(readerOnA.doc)).not.toContain('Igen fra B');
    const pg = new Client({ connectionString: database.url });
    await pg.connect();
    try {
      const rows = (await pg.query<{ update: Buffer }>('SELECT "update" FROM agreement_draft_updates')).rows;
      const drafts = (await pg.query<{ text: string }>('SELECT text FROM agreement_drafts WHERE agreement_id = $1', [agreementId])).rows;
      for (const text of ['Fra B efter låsen', 'Igen fra B']) {
        expect(rows.some((row) => row.update.toString('utf8').includes(text))).toBe(false);
        expect(drafts[0].text).not.toContain(text);
      }
    } finally {
      await pg.end();
    }
  }, 120_000);
});
