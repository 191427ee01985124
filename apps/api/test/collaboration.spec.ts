import { Client } from 'pg';
import { CollabClient, connectCollab, paragraphText, waitFor, waitForAsync } from './collab-client';
import { CollaborationService } from '../src/collaboration/collaboration.service';
import { demo, startSecondInstance, startTestApp, TestApp } from './test-app';

describe('collaboration at /collab', () => {
  let app: TestApp;
  let db: Client;
  let documentName: string;
  const clients: CollabClient[] = [];
  const connect = async (who: string) => {
    const client = await connectCollab(app.url, documentName, await app.login(demo(who)));
    clients.push(client);
    return client;
  };
  const storedText = async () =>
    (await db.query<{ text: string }>('SELECT text FROM agreement_drafts WHERE agreement_id = $1', [documentName.slice(10)])).rows[0].text;

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    const token = await app.login(demo('sekretariat'));
    const result = await app.gql<{ agreements: Array<{ documentName: string }> }>('{ agreements { documentName } }', {}, token);
    documentName = result.data?.agreements[0].documentName ?? '';
  });
  afterEach(() => {
    while (clients.length) clients.pop()?.destroy();
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('merges two writers’ concurrent edits and stores them', async () => {
    const a = await connect('sekretariat');
    const b = await connect('admin');
    expect(a.provider.authorizedScope).toBe('read-write');
    // Both type at the same time, each in a different paragraph and both at the start of one.
    paragraphText(a.doc, 1).insert(0, 'Alfa skriver her. ');
    paragraphText(b.doc, 1).insert(0, 'Beta skriver også. ');
    paragraphText(b.doc, 2).insert(0, 'Kun Beta her. ');
    await Promise.all([a.settled(), b.settled()]);
    await waitFor(() => paragraphText(a.doc, 2).toString().startsWith('Kun Beta her.'), 5_000, 'b’s edit at a');
    await waitFor(() => paragraphText(b.doc, 1).toString() === paragraphText(a.doc, 1).toString(), 5_000, 'convergence');
    const merged = paragraphText(a.doc, 1).toString();
    expect(merged).toContain('Alfa skriver her. ');
    expect(merged).toContain('Beta skriver også. ');

    // Disconnecting the last editor stores the draft with its derived text.
    a.destroy();
    b.destroy();
    clients.length = 0;
    let stored = '';
    await waitForAsync(async () => (stored = await storedText()).includes('Kun Beta her.'), 10_000, 'the stored draft');
    expect(stored).toContain('Alfa skriver her.');
    expect(stored).toContain('Beta skriver også.');
    expect(stored).toContain('Kun Beta her.');
    // Compaction removed the logged updates that the stored state now contains.
    const logged = await db.query('SELECT count(*)::int AS n FROM agreement_draft_updates');
    expect(logged.rows[0].n).toBe(0);
  });

  it('gives the region’s municipalities a connection that refuses their plain edits (they may only suggest)', async () => {
    const writer = await connect('sekretariat');
    const reader = await connect('kommune.gladsaxe');
    // Not read-only: its suggestions are taken (suggestions.spec.ts); a plain edit is refused.
    expect(reader.provider.authorizedScope).toBe('read-write');
    paragraphText(reader.doc, 3).insert(0, 'Læseren prøver at skrive. ');
    // The server answers the reader's update with a refusal: wait for that answer itself.
    await waitFor(() => reader.syncStatuses.refused > 0, 5_000, 'the refusal of the reader’s update');
    paragraphText(writer.doc, 4).insert(0, 'Skriveren skriver. ');
    await writer.settled();
    await waitFor(() => paragraphText(reader.doc, 4).toString().startsWith('Skriveren skriver.'), 5_000, 'writer edit at reader');
    expect(paragraphText(writer.doc, 3).toString()).not.toContain('Læseren prøver');
    const logged = await db.query<{ update: Buffer }>('SELECT "update" FROM agreement_draft_updates');
    expect(logged.rows.some((row) => row.update.toString('utf8').includes('Læseren'))).toBe(false);
  });

  it('refuses a wrong token, a stranger’s document and a missing token', async () => {
    const good = await app.login(demo('sekretariat'));
    await expect(connectCollab(app.url, documentName, 'not-a-token')).rejects.toThrow(/authentication failed/);
    await expect(connectCollab(app.url, documentName, good.slice(0, -3) + 'abc')).rejects.toThrow(/authentication failed/);
    await expect(connectCollab(app.url, 'agreement:00000000-0000-0000-0000-000000000000', good)).rejects.toThrow(/authentication failed/);
    await expect(connectCollab(app.url, 'some-other-document', good)).rejects.toThrow(/authentication failed/);
    await expect(connectCollab(app.url, documentName, '')).rejects.toThrow(/authentication failed/);
  });

  it('serves each instance’s sockets on that instance, when two run in one process', async () => {
    // A second application in the process (as the test template's seeding server is) must get its
    // own upgrade listener: before, it found the first one's dispatcher attached and accepted no socket.
    const second = await startSecondInstance(app);
    try {
      const token = await app.login(demo('sekretariat'));
      const loaded = (server: { app: { get(type: typeof CollaborationService): CollaborationService } }) =>
        server.app.get(CollaborationService).hocuspocus.documents.has(documentName);
      const there = await connectCollab(second.url, documentName, token);
      clients.push(there);
      expect(there.provider.authorizedScope).toBe('read-write');
      expect(loaded(second)).toBe(true);
      const here = await connectCollab(app.url, documentName, token);
      clients.push(here);
      expect(loaded(app.server)).toBe(true);
    } finally {
      while (clients.length) clients.pop()?.destroy();
      await second.close();
    }
  });
});
