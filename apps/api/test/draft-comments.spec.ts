import { draftSchema, DRAFT_FRAGMENT } from '@aftalerum/editor';
import { absolutePositionToRelativePosition, initProseMirrorDoc, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import { Client } from 'pg';
import * as Y from 'yjs';
import { CollabClient, connectCollab, paragraphText, waitFor } from './collab-client';
import { createAgreement, DEMO_ACCOUNTS, demoAgreement, must, regionId } from './factories';
import { subscribe, triggerUntilDelivered } from './subscription-client';
import { startTestApp, TestApp } from './test-app';

const THREAD = 'id status quote blockId anchorStart anchorEnd resolvedByName comments { authorName organisationName text }';
const CREATE = `mutation($i: CreateDraftCommentThreadInput!) { createDraftCommentThread(input: $i) { ${THREAD} } }`;
const LIST = `query($id: ID!) { draftCommentThreads(agreementId: $id) { ${THREAD} } }`;

const schema = draftSchema();
const encode = (position: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
const decode = (value: string) => Y.decodeRelativePosition(new Uint8Array(Buffer.from(value, 'base64')));

/**
 * A span's ends as the web's draft-comments/lib/anchors.ts makes them: y-tiptap gives a caret's
 * position (sticking to the character before it); a span's start sticks to the character after
 * it instead, so text typed right before the span stays outside it.
 */
function spanEdge(pos: number, fragment: Y.XmlFragment, mapping: Map<unknown, unknown>, edge: 'start' | 'end'): Y.RelativePosition {
  const caret = absolutePositionToRelativePosition(pos, fragment, mapping as never) as Y.RelativePosition;
  if (edge === 'end') return caret;
  const at = Y.createAbsolutePositionFromRelativePosition(caret, fragment.doc as Y.Doc);
  return at && at.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(at.type, at.index, 0) : caret;
}

/** The ProseMirror positions of `text`'s first occurrence in the client's draft, as an editor would select it. */
function anchorOf(doc: Y.Doc, text: string): { anchorStart: string; anchorEnd: string; quote: string; blockId: string | null } {
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
  const { doc: pm, meta } = initProseMirrorDoc(fragment, schema);
  let found: { from: number; blockId: string | null } | null = null;
  pm.descendants((node, pos, parent) => {
    if (found || !node.isText || !node.text) return !found;
    const at = node.text.indexOf(text);
    if (at >= 0) found = { from: pos + at, blockId: (parent?.attrs.blockId as string | undefined) ?? null };
    return false;
  });
  if (!found) throw new Error(`no “${text}” in the draft`);
  const { from, blockId } = found as { from: number; blockId: string | null };
  return {
    anchorStart: encode(spanEdge(from, fragment, meta.mapping, 'start')),
    anchorEnd: encode(spanEdge(from + text.length, fragment, meta.mapping, 'end')),
    quote: text,
    blockId,
  };
}

/** The text a thread's anchors span now in the client's draft; null when the text is gone (orphaned). */
function anchoredText(doc: Y.Doc, thread: { anchorStart: string; anchorEnd: string }): string | null {
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
  const { doc: pm, meta } = initProseMirrorDoc(fragment, schema);
  const from = relativePositionToAbsolutePosition(doc, fragment, decode(thread.anchorStart), meta.mapping);
  const to = relativePositionToAbsolutePosition(doc, fragment, decode(thread.anchorEnd), meta.mapping);
  if (from === null || to === null || to <= from) return null;
  return pm.textBetween(from, to);
}

describe('comments on the live draft', () => {
  let app: TestApp;
  let db: Client;
  let agreement: { id: string; documentName: string };
  let syddanmark: string;
  const tokens: Record<string, string> = {};
  const clients: CollabClient[] = [];
  const connect = async (who: keyof typeof DEMO_ACCOUNTS) => {
    const client = await connectCollab(app.url, agreement.documentName, tokens[who]);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    for (const [who, email] of Object.entries(DEMO_ACCOUNTS)) tokens[who] = await app.login(email);
    agreement = await demoAgreement(db);
    syddanmark = (await createAgreement(app, tokens.sSecretariat, await regionId(db, 'S'), 'Sundhedsaftale for Region Syddanmark (kommentarer)')).id;
  }, 120_000);
  afterEach(() => {
    while (clients.length) clients.pop()?.destroy();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  it('keeps a thread on its text while another user types before it, and leaves it orphaned when the text is deleted', async () => {
    const secretariat = await connect('hSecretariat');
    const cluster = await connect('hCluster');
    // The cluster may only suggest changes (a plain edit of its would be refused) and comment.
    expect(cluster.provider.authorizedScope).toBe('read-write');
    const paragraph = paragraphText(secretariat.doc, 0);
    paragraph.insert(paragraph.length, ' Sammen om borgerens forløb.');
    await secretariat.settled();
    await waitFor(() => paragraphText(cluster.doc, 0).toString().includes('Sammen om borgerens forløb.'), 10_000, 'the sentence at the cluster');

    // The cluster (a reader) comments on a selection of the text it sees.
    const anchor = anchorOf(cluster.doc, 'borgerens forløb');
    const created = await must(app, CREATE, { i: { agreementId: agreement.id, ...anchor, text: 'Skal vi nævne pårørende her?' } }, tokens.hCluster, 'create');
    const thread = created.createDraftCommentThread;
    expect(thread).toMatchObject({ status: 'OPEN', quote: 'borgerens forløb', blockId: anchor.blockId, comments: [{ authorName: expect.any(String), organisationName: expect.stringContaining('Nord'), text: 'Skal vi nævne pårørende her?' }] });

    // The secretariat types before the commented text, in the same paragraph and in one before it.
    paragraphText(secretariat.doc, 0).insert(0, 'Indledningsvis: ');
    paragraphText(secretariat.doc, 0).insert(paragraphText(secretariat.doc, 0).toString().indexOf('borgerens'), 'hele ');
    await secretariat.settled();
    await waitFor(() => paragraphText(cluster.doc, 0).toString().startsWith('Indledningsvis: '), 10_000, 'the edit at the cluster');

    // Both the writer's and the reader's documents — and a fresh client's — find the thread on its text.
    const listed = (await must(app, LIST, { id: agreement.id }, tokens.hMunicipality, 'list')).draftCommentThreads as Array<{ id: string; anchorStart: string; anchorEnd: string }>;
    const stored = listed.find((t) => t.id === thread.id) as { anchorStart: string; anchorEnd: string };
    expect(anchoredText(secretariat.doc, stored)).toBe('borgerens forløb');
    expect(anchoredText(cluster.doc, stored)).toBe('borgerens forløb');
    const fresh = await connect('hMunicipality');
    expect(anchoredText(fresh.doc, stored)).toBe('borgerens forløb');

    // Typing inside the span stays in it.
    const text = paragraphText(secretariat.doc, 0);
    text.insert(text.toString().indexOf('forløb'), 'samlede ');
    await secretariat.settled();
    await waitFor(() => paragraphText(fresh.doc, 0).toString().includes('samlede forløb'), 10_000, 'the edit at the municipality');
    expect(anchoredText(fresh.doc, stored)).toBe('borgerens samlede forløb');

    // Deleting the commented text leaves the thread listed, and orphaned.
    const now = paragraphText(secretariat.doc, 0);
    const start = now.toString().indexOf('borgerens');
    now.delete(start, 'borgerens samlede forløb'.length);
    await secretariat.settled();
    await waitFor(() => !paragraphText(fresh.doc, 0).toString().includes('borgerens'), 10_000, 'the deletion at the municipality');
    expect(anchoredText(fresh.doc, stored)).toBeNull();
    const after = (await must(app, LIST, { id: agreement.id }, tokens.hCluster, 'list')).draftCommentThreads as Array<{ id: string; quote: string }>;
    expect(after.find((t) => t.id === thread.id)).toMatchObject({ quote: 'borgerens forløb' });
  });

  it('answers, resolves and reopens a thread, audited, and tells followers of each change', async () => {
    const reader = await connect('hMunicipality');
    const anchor = anchorOf(reader.doc, paragraphText(reader.doc, 1).toString().slice(0, 12));
    const subscription = subscribe(app.url, 'subscription($id: ID!) { draftCommentThreadChanged(agreementId: $id) { agreementId threadId action } }', { id: agreement.id }, tokens.hSecretariat);
    try {
      const opened: string[] = [];
      await triggerUntilDelivered(
        subscription,
        async (n) => {
          const created = await must(app, CREATE, { i: { agreementId: agreement.id, ...anchor, text: `Kommentar ${n + 1}` } }, tokens.hMunicipality, 'create');
          opened.push(created.createDraftCommentThread.id as string);
        },
        (event) => (event as { data?: { draftCommentThreadChanged?: { threadId: string } } }).data?.draftCommentThreadChanged?.threadId === opened[opened.length - 1],
      );
      const id = opened[opened.length - 1];
      const seen = subscription.events.length;
      const reply = await must(app, 'mutation($i: ReplyToDraftCommentThreadInput!) { replyToDraftCommentThread(input: $i) { comments { text } } }', { i: { threadId: id, text: 'Enig, vi retter det.' } }, tokens.hSecretariat, 'reply');
      expect(reply.replyToDraftCommentThread.comments.map((c: { text: string }) => c.text)).toEqual([expect.stringMatching(/^Kommentar/), 'Enig, vi retter det.']);
      const resolved = await must(app, 'mutation($id: ID!) { resolveDraftCommentThread(threadId: $id) { status resolvedByName } }', { id }, tokens.hCluster, 'resolve');
      expect(resolved.resolveDraftCommentThread).toMatchObject({ status: 'RESOLVED', resolvedByName: expect.any(String) });
      const again = await app.gql('mutation($id: ID!) { resolveDraftCommentThread(threadId: $id) { status } }', { id }, tokens.hSecretariat);
      expect(again.errors?.[0]).toMatchObject({ message: 'Tråden er allerede løst.', extensions: { code: 'CONFLICT' } });
      const reopened = await must(app, 'mutation($id: ID!) { reopenDraftCommentThread(threadId: $id) { status resolvedByName } }', { id }, tokens.hMunicipality, 'reopen');
      expect(reopened.reopenDraftCommentThread).toEqual({ status: 'OPEN', resolvedByName: null });

      await waitFor(() => subscription.events.length >= seen + 3, 10_000, 'the reply, resolve and reopen events');
      const actions = (subscription.events.slice(seen) as Array<{ data: { draftCommentThreadChanged: { threadId: string; action: string } } }>).map((e) => e.data.draftCommentThreadChanged);
      expect(actions).toEqual([
        { agreementId: agreement.id, threadId: id, action: 'REPLIED' },
        { agreementId: agreement.id, threadId: id, action: 'RESOLVED' },
        { agreementId: agreement.id, threadId: id, action: 'REOPENED' },
      ]);
      const audit = await db.query<{ action: string }>(`SELECT "action" FROM "audit_log" WHERE "entity_id" = $1 ORDER BY "id"`, [id]);
      expect(audit.rows.map((r) => r.action)).toEqual(['draftComment.open', 'draftComment.reply', 'draftComment.resolve', 'draftComment.reopen']);
    } finally {
      await subscription.dispose();
    }
  });

  it('is refused to readers of another region and to organisations outside the draft, and writes nothing', async () => {
    const reader = await connect('hSecretariat');
    const anchor = anchorOf(reader.doc, paragraphText(reader.doc, 0).toString().slice(0, 8));
    const own = (await must(app, CREATE, { i: { agreementId: agreement.id, ...anchor, text: 'Hovedstadens egen' } }, tokens.hSecretariat, 'create')).createDraftCommentThread.id as string;
    const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM "draft_comments"')).rows[0].n;
    const before = await count();
    for (const who of ['sSecretariat', 'sMunicipality', 'invitedOrganisation', 'uninvitedOrganisation'] as const) {
      const listed = await app.gql(LIST, { id: agreement.id }, tokens[who]);
      expect({ who, data: listed.data?.draftCommentThreads ?? null, code: listed.errors?.[0]?.extensions?.code }).toEqual({ who, data: null, code: 'FORBIDDEN' });
      const added = await app.gql(CREATE, { i: { agreementId: agreement.id, ...anchor, text: 'Udefra' } }, tokens[who]);
      expect({ who, code: added.errors?.[0]?.extensions?.code }).toEqual({ who, code: 'FORBIDDEN' });
      const replied = await app.gql('mutation($i: ReplyToDraftCommentThreadInput!) { replyToDraftCommentThread(input: $i) { id } }', { i: { threadId: own, text: 'Udefra' } }, tokens[who]);
      expect({ who, code: replied.errors?.[0]?.extensions?.code }).toEqual({ who, code: 'FORBIDDEN' });
      const resolved = await app.gql('mutation($id: ID!) { resolveDraftCommentThread(threadId: $id) { id } }', { id: own }, tokens[who]);
      expect({ who, code: resolved.errors?.[0]?.extensions?.code }).toEqual({ who, code: 'FORBIDDEN' });
    }
    expect(await count()).toBe(before);
    // Syddanmark's own draft is theirs to comment on, and not Hovedstaden's to read.
    expect((await must(app, LIST, { id: syddanmark }, tokens.sMunicipality, 'list')).draftCommentThreads).toEqual([]);
    expect((await app.gql(LIST, { id: syddanmark }, tokens.hCluster)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a comment without text or with an anchor that is not a Yjs position, in Danish', async () => {
    const reader = await connect('hCluster');
    const anchor = anchorOf(reader.doc, paragraphText(reader.doc, 0).toString().slice(0, 8));
    const empty = await app.gql(CREATE, { i: { agreementId: agreement.id, ...anchor, text: '   ' } }, tokens.hCluster);
    expect(empty.errors?.[0]).toMatchObject({ message: 'Skriv en kommentar.', extensions: { code: 'BAD_USER_INPUT' } });
    const garbled = await app.gql(CREATE, { i: { agreementId: agreement.id, ...anchor, anchorStart: 'ikke en position!', text: 'Hej' } }, tokens.hCluster);
    expect(garbled.errors?.[0]).toMatchObject({ message: expect.stringContaining('placering'), extensions: { code: 'BAD_USER_INPUT' } });
    const missing = await app.gql(CREATE, { i: { agreementId: '00000000-0000-4000-8000-000000000000', ...anchor, text: 'Hej' } }, tokens.hCluster);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
