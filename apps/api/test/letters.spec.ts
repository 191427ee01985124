import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Client } from 'pg';
import { readLetter } from '../src/letters/letter-reader';
import { ENCRYPTED_PDF } from '../src/letters/letter-text';
import { demoAgreement, DEMO_ACCOUNTS, must, openHearing, organisationId, unique } from './factories';
import { startTestApp, TestApp } from './test-app';

const POINTS = `query($h: ID!, $a: ID!) { hearingLetterPoints(hearingId: $h, attachmentId: $a) {
  attachmentId points { number text heading suggestions { blockId score text sectionTitle } } } }`;

const LETTER = [
  'Danske Patienter',
  'Kristianiagade 12, 2100 København Ø',
  '',
  'Høringssvar vedr. Sundhedsaftale 2024–2027',
  '',
  'Kære sekretariat',
  '',
  '1. Borgere med psykiske lidelser venter for længe; fokusområdet om psykisk sygdom skal have mål for ventetider.',
  '2. Kvaliteten skal være lige høj i hele regionen, uanset hvilken kommune borgeren bor i.',
  '3. Social ulighed i sundhed bør nævnes eksplicit.',
  '',
  'Med venlig hilsen',
  'Anne Andersen',
];

/**
 * Each point's most likely paragraph is about what the point is about: the psychiatric focus area (its
 * heading, its goals' heading or a paragraph of it), the principle of equal quality, and inequality.
 */
const TOP_SUGGESTIONS = [expect.stringMatching(/psykisk sygdom/i), expect.stringMatching(/samme høje (faglige )?kvalitet/i), expect.stringMatching(/lighed i sundhed/i)];

/** A PDF of the letter's lines, as a word processor would write it. */
async function letterPdf(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line.replace('–', '-'), { x: 40, y: 800 - i * 16, size: 9, font }));
  return Buffer.from(await pdf.save());
}

async function letterDocx(lines: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
  return Packer.toBuffer(doc);
}

/** A PDF whose trailer names an encryption dictionary: pdf.js asks for the password. */
async function encryptedPdf(): Promise<Buffer> {
  const plain = (await letterPdf(['Hemmeligt brev.'])).toString('latin1');
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${'00'.repeat(32)}> /U <${'11'.repeat(32)}> /P -4 >>`;
  return Buffer.from(plain.replace(/\/Root (\d+) 0 R/, `/Root $1 0 R\n${encrypt}`), 'latin1');
}

describe('letters split into points with suggested anchors, and filed as anchored comments', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let danskePatienter: string;
  let uninvited: string;
  let hearingId: string;
  let dp: string;
  let hf: string;
  let blocks: Array<{ blockId: string; text: string }>;

  const upload = async (token: string, data: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)]), name);
    const response = await fetch(`${app.url}/files/attachments`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as { id?: string; message?: string; code?: string } };
  };

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(DEMO_ACCOUNTS.hSecretariat);
    danskePatienter = await app.login(DEMO_ACCOUNTS.invitedOrganisation);
    uninvited = await app.login(DEMO_ACCOUNTS.uninvitedOrganisation);
    const demo = await demoAgreement(db);
    dp = await organisationId(db, 'Danske Patienter');
    hf = await organisationId(db, 'Hjerteforeningen');
    hearingId = (await openHearing(app, secretariat, demo.versionId, [dp, hf])).id;
    const version = await must(app, 'query($id: ID!) { hearing(id: $id) { version { blocks { blockId text } } } }', { id: hearingId }, secretariat, 'hearing');
    blocks = version.hearing.version.blocks;
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  const blockOf = (text: string) => blocks.find((b) => b.text === text)?.blockId;

  it('reads an organisation’s PDF letter into its numbered points, each with the likely paragraph first, and files them as anchored comments', async () => {
    const uploaded = await upload(danskePatienter, await letterPdf(LETTER), 'høringssvar.pdf');
    expect(uploaded.status).toBe(201);
    const split = await must(app, POINTS, { h: hearingId, a: uploaded.body.id }, danskePatienter, 'hearingLetterPoints');
    const points = split.hearingLetterPoints.points as Array<{ number: number; text: string; suggestions: Array<{ blockId: string; score: number; text: string }> }>;
    expect(points.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(points[0].text).toMatch(/^Borgere med psykiske lidelser/);
    expect(points.map((p) => p.suggestions[0].text)).toEqual(TOP_SUGGESTIONS);
    for (const point of points) {
      expect(point.suggestions.length).toBeLessThanOrEqual(3);
      expect(point.suggestions[0].score).toBeGreaterThan(0);
    }

    // The organisation confirms the first two anchors, moves the third, and files.
    const chosen = [points[0].suggestions[0].blockId, points[1].suggestions[0].blockId, blockOf('Mere samspil med borgeren')];
    const filed = await must(
      app,
      'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { id comments { blockId text } attachments { id } } }',
      { i: { hearingId, organisationId: dp, idempotencyKey: unique('brev'), comments: points.map((p, i) => ({ blockId: chosen[i], text: p.text })), publish: true, attachmentIds: [uploaded.body.id] } },
      danskePatienter,
      'submitHearingResponse',
    );
    expect(filed.submitHearingResponse.comments).toEqual(points.map((p, i) => ({ blockId: chosen[i], text: p.text })));
    expect(filed.submitHearingResponse.attachments).toEqual([{ id: uploaded.body.id }]);
  });

  it('reads a Word letter the secretariat registers on behalf of an organisation', async () => {
    const uploaded = await upload(secretariat, await letterDocx(LETTER), 'brev.docx');
    expect(uploaded.status).toBe(201);
    const split = await must(app, POINTS, { h: hearingId, a: uploaded.body.id }, secretariat, 'hearingLetterPoints');
    const points = split.hearingLetterPoints.points as Array<{ text: string; suggestions: Array<{ blockId: string; text: string }> }>;
    expect(points.map((p) => p.suggestions[0].text)).toEqual(TOP_SUGGESTIONS);
    const filed = await must(
      app,
      'mutation($i: SubmitHearingResponseInput!) { registerLateHearingResponse(input: $i) { comments { blockId } organisation { name } } }',
      { i: { hearingId, organisationId: hf, idempotencyKey: unique('brev'), comments: points.map((p) => ({ blockId: p.suggestions[0].blockId, text: p.text })), publish: false } },
      secretariat,
      'registerLateHearingResponse',
    );
    expect(filed.registerLateHearingResponse).toEqual({ organisation: { name: 'Hjerteforeningen' }, comments: points.map((p) => ({ blockId: p.suggestions[0].blockId })) });
  });

  it('attaches the letter the secretariat registers to the response: the organisation reads it, as the secretariat does; nobody else does', async () => {
    const letter = await letterPdf(LETTER);
    const uploaded = await upload(secretariat, letter, 'brev fra Danske Patienter.pdf');
    expect(uploaded.status).toBe(201);
    const letterId = uploaded.body.id as string;
    const split = await must(app, POINTS, { h: hearingId, a: letterId }, secretariat, 'hearingLetterPoints');
    const points = split.hearingLetterPoints.points as Array<{ text: string; suggestions: Array<{ blockId: string }> }>;
    const input = (attachmentIds: string[]) => ({
      hearingId,
      organisationId: dp,
      idempotencyKey: unique('brev'),
      comments: points.map((p) => ({ blockId: p.suggestions[0].blockId, text: p.text })),
      publish: false,
      attachmentIds,
    });

    // The organisation cannot file the secretariat's upload as its own.
    const own = await app.gql('mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { id } }', { i: input([letterId]) }, danskePatienter);
    expect(own.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/bilagene/) });

    const filed = await must(
      app,
      'mutation($i: SubmitHearingResponseInput!) { registerLateHearingResponse(input: $i) { id organisation { name } attachments { id fileName contentType size } } }',
      { i: input([letterId]) },
      secretariat,
      'registerLateHearingResponse',
    );
    const responseId = filed.registerLateHearingResponse.id as string;
    expect(filed.registerLateHearingResponse).toMatchObject({
      organisation: { name: 'Danske Patienter' },
      attachments: [{ id: letterId, fileName: 'brev fra Danske Patienter.pdf', contentType: 'application/pdf', size: letter.length }],
    });
    // Filed once: the same letter does not go with a second response.
    const again = await app.gql('mutation($i: SubmitHearingResponseInput!) { registerLateHearingResponse(input: $i) { id } }', { i: input([letterId]) }, secretariat);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    // Danske Patienter sees its response with the letter among its attachments, and downloads it.
    const mine = await must(app, 'query($id: ID!) { hearing(id: $id) { responses { id attachments { id url } } } }', { id: hearingId }, danskePatienter, 'hearing');
    const listed = (mine.hearing.responses as Array<{ id: string; attachments: Array<{ id: string; url: string }> }>).find((r) => r.id === responseId);
    expect(listed?.attachments.map((a) => a.id)).toEqual([letterId]);
    const download = async (token: string | undefined) => {
      const response = await fetch(`${app.url}/files/attachments/${letterId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
    };
    for (const reader of [danskePatienter, secretariat]) {
      const got = await download(reader);
      expect(got.status).toBe(200);
      expect(got.body.equals(letter)).toBe(true);
    }
    // Another organisation, a municipality of the region, another region's secretariat, nobody signed in: refused, no bytes.
    const others = [uninvited, await app.login(DEMO_ACCOUNTS.hMunicipality), await app.login(DEMO_ACCOUNTS.sSecretariat), undefined];
    for (const other of others) {
      const got = await download(other);
      expect([401, 403, 404]).toContain(got.status);
      expect(got.body.includes(letter.subarray(0, 64))).toBe(false);
    }

    // The file stays the secretariat's upload: it counts against the secretariat's organisation, not Danske Patienter's.
    const [row] = (await db.query<{ organisation_id: string }>('SELECT "organisation_id" FROM "attachments" WHERE "id" = $1', [letterId])).rows;
    const secretariatOrganisation = (await must(app, '{ me { organisation { id } } }', {}, secretariat, 'me')).me.organisation.id;
    expect(row.organisation_id).toBe(secretariatOrganisation);
    const audit = await db.query('SELECT 1 FROM "audit_log" WHERE "action" = $1 AND "entity_id" = $2', ['hearing.response.late', responseId]);
    expect(audit.rowCount).toBe(1);
  });

  it('refuses another organisation’s upload on a letter the secretariat registers', async () => {
    const theirs = await upload(uninvited, await letterPdf(LETTER), 'brev.pdf');
    expect(theirs.status).toBe(201);
    const refused = await app.gql(
      'mutation($i: SubmitHearingResponseInput!) { registerLateHearingResponse(input: $i) { id } }',
      { i: { hearingId, organisationId: hf, idempotencyKey: unique('brev'), comments: [{ text: 'Et punkt.' }], publish: false, attachmentIds: [theirs.body.id] } },
      secretariat,
    );
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'Et af bilagene findes ikke eller tilhører en anden organisation. Vedhæft det igen.' });
    expect(refused.data).toBeNull();
  });

  it('refuses an encrypted PDF with a Danish reason, and an organisation not invited', async () => {
    const uploaded = await upload(danskePatienter, await encryptedPdf(), 'låst.pdf');
    expect(uploaded.status).toBe(201);
    const refused = await app.gql(POINTS, { h: hearingId, a: uploaded.body.id }, danskePatienter);
    expect(refused.errors?.[0]).toMatchObject({ message: ENCRYPTED_PDF, extensions: { code: 'BAD_USER_INPUT' } });

    const own = await upload(uninvited, await letterPdf(LETTER), 'brev.pdf');
    const outsider = await app.gql(POINTS, { h: hearingId, a: own.body.id }, uninvited);
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(outsider.data).toBeNull();
  });

  it('refuses files that are not PDF or Word, huge files and scans without text, each with a Danish reason', async () => {
    const reason = (promise: Promise<unknown>) =>
      promise.then(
        () => 'read',
        (error: { code?: string; message: string }) => `${error.code}: ${error.message}`,
      );
    expect(await reason(readLetter(Buffer.from('Kære sekretariat, her er vores svar.')))).toBe('BAD_USER_INPUT: Kun PDF og Word (.docx) kan vedhæftes. Gem filen som PDF, og prøv igen.');
    expect(await reason(readLetter(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024)])))).toBe('BAD_USER_INPUT: Filen er større end 20 MB. Gør den mindre, eller del den op.');
    expect(await reason(readLetter(await encryptedPdf()))).toBe(`BAD_USER_INPUT: ${ENCRYPTED_PDF}`);
    expect(await reason(readLetter(await letterPdf([])))).toMatch(/^BAD_USER_INPUT: Der er ingen tekst i brevet/);
    expect(await reason(readLetter(Buffer.from('%PDF-1.4\nnonsens')))).toMatch(/^BAD_USER_INPUT: PDF-filen er beskadiget/);
    // Through the upload, a file that is no document is refused before it is stored.
    const text = await upload(danskePatienter, Buffer.from('bare tekst'), 'svar.txt');
    expect(text).toMatchObject({ status: 400, body: { message: 'Kun PDF og Word (.docx) kan vedhæftes. Gem filen som PDF, og prøv igen.' } });
  });
});
