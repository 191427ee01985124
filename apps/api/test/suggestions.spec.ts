import { documentText, JSONContent, pendingSuggestions, SuggestionAttributes } from '@aftalerum/editor';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CollaborationService } from '../src/collaboration/collaboration.service';
import { deriveDraft } from '../src/drafts/draft-codec';
import { CollabClient, connectCollab, draftJson, editDraftJson, waitFor } from './collab-client';
import { createAgreement, regionId } from './factories';
import { demo, startTestApp, TestApp } from './test-app';

const DECIDE = 'mutation($i: DecideSuggestionsInput!) { decideSuggestions(input: $i) { decided accepted pending } }';
const REFUSED = 'aftalerum:suggestion-refused';

interface Person {
  token: string;
  id: string;
  name: string;
}

/** The first paragraph of the draft, changed by `change` (its inline content in, new inline content out). */
function inFirstParagraph(content: JSONContent, change: (inline: JSONContent[]) => JSONContent[]): JSONContent {
  let done = false;
  const visit = (node: JSONContent): JSONContent => {
    if (done) return node;
    if (node.type === 'paragraph') {
      done = true;
      return { ...node, content: change(node.content ?? []) };
    }
    return node.content ? { ...node, content: node.content.map(visit) } : node;
  };
  const next = visit(content);
  if (!done) throw new Error('the draft has no paragraph');
  return next;
}

const mark = (type: 'insertion' | 'deletion', by: Person, id: string = randomUUID()): { type: string; attrs: Record<string, unknown> } => {
  const attrs: SuggestionAttributes = { id, authorId: by.id, authorName: by.name, organisation: 'Test', createdAt: new Date().toISOString() };
  return { type, attrs: { ...attrs } };
};

const suggestInsert = (text: string, by: Person, id?: string) => (content: JSONContent) =>
  inFirstParagraph(content, (inline) => [{ type: 'text', text, marks: [mark('insertion', by, id)] }, ...inline]);

const plainInsert = (text: string) => (content: JSONContent) => inFirstParagraph(content, (inline) => [{ type: 'text', text }, ...inline]);

describe('suggested changes in the live draft, enforced by the server (issue 17)', () => {
  let app: TestApp;
  let db: Client;
  let agreementId: string;
  let documentName: string;
  let secretariat: Person;
  let cluster: Person;
  let municipality: Person;
  let otherRegion: Person;
  const clients: CollabClient[] = [];

  const person = async (email: string): Promise<Person> => {
    const token = await app.login(email);
    const me = await app.gql<{ me: { id: string; name: string } }>('{ me { id name } }', {}, token);
    return { token, id: me.data?.me.id ?? '', name: me.data?.me.name ?? '' };
  };
  const connect = async (who: Person) => {
    const client = await connectCollab(app.url, documentName, who.token);
    clients.push(client);
    return client;
  };
  /** The server's live document, as ProseMirror JSON. */
  const serverJson = () => {
    const doc = app.server.app.get(CollaborationService).loadedDraft(agreementId);
    if (!doc) throw new Error('the draft is not loaded');
    return deriveDraft(doc).content;
  };
  const textOf = (content: JSONContent) => documentText(content);
  /** Edits as the client's editor would, and waits for the server's answer to exactly this edit. */
  const edit = async (client: CollabClient, change: (content: JSONContent) => JSONContent): Promise<'applied' | 'refused'> => {
    const { applied, refused } = { ...client.syncStatuses };
    editDraftJson(client.doc, change);
    await waitFor(() => client.syncStatuses.applied > applied || client.syncStatuses.refused > refused, 10_000, 'the server’s answer to the edit');
    return client.syncStatuses.refused > refused ? 'refused' : 'applied';
  };
  const decide = (who: Person, suggestionIds: string[], accept: boolean) => app.gql<{ decideSuggestions: { decided: string[]; accepted: boolean; pending: number } }>(DECIDE, { i: { agreementId, suggestionIds, accept } }, who.token);
  const codeOf = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await person(demo('sekretariat.syddanmark'));
    cluster = await person(demo('klynge.fyn'));
    municipality = await person(demo('kommune.odense'));
    otherRegion = await person(demo('kommune.gladsaxe'));
    const agreement = await createAgreement(app, secretariat.token, await regionId(db, 'S'));
    agreementId = agreement.id;
    documentName = agreement.documentName;
  });
  afterEach(() => {
    while (clients.length) clients.pop()?.destroy();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  it('tells each reader what they may do: the secretariat writes, the region’s clusters and municipalities only suggest', async () => {
    const mode = async (who: Person) =>
      (await app.gql<{ collaborationToken: { mode: string; readOnly: boolean } }>('mutation($d: String!) { collaborationToken(documentName: $d) { mode readOnly } }', { d: documentName }, who.token)).data?.collaborationToken;
    expect(await mode(secretariat)).toEqual({ mode: 'WRITE', readOnly: false });
    expect(await mode(cluster)).toEqual({ mode: 'SUGGEST', readOnly: false });
    expect(await mode(municipality)).toEqual({ mode: 'SUGGEST', readOnly: false });
    const canSuggest = async (who: Person) =>
      (await app.gql<{ agreement: { canEdit: boolean; canSuggest: boolean } }>('query($id: ID!) { agreement(id: $id) { canEdit canSuggest } }', { id: agreementId }, who.token)).data?.agreement;
    expect(await canSuggest(secretariat)).toEqual({ canEdit: true, canSuggest: true });
    expect(await canSuggest(cluster)).toEqual({ canEdit: false, canSuggest: true });
  });

  it('refuses a cluster’s plain edit (not at the server, not at another reader) and stores their suggestion, which everyone sees', async () => {
    const reader = await connect(municipality);
    const writer = await connect(secretariat);
    const typist = await connect(cluster);
    expect(await edit(typist, plainInsert('Klyngens egen tekst '))).toBe('refused');
    expect(typist.stateless.some((payload) => payload.includes(REFUSED))).toBe(true);
    // Its next edit is built on the refused one, which the server never took: refused as well,
    // so nothing of the refused text can arrive later through it.
    expect(await edit(typist, suggestInsert('Bygget på det afviste ', cluster))).toBe('refused');
    expect(textOf(serverJson())).not.toContain('Bygget på det afviste');
    // The socket stays open to suggest; its document now differs from the server's, so the editor
    // starts again from the server's draft (as the web app does on this message).
    const suggester = await connect(cluster);
    const id = randomUUID();
    expect(await edit(suggester, suggestInsert('Klyngens forslag ', cluster, id))).toBe('applied');
    await waitFor(() => pendingSuggestions(draftJson(reader.doc)).some((s) => s.id === id), 10_000, 'the suggestion at the other reader');
    await waitFor(() => pendingSuggestions(draftJson(writer.doc)).some((s) => s.id === id), 10_000, 'the suggestion at the secretariat');
    // The refused text is nowhere: not at the server, not at the reader who saw the suggestion after it.
    expect(textOf(serverJson())).not.toContain('Klyngens egen tekst');
    expect(textOf(draftJson(reader.doc))).not.toContain('Klyngens egen tekst');
    expect(pendingSuggestions(serverJson()).find((s) => s.id === id)).toMatchObject({ authorId: cluster.id, authorName: cluster.name, inserted: 'Klyngens forslag ' });
    // Stored: the API's draft (from the stored state or the live document) has it with its author.
    await suggester.settled();
    const stored = await app.gql<{ agreement: { draftContent: string } }>('query($id: ID!) { agreement(id: $id) { draftContent } }', { id: agreementId }, secretariat.token);
    expect(pendingSuggestions(JSON.parse(stored.data?.agreement.draftContent ?? '{}')).map((s) => s.id)).toContain(id);
  });

  it('lets a suggester withdraw their own suggestion, but not remove another author’s, accept their own, forge an author, or add a paragraph', async () => {
    const theirs = pendingSuggestions(serverJson()).find((s) => s.authorId === cluster.id);
    expect(theirs).toBeDefined();
    const stripClusterSuggestion = (content: JSONContent) =>
      inFirstParagraph(content, (inline) => inline.filter((node) => !node.marks?.some((m) => m.attrs?.authorId === cluster.id)));
    // A new paragraph holding only a suggested insertion is structural: rejected, it would leave an empty paragraph.
    const addParagraph = (content: JSONContent): JSONContent => {
      const [first, ...rest] = content.content ?? [];
      const paragraph: JSONContent = { type: 'paragraph', content: [{ type: 'text', text: 'Nyt afsnit', marks: [mark('insertion', municipality)] }] };
      return { ...content, content: [{ ...first, content: [...(first.content ?? []), paragraph] }, ...rest] };
    };
    // A deletion mark on text that was not there: rejecting it would leave the new text in.
    const strikeNewText = (content: JSONContent) => inFirstParagraph(content, (inline) => [...inline, { type: 'text', text: ' sletmig', marks: [mark('deletion', municipality)] }]);
    const attempts: Array<[string, (content: JSONContent) => JSONContent]> = [
      ['remove another author’s suggestion', stripClusterSuggestion],
      ['suggest in another author’s name', suggestInsert('Falsk forslag ', cluster)],
      ['add a paragraph', addParagraph],
      ['strike text that was not there', strikeNewText],
    ];
    for (const [what, change] of attempts) {
      const client = await connect(municipality);
      const before = serverJson();
      expect({ what, answer: await edit(client, change) }).toEqual({ what, answer: 'refused' });
      expect(serverJson()).toEqual(before);
      client.destroy();
    }

    // Their own: suggested, then withdrawn; then suggested again and "accepted" by themselves (refused).
    const own = await connect(municipality);
    const id = randomUUID();
    expect(await edit(own, suggestInsert('Odenses forslag ', municipality, id))).toBe('applied');
    const withdraw = (content: JSONContent) => inFirstParagraph(content, (inline) => inline.filter((node) => !node.marks?.some((m) => m.attrs?.id === id)));
    expect(await edit(own, withdraw)).toBe('applied');
    expect(pendingSuggestions(serverJson()).some((s) => s.id === id)).toBe(false);
    const again = randomUUID();
    expect(await edit(own, suggestInsert('Odenses forslag ', municipality, again))).toBe('applied');
    const acceptOwn = (content: JSONContent) =>
      inFirstParagraph(content, (inline) => inline.map((node) => (node.marks?.some((m) => m.attrs?.id === again) ? { type: 'text', text: node.text } : node)));
    expect(await edit(own, acceptOwn)).toBe('refused');
    expect(pendingSuggestions(serverJson()).some((s) => s.id === again)).toBe(true);

  });

  it('lets the secretariat accept one suggestion, and every connected editor sees the accepted text; a suggester may not decide', async () => {
    const suggestion = pendingSuggestions(serverJson()).find((s) => s.authorId === cluster.id);
    if (!suggestion) throw new Error('no suggestion of the cluster');
    const editors = [await connect(secretariat), await connect(municipality), await connect(cluster)];

    const refused = await decide(cluster, [suggestion.id], true);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(pendingSuggestions(serverJson()).some((s) => s.id === suggestion.id)).toBe(true);
    expect(codeOf(await decide(secretariat, [], true))).toBe('BAD_USER_INPUT');
    expect(codeOf(await decide(secretariat, [randomUUID()], true))).toBe('NOT_FOUND');

    const accepted = await decide(secretariat, [suggestion.id], true);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.decideSuggestions).toMatchObject({ decided: [suggestion.id], accepted: true });
    for (const editor of editors) {
      await waitFor(() => !pendingSuggestions(draftJson(editor.doc)).some((s) => s.id === suggestion.id), 10_000, 'the decision at every editor');
      expect(textOf(draftJson(editor.doc))).toContain('Klyngens forslag');
    }
    expect(textOf(serverJson())).toContain('Klyngens forslag');
    const audit = await db.query<{ actor_id: string; data: { suggestions: Array<{ id: string; authorId: string }> } }>(
      `SELECT actor_id, data FROM audit_log WHERE action = 'suggestion.accept' AND entity_id = $1`,
      [agreementId],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ actor_id: secretariat.id, data: { suggestions: [{ id: suggestion.id, authorId: cluster.id }] } });
    // Decided once: a second decision on it finds nothing.
    expect(codeOf(await decide(secretariat, [suggestion.id], false))).toBe('NOT_FOUND');
  });

  it('rejects all of one author’s suggestions at once: their inserted text goes, the text they struck stays', async () => {
    const client = await connect(municipality);
    const insertion = randomUUID();
    expect(await edit(client, suggestInsert('Afvis mig ', municipality, insertion))).toBe('applied');
    // Strike the accepted words "Klyngens forslag" as a suggested deletion.
    const deletion = randomUUID();
    const strike = (content: JSONContent) =>
      inFirstParagraph(content, (inline) =>
        inline.flatMap((node): JSONContent[] => {
          if (node.type !== 'text' || node.marks?.length || !node.text?.includes('Klyngens forslag')) return [node];
          const [head, tail] = node.text.split('Klyngens forslag');
          return [
            ...(head ? [{ type: 'text', text: head }] : []),
            { type: 'text', text: 'Klyngens forslag', marks: [mark('deletion', municipality, deletion)] },
            ...(tail ? [{ type: 'text', text: tail }] : []),
          ];
        }),
      );
    expect(await edit(client, strike)).toBe('applied');
    const ids = pendingSuggestions(serverJson())
      .filter((s) => s.authorId === municipality.id)
      .map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([insertion, deletion]));
    const rejected = await decide(secretariat, ids, false);
    expect(rejected.errors).toBeUndefined();
    await waitFor(() => !pendingSuggestions(draftJson(client.doc)).some((s) => s.authorId === municipality.id), 10_000, 'the rejection at the suggester');
    const text = textOf(draftJson(client.doc));
    expect(text).not.toContain('Afvis mig');
    expect(text).toContain('Klyngens forslag');
    expect(textOf(serverJson())).toBe(text);
  });

  it('refuses a municipality of another region entirely', async () => {
    await expect(connectCollab(app.url, documentName, otherRegion.token)).rejects.toThrow(/authentication failed/);
    const token = await app.gql('mutation($d: String!) { collaborationToken(documentName: $d) { mode } }', { d: documentName }, otherRegion.token);
    expect(codeOf(token as never)).toBe('NOT_FOUND');
    expect(codeOf((await decide(otherRegion, [randomUUID()], true)) as never)).toMatch(/FORBIDDEN|NOT_FOUND/);
  });
});
