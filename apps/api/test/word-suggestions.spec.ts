import { JSONContent } from '@aftalerum/editor';
import JSZip from 'jszip';
import { COMMENT, editedInWord, REPLY, WORD_AUTHOR, WORD_DATE } from './word-edits';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createVersion, DEMO_ACCOUNTS, must, regionId } from './factories';
import { parseEveryXmlPart } from './strict-xml';
import { startTestApp, TestApp } from './test-app';
import { docxWith, wordBomb } from './zip-bombs';

interface Mark {
  type: string;
  attrs?: Record<string, string>;
}
interface TextBlock {
  blockId: string;
  text: string;
  nodes: Array<{ text: string; marks: Mark[] }>;
}

/** Every paragraph and heading of a draft, with its text nodes and their marks. */
function textBlocks(doc: JSONContent): TextBlock[] {
  const out: TextBlock[] = [];
  const visit = (node: JSONContent) => {
    if ((node.type === 'paragraph' || node.type === 'heading') && typeof node.attrs?.blockId === 'string') {
      const nodes = (node.content ?? []).filter((n) => n.type === 'text').map((n) => ({ text: n.text ?? '', marks: (n.marks ?? []) as Mark[] }));
      out.push({ blockId: node.attrs.blockId, text: nodes.map((n) => n.text).join(''), nodes });
      return;
    }
    (node.content ?? []).forEach(visit);
  };
  visit(doc);
  return out;
}

const marked = (block: TextBlock, type: string) => block.nodes.filter((n) => n.marks.some((m) => m.type === type));

describe('Word’s tracked changes and comments, brought back into the live draft as suggestions', () => {
  let app: TestApp;
  let db: Client;
  const tokens: Record<string, string> = {};
  const people: Record<string, { name: string; organisation: string }> = {};
  let syddanmark: string;

  const exportDocx = async (agreementId: string, token: string) => {
    const response = await fetch(`${app.url}/files/agreements/${agreementId}/agreement.docx`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const upload = async (agreementId: string, step: 'preview' | 'confirm', docx: Buffer, token: string, importId?: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(docx)]), 'udkast-med-rettelser.docx');
    if (importId) form.append('importId', importId);
    const response = await fetch(`${app.url}/files/agreements/${agreementId}/word-suggestions/${step}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const liveDraft = async (agreementId: string) =>
    JSON.parse((await must(app, 'query($id: ID!) { agreement(id: $id) { draftContent } }', { id: agreementId }, tokens.sSecretariat, 'draft')).agreement.draftContent as string) as JSONContent;
  const threads = async (agreementId: string) =>
    (await must(app, 'query($id: ID!) { draftCommentThreads(agreementId: $id) { id status quote blockId comments { authorName organisationName text } } }', { id: agreementId }, tokens.sSecretariat, 'threads'))
      .draftCommentThreads as Array<{ id: string; quote: string; blockId: string; comments: Array<{ authorName: string; organisationName: string; text: string }> }>;
  /** A Syddanmark agreement of its own period (a region has one agreement per period), with the skeleton's text. */
  let period = 2032;
  const newAgreement = async (title: string) => {
    period += 4;
    const created = await must(
      app,
      'mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }',
      { i: { regionId: syddanmark, title, periodStart: period, periodEnd: period + 3, effectiveDate: `${period}-01-01` } },
      tokens.sSecretariat,
      'createAgreement',
    );
    return created.createAgreement.id as string;
  };
  /** Exports, edits in "Word", previews and brings the changes in as Odense's case officer. */
  const roundTrip = async (agreementId: string, options: { dropBlockIds?: boolean } = {}) => {
    const edited = await editedInWord(await exportDocx(agreementId, tokens.sMunicipality), options);
    const preview = await upload(agreementId, 'preview', edited, tokens.sMunicipality);
    expect(preview.status).toBe(200);
    const confirmed = await upload(agreementId, 'confirm', edited, tokens.sMunicipality, preview.body.importId as string);
    expect(confirmed.status).toBe(201);
    return { preview: preview.body, confirmed: confirmed.body };
  };

  /** The suggestions and the comment on the paragraphs they were made on, in Odense's name. */
  async function expectOnTheRightParagraphs(agreementId: string, matchedBy: string, preview: Record<string, unknown>) {
    const odense = people.sMunicipality;
    expect(preview.suggestions).toEqual([
      expect.objectContaining({ kind: 'deletion', text: 'politiske', matchedBy, wordAuthor: WORD_AUTHOR }),
      expect.objectContaining({ kind: 'insertion', text: 'overordnede', matchedBy, wordAuthor: WORD_AUTHOR }),
    ]);
    expect(preview.comments).toEqual([expect.objectContaining({ quote: 'hele befolkningens sundhed', text: COMMENT, matchedBy, replies: 1 })]);
    expect(preview.author).toEqual(odense);

    const blocks = textBlocks(await liveDraft(agreementId));
    const first = blocks.find((b) => b.text.startsWith('Sundhedsaftalen er den')) as TextBlock;
    const second = blocks.find((b) => b.text.startsWith('Vi tager sammen ansvar')) as TextBlock;
    expect(first.text).toContain('Sundhedsaftalen er den politiskeoverordnede ramme');
    const [deleted] = marked(first, 'deletion');
    const [inserted] = marked(first, 'insertion');
    expect(deleted.text).toBe('politiske');
    expect(inserted.text).toBe('overordnede');
    for (const node of [deleted, inserted]) {
      const mark = node.marks.find((m) => m.type === 'deletion' || m.type === 'insertion') as Mark;
      expect(mark.attrs).toMatchObject({ authorName: odense.name, organisation: odense.organisation });
      expect(mark.attrs?.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Nothing else in the draft became a suggestion.
    expect(blocks.flatMap((b) => [...marked(b, 'deletion'), ...marked(b, 'insertion')])).toHaveLength(2);

    const [thread] = await threads(agreementId);
    expect(thread.blockId).toBe(second.blockId);
    expect(thread.quote).toBe('hele befolkningens sundhed');
    expect(thread.comments).toHaveLength(2);
    expect(thread.comments[0]).toMatchObject({ authorName: odense.name, organisationName: odense.organisation });
    expect(thread.comments[0].text).toBe(`${COMMENT}\n\n(Skrevet i Word af ${WORD_AUTHOR})`);
    expect(thread.comments[1].text).toBe(`${REPLY}\n\n(Skrevet i Word af ${WORD_AUTHOR})`);
    return { first, second };
  }

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    for (const who of ['sSecretariat', 'sMunicipality', 'hSecretariat', 'hMunicipality', 'invitedOrganisation'] as const) {
      tokens[who] = await app.login(DEMO_ACCOUNTS[who]);
      const me = (await must(app, '{ me { name organisation { name } } }', {}, tokens[who], 'me')).me as { name: string; organisation: { name: string } };
      people[who] = { name: me.name, organisation: me.organisation.name };
    }
    syddanmark = await regionId(db, 'S');
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  it('carries every paragraph’s block id in the export as a bookmark', async () => {
    const agreementId = await newAgreement('Sundhedsaftale (bogmærker)');
    const zip = await JSZip.loadAsync(await exportDocx(agreementId, tokens.sMunicipality));
    const xml = await zip.file('word/document.xml')!.async('string');
    const bookmarks = new Set([...xml.matchAll(/<w:bookmarkStart [^>]*w:name="b_([A-Za-z0-9_]+)"/g)].map((m) => m[1].replace(/_/g, '-')));
    const blocks = textBlocks(await liveDraft(agreementId));
    expect(blocks.length).toBeGreaterThan(20);
    expect(blocks.filter((b) => !bookmarks.has(b.blockId))).toEqual([]);
  });

  it('export → tracked changes and a comment in Word → import: the suggestions and the comment are on their paragraphs, in the uploader’s name', async () => {
    const agreementId = await newAgreement('Sundhedsaftale (Word-rettelser)');
    const before = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "audit_log" WHERE "action" = 'draft.wordSuggestions' AND "entity_id" = $1`, [agreementId]);
    const { preview, confirmed } = await roundTrip(agreementId);
    expect(confirmed).toMatchObject({ suggestions: 2, comments: 1, warnings: [] });
    await expectOnTheRightParagraphs(agreementId, 'BLOCK_ID', preview);
    const audited = await db.query<{ data: { suggestions: number; wordAuthors: string[] } }>(`SELECT "data" FROM "audit_log" WHERE "action" = 'draft.wordSuggestions' AND "entity_id" = $1`, [agreementId]);
    expect(before.rows[0].n).toBe(0);
    expect(audited.rows).toEqual([{ data: expect.objectContaining({ suggestions: 2, comments: 1, wordAuthors: [WORD_AUTHOR] }) }]);

    // A version locked now holds the accepted text; the pending suggestions are kept beside it.
    const versionId = await createVersion(app, tokens.sSecretariat, agreementId, 'Med forslag fra Odense');
    const version = (await must(app, 'query($id: ID!) { agreementVersion(id: $id) { text content pendingSuggestions { id authorName organisation blockId inserted deleted createdAt } } }', { id: versionId }, tokens.sSecretariat, 'version'))
      .agreementVersion as { text: string; content: string; pendingSuggestions: Array<Record<string, string>> };
    expect(version.text).toContain('Sundhedsaftalen er den politiske ramme');
    expect(version.text).not.toContain('overordnede');
    expect(version.content).not.toMatch(/"insertion"|"deletion"/);
    const first = textBlocks(await liveDraft(agreementId)).find((b) => b.text.startsWith('Sundhedsaftalen er den')) as TextBlock;
    expect(version.pendingSuggestions).toEqual([
      expect.objectContaining({ authorName: people.sMunicipality.name, organisation: people.sMunicipality.organisation, blockId: first.blockId, inserted: '', deleted: 'politiske', createdAt: new Date(WORD_DATE).toISOString() }),
      expect.objectContaining({ authorName: people.sMunicipality.name, organisation: people.sMunicipality.organisation, blockId: first.blockId, inserted: 'overordnede', deleted: '' }),
    ]);

    // The clean export of the live draft shows the accepted text.
    const clean = await (await JSZip.loadAsync(await exportDocx(agreementId, tokens.sSecretariat))).file('word/document.xml')!.async('string');
    expect(clean).toContain('den politiske ramme');
    expect(clean).not.toContain('overordnede');

    // The comparison with the live draft has the suggestions as the suggester's tracked changes, and the comment.
    const response = await fetch(`${app.url}/files/agreements/${agreementId}/compare.docx?from=${versionId}`, { headers: { authorization: `Bearer ${tokens.sSecretariat}` } });
    expect(response.status).toBe(200);
    const docx = Buffer.from(await response.arrayBuffer());
    await parseEveryXmlPart(docx);
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const author = `${people.sMunicipality.name} (${people.sMunicipality.organisation})`.replace(/[()]/g, '\\$&');
    expect(xml).toMatch(new RegExp(`<w:del [^>]*w:author="${author}"[^>]*w:date="${WORD_DATE}"[^>]*>.*?<w:delText[^>]*>politiske</w:delText>`));
    expect(xml).toMatch(new RegExp(`<w:ins [^>]*w:author="${author}"[^>]*>.*?<w:t[^>]*>overordnede</w:t>`));
    expect(xml).toMatch(/<w:commentRangeStart w:id="0"\/>/);
    expect(xml).toMatch(/<w:commentReference w:id="0"\/>/);
    const comments = await zip.file('word/comments.xml')!.async('string');
    expect(comments).toMatch(new RegExp(`<w:comment [^>]*w:author="${author}"[^>]*>.*Skal borgerne også nævnes her\\?`));
    expect(comments).toMatch(new RegExp(`<w:comment [^>]*w:author="${author}"[^>]*>.*Ja, og de pårørende\\.`));
    // The reply is threaded under the comment, as Word threads replies.
    expect(await zip.file('word/commentsExtended.xml')?.async('string')).toMatch(/paraIdParent="[0-9A-F]{8}"/);
  });

  it('finds the paragraphs by their text when Word lost the block ids', async () => {
    const agreementId = await newAgreement('Sundhedsaftale (uden bogmærker)');
    const { preview, confirmed } = await roundTrip(agreementId, { dropBlockIds: true });
    expect(confirmed).toMatchObject({ suggestions: 2, comments: 1 });
    await expectOnTheRightParagraphs(agreementId, 'TEXT', preview);
  });

  it('reads the tracked changes and comments of a document LibreOffice saved', async () => {
    const fixture = readFileSync(path.join(__dirname, 'fixtures', 'word-suggestions-libreoffice.docx'));
    // LibreOffice wrote it: its own XML, with the bookmarks kept (their ids are of another draft).
    const zip = await JSZip.loadAsync(fixture);
    expect(await zip.file('docProps/app.xml')!.async('string')).toContain('LibreOffice');
    expect(await zip.file('word/document.xml')!.async('string')).toMatch(/<w:bookmarkStart [^>]*w:name="b_/);
    const agreementId = await newAgreement('Sundhedsaftale (LibreOffice)');
    const preview = await upload(agreementId, 'preview', fixture, tokens.sMunicipality);
    expect(preview.status).toBe(200);
    const confirmed = await upload(agreementId, 'confirm', fixture, tokens.sMunicipality, preview.body.importId as string);
    expect(confirmed.status).toBe(201);
    const blocks = textBlocks(await liveDraft(agreementId));
    const first = blocks.find((b) => b.text.startsWith('Sundhedsaftalen er den')) as TextBlock;
    expect(marked(first, 'deletion').map((n) => n.text)).toEqual(['politiske']);
    expect(marked(first, 'insertion').map((n) => n.text)).toEqual(['overordnede']);
    const [thread] = await threads(agreementId);
    expect(thread).toMatchObject({ quote: 'hele befolkningens sundhed', blockId: blocks.find((b) => b.text.startsWith('Vi tager sammen'))?.blockId });
    expect(thread.comments[0]).toMatchObject({ authorName: people.sMunicipality.name, organisationName: people.sMunicipality.organisation });
    expect(thread.comments[0].text).toContain(COMMENT);
  });

  it('refuses a reader of another region, an organisation outside the draft, and a document without changes', async () => {
    const agreementId = await newAgreement('Sundhedsaftale (afvisninger)');
    const exported = await exportDocx(agreementId, tokens.sSecretariat);
    const edited = await editedInWord(exported);
    for (const who of ['hSecretariat', 'hMunicipality', 'invitedOrganisation']) {
      const refused = await upload(agreementId, 'preview', edited, tokens[who]);
      expect([403, 404]).toContain(refused.status);
      const notConfirmed = await upload(agreementId, 'confirm', edited, tokens[who], 'a'.repeat(64));
      expect([403, 404]).toContain(notConfirmed.status);
    }
    const untouched = await upload(agreementId, 'preview', exported, tokens.sMunicipality);
    expect(untouched.status).toBe(400);
    expect(JSON.stringify(untouched.body)).toContain('ingen registrerede ændringer');
    const wrongFile = await upload(agreementId, 'confirm', edited, tokens.sMunicipality, 'b'.repeat(64));
    expect(wrongFile.status).toBe(400);
    expect(textBlocks(await liveDraft(agreementId)).flatMap((b) => [...marked(b, 'deletion'), ...marked(b, 'insertion')])).toEqual([]);
    expect(await threads(agreementId)).toEqual([]);
  });

  it('refuses a zip bomb, a damaged document, too many changes and a locked final version, and writes nothing', async () => {
    const agreementId = await newAgreement('Sundhedsaftale (grænser)');
    const edited = await editedInWord(await exportDocx(agreementId, tokens.sMunicipality));
    const audit = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "audit_log" WHERE "entity_id" = $1 OR "data"->>'agreementId' = $1`, [agreementId])).rows[0].n;
    const before = await audit();
    const expectRefused = async (docx: Buffer, status: number, message: string) => {
      const preview = await upload(agreementId, 'preview', docx, tokens.sMunicipality);
      expect({ status: preview.status, message: String(preview.body.message) }).toEqual({ status, message: expect.stringContaining(message) });
      const confirm = await upload(agreementId, 'confirm', docx, tokens.sMunicipality, createHash('sha256').update(docx).digest('hex'));
      expect({ status: confirm.status, message: String(confirm.body.message) }).toEqual({ status, message: expect.stringContaining(message) });
    };
    await expectRefused(await wordBomb(), 400, 'for stor eller pakket unormalt');
    // A NUL in a comment is not XML: the document is damaged, whatever else it holds.
    const zip = await JSZip.loadAsync(edited);
    zip.file('word/comments.xml', (await zip.file('word/comments.xml')!.async('string')).replace(COMMENT, `Skal\u0000borgerne`));
    await expectRefused(await zip.generateAsync({ type: 'nodebuffer' }), 400, 'beskadiget');
    const insertions = Array.from({ length: 2001 }, (_, i) => `<w:ins w:id="${i}" w:author="Word"><w:r><w:t>x</w:t></w:r></w:ins>`).join('');
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    await expectRefused(await docxWith({ 'word/document.xml': `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p>${insertions}</w:p></w:body></w:document>` }), 400, 'over 2.000 registrerede ændringer');
    expect(await audit()).toBe(before);

    // Once the parties have approved, the final version is locked: nothing more is suggested in it.
    const versionId = await createVersion(app, tokens.sSecretariat, agreementId, 'Endelig version');
    await db.query(`UPDATE "agreements" SET "final_version_id" = $2 WHERE "id" = $1`, [agreementId, versionId]);
    const locked = await upload(agreementId, 'preview', edited, tokens.sMunicipality);
    expect(locked.status).toBe(409);
    expect(String(locked.body.message)).toContain('låst');
    expect(textBlocks(await liveDraft(agreementId)).flatMap((b) => [...marked(b, 'deletion'), ...marked(b, 'insertion')])).toEqual([]);
    expect(await threads(agreementId)).toEqual([]);
  });
});
