import { collectBlocks, collectSections, JSONContent } from '@aftalerum/editor';
import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import JSZip from 'jszip';
import { Client } from 'pg';
import { connectCollab, paragraphText } from './collab-client';
import { pdfFonts, pdfText } from './poppler';
import { demo, startTestApp, TestApp } from './test-app';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The first draft of the visions as a secretariat would write it in Word. */
async function visionsDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [{ reference: 'trin', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Sundhedsaftale 2028–2031', heading: HeadingLevel.TITLE }),
          new Paragraph('Udkast til visioner, drøftet i Sundhedssamarbejdsudvalget.'),
          new Paragraph({ text: 'Fælles populationsansvar', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Vi tager '),
              new TextRun({ text: 'fælles', bold: true }),
              new TextRun(' ansvar for '),
              new TextRun({ text: 'hele', italics: true }),
              new TextRun(' befolkningens sundhed. Læs mere hos '),
              new ExternalHyperlink({ link: 'https://www.sst.dk/', children: [new TextRun({ text: 'Sundhedsstyrelsen', style: 'Hyperlink' })] }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Mere lighed i sundhed', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Tidlig opsporing', bullet: { level: 0 } }),
          new Paragraph({ text: 'Særligt for børn', bullet: { level: 1 } }),
          new Paragraph({ text: 'Lige adgang til behandling', bullet: { level: 0 } }),
          new Paragraph({ text: 'Sammen om ældre og borgere med kronisk sygdom', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Borgeren skal opleve ét sammenhængende forløb.'),
          new Paragraph({ text: 'Kommunen koordinerer', numbering: { reference: 'trin', level: 0 } }),
          new Paragraph({ text: 'Regionen rådgiver', numbering: { reference: 'trin', level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                tableHeader: true,
                children: ['Mål', 'Ansvarlig'].map((text) => new TableCell({ children: [new Paragraph(text)] })),
              }),
              new TableRow({
                children: ['Færre genindlæggelser', 'Kommuner og region'].map((text) => new TableCell({ children: [new Paragraph(text)] })),
              }),
            ],
          }),
          new Paragraph({ text: 'Helhedssyn', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Vi ser hele mennesket, ikke kun sygdommen.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

interface Preview {
  importId: string;
  headings: Array<{ index: number; text: string; level: number; suggestedKind: string; excerpt: string }>;
  blocks: number;
  warnings: string[];
}

const typesIn = (node: JSONContent): string[] => [node.type ?? '', ...(node.content ?? []).flatMap(typesIn)];
const marksIn = (node: JSONContent): string[] => [...(node.marks ?? []).map((m) => m.type), ...(node.content ?? []).flatMap(marksIn)];
/** Text and structure, without the ids: what must survive a round trip. */
const shape = (content: JSONContent) => ({
  sections: collectSections(content).map(({ kind, title }) => ({ kind, title })),
  blocks: collectBlocks(content).map((b) => `${b.type}${b.level ? b.level : ''}: ${b.text}`),
});

describe('Word round-trip', () => {
  let app: TestApp;
  let db: Client;
  let token: string;
  let regionId: string;

  const upload = async (path: string, data: Buffer, fields: Record<string, string> = {}, bearer = token, name = 'udkast.docx') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type: DOCX }), name);
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    const response = await fetch(`${app.url}/files/imports/${path}`, { method: 'POST', body: form, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const preview = async (data: Buffer) => {
    const result = await upload('preview', data);
    expect(result.status).toBe(200);
    return result.body as unknown as Preview;
  };
  const download = async (path: string, bearer = token) => {
    const response = await fetch(`${app.url}/files/${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: response.status, type: response.headers.get('content-type'), data: Buffer.from(await response.arrayBuffer()) };
  };
  const draftOf = async (agreementId: string): Promise<JSONContent> => {
    const result = await app.gql('query($id: ID!) { agreement(id: $id) { draftContent } }', { id: agreementId }, token);
    return JSON.parse(result.data?.agreement.draftContent as string) as JSONContent;
  };
  const importNew = async (data: Buffer, kinds: string[], title: string, periodStart: number) => {
    const { importId } = await preview(data);
    return upload('confirm', data, {
      importId,
      kinds: JSON.stringify(kinds),
      target: 'NEW_AGREEMENT',
      regionId,
      title,
      periodStart: String(periodStart),
      periodEnd: String(periodStart + 3),
      effectiveDate: `${periodStart}-01-01`,
    });
  };

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    token = await app.login(demo('sekretariat'));
    const me = await app.gql('{ agreements { region { id code } } }', {}, token);
    regionId = (me.data?.agreements as Array<{ region: { id: string; code: string } }>).find((a) => a.region.code === 'H')!.region.id;
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('previews the headings of a Word document with a suggested kind for each', async () => {
    const result = await preview(await visionsDocx());
    expect(result.importId).toMatch(/^[0-9a-f]{64}$/);
    expect(result.headings.map(({ text, level, suggestedKind }) => ({ text, level, suggestedKind }))).toEqual([
      { text: 'Sundhedsaftale 2028–2031', level: 1, suggestedKind: 'PREAMBLE' },
      { text: 'Fælles populationsansvar', level: 1, suggestedKind: 'VISION' },
      { text: 'Mere lighed i sundhed', level: 2, suggestedKind: 'SUBHEADING' },
      { text: 'Sammen om ældre og borgere med kronisk sygdom', level: 1, suggestedKind: 'FOCUS_AREA' },
      { text: 'Helhedssyn', level: 1, suggestedKind: 'PRINCIPLE' },
    ]);
    expect(result.headings[1].excerpt).toMatch(/^Vi tager fælles ansvar/);
    expect(result.warnings).toEqual([]);
  });

  it('imports a Word document as a new agreement, keeping headings, lists, the table, bold, italic and links', async () => {
    const created = await importNew(await visionsDocx(), ['PREAMBLE', 'VISION', 'SUBHEADING', 'FOCUS_AREA', 'PRINCIPLE'], 'Sundhedsaftale 2028–2031', 2028);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Sundhedsaftale 2028–2031', created: true, safetyVersionNumber: null });
    const agreementId = created.body.agreementId as string;

    const result = await app.gql('query($id: ID!) { agreement(id: $id) { title periodStart sections { kind title } } }', { id: agreementId }, token);
    expect(result.data?.agreement.sections).toEqual([
      { kind: 'PREAMBLE', title: 'Sundhedsaftale 2028–2031' },
      { kind: 'VISION', title: 'Fælles populationsansvar' },
      { kind: 'FOCUS_AREA', title: 'Sammen om ældre og borgere med kronisk sygdom' },
      { kind: 'PRINCIPLE', title: 'Helhedssyn' },
    ]);

    const draft = await draftOf(agreementId);
    const [, vision, focus] = draft.content ?? [];
    expect(typesIn(vision)).toEqual(expect.arrayContaining(['heading', 'bulletList', 'listItem']));
    expect(vision.content?.find((n) => n.type === 'heading' && n.attrs?.level === 2)).toBeDefined();
    // The nested bullet stays nested.
    const list = vision.content?.find((n) => n.type === 'bulletList');
    expect(list?.content?.[0].content?.[1]?.type).toBe('bulletList');
    expect(typesIn(focus)).toEqual(expect.arrayContaining(['orderedList', 'table', 'tableRow', 'tableHeader', 'tableCell']));
    expect(marksIn(vision)).toEqual(expect.arrayContaining(['bold', 'italic', 'link']));
    const link = JSON.stringify(vision).match(/"href":"([^"]+)"/);
    expect(link?.[1]).toBe('https://www.sst.dk/');
    const blocks = collectBlocks(draft);
    expect(blocks.map((b) => b.text)).toEqual(expect.arrayContaining(['Færre genindlæggelser', 'Kommuner og region', 'Særligt for børn', 'Regionen rådgiver']));
    expect(new Set(blocks.map((b) => b.blockId)).size).toBe(blocks.length);

    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [agreementId]);
    expect(audit.rows.map((r) => r.action)).toContain('agreement.create');
  });

  it('round-trips: import → export → import keeps the text and structure', async () => {
    const created = await importNew(await visionsDocx(), ['PREAMBLE', 'VISION', 'SUBHEADING', 'FOCUS_AREA', 'PRINCIPLE'], 'Rundtur 2032–2035', 2032);
    const agreementId = created.body.agreementId as string;
    const first = await draftOf(agreementId);

    const exported = await download(`agreements/${agreementId}/agreement.docx`);
    expect(exported.status).toBe(200);
    expect(exported.type).toBe(DOCX);
    const xml = await (await JSZip.loadAsync(exported.data)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Indholdsfortegnelse');
    expect(xml).toContain('Rundtur 2032–2035');

    // The export names each section's kind, so the preview suggests exactly the original mapping.
    const again = await preview(exported.data);
    expect(again.headings.map((h) => h.suggestedKind)).toEqual(['PREAMBLE', 'VISION', 'SUBHEADING', 'FOCUS_AREA', 'PRINCIPLE']);
    expect(again.headings.map((h) => h.text)).toEqual(collectBlocks(first).filter((b) => b.type === 'heading').map((b) => b.text));

    const replaced = await upload('confirm', exported.data, {
      importId: again.importId,
      kinds: JSON.stringify(again.headings.map((h) => h.suggestedKind)),
      target: 'EXISTING_AGREEMENT',
      agreementId,
    });
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ agreementId, created: false, safetyVersionNumber: 1 });

    const second = await draftOf(agreementId);
    expect(shape(second)).toEqual(shape(first));
    expect(typesIn(second).sort()).toEqual(typesIn(first).sort());
    // The replaced draft was kept as a safety version.
    const versions = await db.query('SELECT number, label, text FROM agreement_versions WHERE agreement_id = $1', [agreementId]);
    expect(versions.rows).toEqual([expect.objectContaining({ number: 1, label: 'Før import af udkast.docx' })]);
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [agreementId]);
    expect(audit.rows.map((r) => r.action)).toContain('draft.import');
  });

  it('exports a comparison of two versions with the changed words as Word tracked changes', async () => {
    const created = await importNew(await visionsDocx(), ['PREAMBLE', 'VISION', 'SUBHEADING', 'FOCUS_AREA', 'PRINCIPLE'], 'Sammenligning 2036–2039', 2036);
    const agreementId = created.body.agreementId as string;
    const CREATE = 'mutation($i: CreateVersionInput!) { createVersion(input: $i) { id number } }';
    const v1 = await app.gql(CREATE, { i: { agreementId, label: 'Første udkast' } }, token);
    expect(v1.errors).toBeUndefined();

    // Change one paragraph word by word, as an editor would.
    const draft = await draftOf(agreementId);
    const paragraphs = collectBlocks(draft).filter((b) => b.type === 'paragraph');
    const target = paragraphs.findIndex((b) => b.text === 'Borgeren skal opleve ét sammenhængende forløb.');
    const { data } = await app.gql('query($id: ID!) { agreement(id: $id) { documentName } }', { id: agreementId }, token);
    const editor = await connectCollab(app.url, data?.agreement.documentName as string, token);
    const text = paragraphText(editor.doc, target);
    const before = text.toString();
    const at = before.indexOf('sammenhængende');
    text.delete(at, 'sammenhængende'.length);
    text.insert(at, 'trygt');
    await editor.settled();
    editor.destroy();

    const v2 = await app.gql(CREATE, { i: { agreementId, label: 'Andet udkast' } }, token);
    const from = v1.data?.createVersion.id as string;
    const to = v2.data?.createVersion.id as string;
    const compared = await download(`agreements/${agreementId}/compare.docx?from=${from}&to=${to}`);
    expect(compared.status).toBe(200);
    const xml = await (await JSZip.loadAsync(compared.data)).file('word/document.xml')!.async('string');
    const inserted = [...xml.matchAll(/<w:ins\b[^>]*>(.*?)<\/w:ins>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')).join('|');
    const deleted = [...xml.matchAll(/<w:del\b[^>]*>(.*?)<\/w:del>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')).join('|');
    expect(inserted).toContain('trygt');
    expect(deleted).toContain('sammenhængende');
    expect(xml).toMatch(/<w:delText[^>]*>sammenhængende/);
    // Unchanged text is ordinary text.
    expect(inserted).not.toContain('Borgeren');
    expect(xml).toContain('Borgeren skal opleve ét ');
    // Each change carries the name of the person who saved the later version.
    const [{ name: savedBy }] = (await db.query('SELECT u.name FROM agreement_versions v JOIN users u ON u.id = v.created_by WHERE v.id = $1', [to])).rows;
    const authors = new Set([...xml.matchAll(/<w:(?:ins|del)\b[^>]*w:author="([^"]*)"/g)].map((m) => m[1]));
    expect([...authors]).toEqual([savedBy]);

    // Against the live draft when `to` is left out: nothing changed since version 2.
    const live = await download(`agreements/${agreementId}/compare.docx?from=${to}`);
    expect(live.status).toBe(200);
    const liveXml = await (await JSZip.loadAsync(live.data)).file('word/document.xml')!.async('string');
    expect(liveXml).not.toMatch(/<w:ins\b/);
  });

  it('exports print-ready HTML in Danish and a tagged PDF, to every signed-in user', async () => {
    const { data } = await app.gql('{ agreements { id title } }', {}, token);
    const agreement = (data?.agreements as Array<{ id: string; title: string }>)[0];
    const municipality = await app.login(demo('kommune.gladsaxe'));
    const html = await download(`agreements/${agreement.id}/agreement.html`, municipality);
    expect(html.status).toBe(200);
    expect(html.type).toMatch(/^text\/html/);
    const page = html.data.toString('utf8');
    expect(page).toMatch(/<html lang="da">/);
    expect(page).toMatch(/<h1[^>]*>/);
    expect(page).toContain('Fælles populationsansvar');
    const docx = await download(`agreements/${agreement.id}/agreement.docx`, municipality);
    expect(docx.status).toBe(200);
    const pdf = await download(`agreements/${agreement.id}/agreement.pdf`, municipality);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.data.toString('latin1')).toMatch(/\/StructTreeRoot/);
    // Its typeface embedded, and a table of contents before the text.
    expect(pdfFonts(pdf.data).length).toBeGreaterThan(0);
    expect(pdfFonts(pdf.data).filter((font) => !font.embedded)).toEqual([]);
    const pdfLines = pdfText(pdf.data, { layout: true }).split('\n').map((line) => line.trim());
    expect(pdfLines).toContain('Indholdsfortegnelse');
    expect(pdfLines.findIndex((line) => /^1\. Fælles populationsansvar\b.*\s\d+$/.test(line))).toBeGreaterThan(pdfLines.indexOf('Indholdsfortegnelse'));
    // A version of another agreement is not this agreement's version.
    const missing = await download(`agreements/${agreement.id}/agreement.pdf?versionId=00000000-0000-4000-8000-000000000000`, municipality);
    expect(missing.status).toBe(404);
  });

  it('refuses broken and non-Word files with a message that says what to do', async () => {
    const pdf = await upload('preview', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), {}, token, 'udkast.pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.body).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/PDF.*gem det som \.docx/) });

    const text = await upload('preview', Buffer.from('Dette er bare tekst.'), {}, token, 'udkast.docx');
    expect(text.body).toEqual({ code: 'BAD_USER_INPUT', message: 'Filen er ikke et Word-dokument (.docx). Gem den som .docx i Word, og prøv igen.' });

    const good = await visionsDocx();
    const truncated = await upload('preview', good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated.status).toBe(400);
    expect(truncated.body.message).toMatch(/beskadiget/);

    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    const excel = await upload('preview', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(excel.body.message).toMatch(/Excel-ark/);

    const empty = await upload('preview', Buffer.alloc(0));
    expect(empty.status).toBe(400);
  });

  it('lets only a secretariat import, and only into its own region’s agreements', async () => {
    const data = await visionsDocx();
    const cluster = await app.login(demo('klynge.midt'));
    expect((await upload('preview', data, {}, cluster)).status).toBe(403);
    expect((await upload('preview', data, {}, '')).status).toBe(401);

    const { data: agreements } = await app.gql('{ agreements { id region { code } } }', {}, token);
    const hovedstaden = (agreements?.agreements as Array<{ id: string; region: { code: string } }>).find((a) => a.region.code === 'H')!;
    const syddanmark = await app.login(demo('sekretariat.syddanmark'));
    const { importId, headings } = (await upload('preview', data, {}, syddanmark)).body as unknown as Preview;
    const refused = await upload(
      'confirm',
      data,
      { importId, kinds: JSON.stringify(headings.map((h) => h.suggestedKind)), target: 'EXISTING_AGREEMENT', agreementId: hovedstaden.id },
      syddanmark,
    );
    expect(refused.status).toBe(403);

    // A mapping for another file, or of the wrong length, is refused.
    const wrongFile = await upload('confirm', data, { importId: 'a'.repeat(64), kinds: '[]', target: 'EXISTING_AGREEMENT', agreementId: hovedstaden.id });
    expect(wrongFile.body.message).toMatch(/ikke den samme/);
    const wrongKinds = await upload('confirm', data, { importId, kinds: '["VISION"]', target: 'EXISTING_AGREEMENT', agreementId: hovedstaden.id });
    expect(wrongKinds.body.message).toMatch(/passer ikke/);
  });

  it('refuses hostile form fields at the REST boundary, before anything is written', async () => {
    const data = await visionsDocx();
    const { importId, headings } = await preview(data);
    const kinds = JSON.stringify(headings.map((h) => h.suggestedKind));
    const count = async () => Number((await app.gql<{ agreements: unknown[] }>('{ agreements { id } }', {}, token)).data?.agreements.length);
    const before = await count();
    const regions = await app.gql<{ regions: Array<{ id: string; code: string }> }>('{ regions { id code } }', {}, token);
    const regionId = regions.data?.regions.find((r) => r.code === 'H')?.id ?? '';
    const base = { importId, kinds, target: 'NEW_AGREEMENT', regionId, periodStart: '2032', periodEnd: '2035', effectiveDate: '2032-01-01' };

    const nul = await upload('confirm', data, { ...base, title: 'Sundhedsaftale\u00002032' });
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/»title« indeholder et nul-tegn/) });

    // (A lone surrogate cannot travel in multipart: the form encoder sends U+FFFD for it.)
    const deep = await upload('confirm', data, { ...base, title: 'Sundhedsaftale 2032', kinds: '['.repeat(10_000) + ']'.repeat(10_000) });
    expect(deep.status).toBe(400);
    expect(deep.body).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/»kinds« er indlejret for dybt/) });

    expect(await count()).toBe(before);
  });
});
