import { Client } from 'pg';
import { connectCollab, paragraphText, waitFor } from './collab-client';
import { demo, startTestApp, TestApp } from './test-app';

const CREATE = 'mutation($i: CreateVersionInput!) { createVersion(input: $i) { id number label createdBy { email } sections { kind title } blocks { blockId type text } } }';
const COMPARE = `query($f: ID!, $t: ID!) { compareVersions(fromVersionId: $f, toVersionId: $t) {
  changes { blockId change before after sectionTitle words { kind text } } } }`;

describe('versions: freeze, compare, restore', () => {
  let app: TestApp;
  let db: Client;
  let token: string;
  let agreementId: string;
  let documentName: string;

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    token = await app.login(demo('sekretariat'));
    const result = await app.gql('{ agreements { id documentName } }', {}, token);
    agreementId = result.data?.agreements[0].id;
    documentName = result.data?.agreements[0].documentName;
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('derives the agreement’s sections from the live draft', async () => {
    const result = await app.gql('query($id: ID!) { agreement(id: $id) { sections { blockId kind title } } }', { id: agreementId }, token);
    const sections = result.data?.agreement.sections as Array<{ kind: string; title: string }>;
    expect(sections.filter((s) => s.kind === 'VISION').map((s) => s.title)).toEqual(['Fælles populationsansvar', 'Mere sammenhæng i borgerens forløb', 'Mere lighed i sundhed', 'Mere samspil med borgeren', 'Mere sundhed for pengene']);
    expect(sections.filter((s) => s.kind === 'FOCUS_AREA')).toHaveLength(3);
    expect(sections.filter((s) => s.kind === 'PRINCIPLE').map((s) => s.title)).toContain('Borgerne med fra start');
    expect(sections.filter((s) => s.kind === 'PRINCIPLE')).toHaveLength(8);
  });

  it('numbers versions, keeps them immutable and compares them word by word', async () => {
    // The demo already holds version 1, the hearing draft.
    const base = (await db.query<{ n: number }>('SELECT max(number)::int AS n FROM agreement_versions WHERE agreement_id = $1', [agreementId])).rows[0].n;
    expect(base).toBe(1);
    const first = await app.gql(CREATE, { i: { agreementId, label: 'Første udkast' } }, token);
    expect(first.errors).toBeUndefined();
    expect(first.data?.createVersion).toMatchObject({ number: base + 1, label: 'Første udkast', createdBy: { email: 'sekretariat@aftalerum.test' } });
    const blocks = first.data?.createVersion.blocks as Array<{ blockId: string; type: string; text: string }>;
    expect(new Set(blocks.map((b) => b.blockId)).size).toBe(blocks.length);

    // Edit the live draft as an editor would: change a paragraph, add one, remove one.
    const editor = await connectCollab(app.url, documentName, token);
    paragraphText(editor.doc, 1).insert(0, 'Ændret: ');
    const fragment = editor.doc.getXmlFragment('default');
    // The last section: the adjustments of the principles, a heading and a paragraph.
    const adjustments = fragment.toArray().slice(-1)[0] as import('yjs').XmlElement;
    adjustments.delete(1, 1);
    await editor.settled();
    editor.destroy();

    const second = await app.gql(CREATE, { i: { agreementId, label: 'Andet udkast' } }, token);
    expect(second.data?.createVersion.number).toBe(base + 2);

    const compared = await app.gql(COMPARE, { f: first.data?.createVersion.id, t: second.data?.createVersion.id }, token);
    expect(compared.errors).toBeUndefined();
    const changes = compared.data?.compareVersions.changes as Array<{ change: string; before: string | null; after: string | null; sectionTitle: string; words: Array<{ kind: string; text: string }> }>;
    const changed = changes.find((c) => c.change === 'CHANGED');
    expect(changed?.after).toMatch(/^Ændret: /);
    expect(changed?.words.find((w) => w.kind === 'ADDED')?.text).toMatch(/Ændret/);
    expect(changes.find((c) => c.change === 'REMOVED')).toMatchObject({ sectionTitle: 'Justeringer af principperne' });

    await expect(db.query(`UPDATE agreement_versions SET label = 'ændret' WHERE number = 2`)).rejects.toThrow(/immutable/);
    const versions = await db.query('SELECT number, label FROM agreement_versions ORDER BY number');
    expect(versions.rows).toEqual([
      { number: 1, label: 'Høringsudkast' },
      { number: 2, label: 'Første udkast' },
      { number: 3, label: 'Andet udkast' },
    ]);
  });

  it('restores a version as a new edit that a connected editor sees at once, after a safety version', async () => {
    const versions = await app.gql('query($id: ID!) { agreement(id: $id) { versions { id number label } } }', { id: agreementId }, token);
    const first = (versions.data?.agreement.versions as Array<{ id: string; number: number }>).find((v) => v.number === 2);
    const watcher = await connectCollab(app.url, documentName, await app.login(demo('kommune.gladsaxe')));
    expect(paragraphText(watcher.doc, 1).toString()).toMatch(/^Ændret: /);

    const restored = await app.gql('mutation($v: ID!) { restoreVersion(versionId: $v) { id } }', { v: first?.id }, token);
    expect(restored.errors).toBeUndefined();
    await waitFor(() => !paragraphText(watcher.doc, 1).toString().startsWith('Ændret: '), 5_000, 'restore at the watcher');
    watcher.destroy();

    const after = await db.query('SELECT number, label FROM agreement_versions ORDER BY number');
    expect(after.rows.map((r) => r.label)).toEqual(['Høringsudkast', 'Første udkast', 'Andet udkast', 'Før gendannelse af version 2']);
    const live = await app.gql('query($id: ID!) { agreement(id: $id) { sections { kind } } }', { id: agreementId }, token);
    // The introduction, five visions, three focus areas with their goals, prevention, eight principles and their adjustments.
    expect((live.data?.agreement.sections as unknown[]).length).toBe(1 + 5 + 3 + 3 + 1 + 8 + 1);
    const stored = await db.query<{ text: string }>('SELECT text FROM agreement_drafts WHERE agreement_id = $1', [agreementId]);
    expect(stored.rows[0].text).not.toContain('Ændret: ');
  });

  it.each(['klynge.midt', 'patientforening', 'kommune.gladsaxe', 'sekretariat.syddanmark'])('refuses %s to create or restore versions', async (who) => {
    const other = await app.login(demo(who));
    const before = (await db.query('SELECT count(*)::int AS n FROM agreement_versions')).rows[0].n;
    const created = await app.gql(CREATE, { i: { agreementId, label: 'Uvedkommende' } }, other);
    expect(created.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [{ id }] = (await db.query('SELECT id FROM agreement_versions LIMIT 1')).rows;
    const restored = await app.gql('mutation($v: ID!) { restoreVersion(versionId: $v) { id } }', { v: id }, other);
    expect(restored.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await db.query('SELECT count(*)::int AS n FROM agreement_versions')).rows[0].n).toBe(before);
  });

  it('refuses an empty label and unknown versions with clear codes', async () => {
    const empty = await app.gql(CREATE, { i: { agreementId, label: '' } }, token);
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0].message).toMatch(/Versionens navn/);
    const missing = await app.gql(COMPARE, { f: '00000000-0000-0000-0000-000000000000', t: '00000000-0000-0000-0000-000000000001' }, token);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
