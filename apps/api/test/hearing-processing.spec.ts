import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { createVersion, demoAgreement, DEMO_ACCOUNTS, must, openHearing, organisationId, submitResponse, TINY_PDF } from './factories';
import { pdfFonts, pdfText } from './poppler';
import { startTestApp, TestApp } from './test-app';

/** The lines of a PDF's text as a reader extracts them (pdftotext), and every font embedded. */
function pdfTexts(pdf: Buffer): string[] {
  expect(pdfFonts(pdf).filter((font) => !font.embedded)).toEqual([]);
  return pdfText(pdf)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const RESPONSE = `query($id: ID!) { hearing(id: $id) { responses { id reference summary reply outcome sender sha256 filedText
  attachments { id fileName contentType size url } comments { id text } } } }`;
const REPLY = 'mutation($i: ResponseReplyInput!) { replyToHearingResponse(input: $i) { id reply outcome repliedAt } }';

describe('processing a hearing: attachments, answers to general remarks, the memo, the receipt, the public page', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let danskePatienter: string;
  let agreementId: string;
  let hearingId: string;
  let responseId: string;
  let attachmentId: string;
  let links: Map<string, { id: string; link: string }>;

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(DEMO_ACCOUNTS.hSecretariat);
    danskePatienter = await app.login(DEMO_ACCOUNTS.invitedOrganisation);
    const demo = await demoAgreement(db);
    agreementId = demo.id;
    const invited = [await organisationId(db, 'Danske Patienter'), await organisationId(db, 'Hjerteforeningen')];
    const hearing = await openHearing(app, secretariat, demo.versionId, invited);
    hearingId = hearing.id;
    links = hearing.invitations;
    const filed = await submitResponse(app, danskePatienter, hearingId, invited[0]);
    responseId = filed.id;
    attachmentId = filed.attachmentId;
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  const responseAs = async (token: string) => {
    const result = await app.gql(RESPONSE, { id: hearingId }, token);
    return { errors: result.errors, response: (result.data?.hearing?.responses as Array<Record<string, unknown>> | undefined)?.find((r) => r.id === responseId) };
  };

  it('lists the attachments on the response for the secretariat and the submitting organisation, and both can download them', async () => {
    for (const token of [secretariat, danskePatienter]) {
      const { errors, response } = await responseAs(token);
      expect(errors).toBeUndefined();
      expect(response?.attachments).toEqual([{ id: attachmentId, fileName: 'bemærkninger.pdf', contentType: 'application/pdf', size: TINY_PDF.length, url: `/files/attachments/${attachmentId}` }]);
      const download = await fetch(`${app.url}/files/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${token}` } });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(TINY_PDF)).toBe(true);
    }
  });

  it('refuses the attachments to a third party: another organisation and another region’s secretariat', async () => {
    for (const email of [DEMO_ACCOUNTS.uninvitedOrganisation, DEMO_ACCOUNTS.sSecretariat]) {
      const token = await app.login(email);
      const { errors, response } = await responseAs(token);
      expect(response).toBeUndefined();
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(errors?.[0]?.extensions?.code);
      const download = await fetch(`${app.url}/files/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${token}` } });
      expect(download.status).toBe(403);
    }
  });

  it('answers the general remarks: audited, shown in processing and in the memo instead of "Ikke besvaret endnu"', async () => {
    const before = await must(app, 'query($id: ID!) { hearingMemo(hearingId: $id) { html } }', { id: hearingId }, secretariat, 'memo');
    expect(before.hearingMemo.html).toContain('Ikke besvaret endnu');
    const refused = await app.gql(REPLY, { i: { responseId, reply: 'Tak.', outcome: 'NOTED' } }, danskePatienter);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await app.gql(REPLY, { i: { responseId, reply: 'Tak.', outcome: 'MAYBE' } }, secretariat);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const replied = await must(app, REPLY, { i: { responseId, reply: 'Pårørende er nu nævnt i visionen.', outcome: 'INCORPORATED' } }, secretariat, 'reply');
    expect(replied.replyToHearingResponse).toMatchObject({ id: responseId, reply: 'Pårørende er nu nævnt i visionen.', outcome: 'INCORPORATED' });
    const audit = await db.query(`SELECT actor_id, data FROM audit_log WHERE action = 'hearing.response.reply' AND entity_id = $1`, [responseId]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].data).toEqual({ outcome: 'INCORPORATED' });
    const { response } = await responseAs(danskePatienter);
    expect(response).toMatchObject({ reply: 'Pårørende er nu nævnt i visionen.', outcome: 'INCORPORATED' });
    const memo = await must(app, 'query($id: ID!) { hearingMemo(hearingId: $id) { html } }', { id: hearingId }, secretariat, 'memo');
    const general = memo.hearingMemo.html.slice(memo.hearingMemo.html.indexOf('Generelle bemærkninger'));
    expect(general).toContain('Vi har bemærkninger.');
    expect(general).toContain('Pårørende er nu nævnt i visionen.');
    expect(general).toContain('Udfald: Indarbejdet');
  });

  it('the memo names the invited parties that did not answer, says "Kvitteringsnummer" and quotes with »…«', async () => {
    const memo = await must(app, 'query($id: ID!) { hearingMemo(hearingId: $id) { html } }', { id: hearingId }, secretariat, 'memo');
    expect(memo.hearingMemo.html).toMatch(/Ikke svaret:<\/strong> Hjerteforeningen\./);
    expect(memo.hearingMemo.html).toContain('Kvitteringsnummer');
    expect(memo.hearingMemo.html.toLowerCase()).not.toContain('journalnummer');
    const pdf = await fetch(`${app.url}/files/hearings/${hearingId}/memo.pdf`, { headers: { authorization: `Bearer ${secretariat}` } });
    const texts = pdfTexts(Buffer.from(await pdf.arrayBuffer())).join('\n');
    expect(texts).toContain('Ikke svaret: Hjerteforeningen.');
    expect(texts).not.toMatch(/"/);
  });

  it('compares the hearing draft with the latest version someone named, never a safety version, or with the one chosen', async () => {
    const named = await createVersion(app, secretariat, agreementId, 'Efter høringen');
    const safety = await createVersion(app, secretariat, agreementId, 'Før import af aftale.docx');
    const defaults = await must(app, 'query($id: ID!) { hearingMemo(hearingId: $id) { comparedWith comparedVersionId } hearing(id: $id) { memoDefaultVersionId memoComparableVersions { id } } }', { id: hearingId }, secretariat, 'memo');
    expect(defaults.hearingMemo.comparedVersionId).toBe(named);
    expect(defaults.hearingMemo.comparedWith).toMatch(/\(Efter høringen\)$/);
    expect(defaults.hearing.memoDefaultVersionId).toBe(named);
    expect(defaults.hearing.memoComparableVersions.map((v: { id: string }) => v.id)).toEqual(expect.arrayContaining([named, safety]));
    const chosen = await must(app, 'query($id: ID!, $v: ID) { hearingMemo(hearingId: $id, compareWithVersionId: $v) { comparedVersionId docxUrl html } }', { id: hearingId, v: safety }, secretariat, 'memo');
    expect(chosen.hearingMemo.comparedVersionId).toBe(safety);
    expect(chosen.hearingMemo.html).toContain('Før import af aftale.docx');
    expect(chosen.hearingMemo.docxUrl).toBe(`/files/hearings/${hearingId}/memo.docx?compareWith=${safety}`);
    const docx = await fetch(`${app.url}${chosen.hearingMemo.docxUrl}`, { headers: { authorization: `Bearer ${secretariat}` } });
    expect(docx.status).toBe(200);
    const foreign = await app.gql('query($id: ID!, $v: ID) { hearingMemo(hearingId: $id, compareWithVersionId: $v) { html } }', { id: hearingId, v: 'not-a-version' }, secretariat);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the receipt: Kvitteringsnummer, the sender, the hearing draft’s version, the comments as filed and a verifiable SHA-256', async () => {
    const { response } = await responseAs(danskePatienter);
    const filed = JSON.parse(response?.filedText as string);
    // The canonical text, rebuilt from what the organisation sent, hashes to the receipt's sum.
    const attachment = createHash('sha256').update(TINY_PDF).digest('hex');
    const [{ received_at: receivedAt }] = (await db.query('SELECT received_at FROM hearing_responses WHERE id = $1', [responseId])).rows;
    const rebuilt = JSON.stringify({
      format: 'aftalerum/hearing-response/1',
      reference: response?.reference,
      hearingId,
      organisationId: await organisationId(db, 'Danske Patienter'),
      receivedAt: new Date(receivedAt).toISOString(),
      summary: 'Vi har bemærkninger.',
      publish: true,
      late: false,
      comments: [{ position: 1, blockId: null, quote: null, text: 'Pårørende bør nævnes.' }],
      attachments: [{ fileName: 'bemærkninger.pdf', sha256: attachment }],
    });
    expect(response?.filedText).toBe(rebuilt);
    expect(response?.sender).toBe('Sekretariatet for Sundhedssamarbejdsudvalget (SSU), Region Hovedstaden');
    expect(filed.comments).toHaveLength(1);
    const sha256 = createHash('sha256').update(rebuilt, 'utf8').digest('hex');
    expect(response?.sha256).toBe(sha256);
    // The reply is not part of what was filed: the sum stayed the same after the secretariat answered.
    expect(response?.reply).toBeTruthy();

    const pdf = await fetch(`${app.url}/files/hearing-responses/${responseId}/receipt.pdf`, { headers: { authorization: `Bearer ${danskePatienter}` } });
    const texts = pdfTexts(Buffer.from(await pdf.arrayBuffer()));
    const version = (await db.query('SELECT v.number, v.label FROM hearings h JOIN agreement_versions v ON v.id = h.version_id WHERE h.id = $1', [hearingId])).rows[0];
    expect(texts).toEqual(
      expect.arrayContaining([
        `Kvitteringsnummer: ${response?.reference}`,
        'Afsender: Sekretariatet for Sundhedssamarbejdsudvalget (SSU), Region Hovedstaden',
        `Høringsudkast: version ${version.number}, ${version.label}`,
        'Vi har bemærkninger.',
        '1. Generel bemærkning',
        'Pårørende bør nævnes.',
        sha256,
      ]),
    );
    expect(texts.join('\n').toLowerCase()).not.toContain('journalnummer');
  });

  it('an invitation link’s landing page names the organisation, the hearing and the deadline; a withdrawn link names nothing', async () => {
    const PREVIEW = 'query($t: String!) { invitationPreview(token: $t) { hearingId organisationName hearingTitle agreementTitle closesAt status } }';
    const hjerte = links.get(await organisationId(db, 'Hjerteforeningen')) as { id: string; link: string };
    const token = hjerte.link.split('/').pop();
    const preview = await must(app, PREVIEW, { t: token }, undefined, 'preview');
    const hearing = (await db.query('SELECT title, closes_at FROM hearings WHERE id = $1', [hearingId])).rows[0];
    expect(preview.invitationPreview).toEqual({
      hearingId,
      organisationName: 'Hjerteforeningen',
      hearingTitle: hearing.title,
      agreementTitle: expect.any(String),
      closesAt: new Date(hearing.closes_at).toISOString(),
      status: 'OPEN',
    });
    expect((await must(app, PREVIEW, { t: `${token}x` }, undefined, 'preview')).invitationPreview).toBeNull();
    await must(app, 'mutation($id: ID!) { withdrawHearingInvitation(invitationId: $id) { id } }', { id: hjerte.id }, secretariat, 'withdraw');
    expect((await must(app, PREVIEW, { t: token }, undefined, 'preview')).invitationPreview).toBeNull();
  });

  it('the hearings list knows the organisation has answered, with the response as filed', async () => {
    const mine = await must(app, '{ hearings { id myResponse { id reference receiptUrl comments { text } } } }', {}, danskePatienter, 'hearings');
    const listed = mine.hearings.find((h: { id: string }) => h.id === hearingId);
    expect(listed.myResponse).toMatchObject({ id: responseId, receiptUrl: `/files/hearing-responses/${responseId}/receipt.pdf`, comments: [{ text: 'Pårørende bør nævnes.' }] });
    const other = await app.login(DEMO_ACCOUNTS.uninvitedOrganisation);
    const theirs = await must(app, '{ hearings { id myResponse { id } } }', {}, other, 'hearings');
    expect(theirs.hearings.find((h: { id: string }) => h.id === hearingId)).toBeUndefined();
  });

  it('the public page shows the replies and the memo once published, not before', async () => {
    const PUBLIC = `query($id: ID!) { publicHearing(id: $id) { memoPublishedAt memoHtml publishedResponses { reference reply outcome comments { text reply } } } }`;
    const early = await app.gql('mutation($i: PublishHearingMemoInput!) { publishHearingMemo(input: $i) { id } }', { i: { hearingId } }, secretariat);
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await db.query(`UPDATE hearings SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 minute' WHERE id = $1`, [hearingId]);
    const closed = await must(app, PUBLIC, { id: hearingId }, undefined, 'public');
    expect(closed.publicHearing).toMatchObject({ memoPublishedAt: null, memoHtml: null });
    expect(closed.publicHearing.publishedResponses[0]).toMatchObject({ reply: null, outcome: null });
    const refused = await app.gql('mutation($i: PublishHearingMemoInput!) { publishHearingMemo(input: $i) { id } }', { i: { hearingId } }, danskePatienter);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await must(app, 'mutation($i: PublishHearingMemoInput!) { publishHearingMemo(input: $i) { id memoPublishedAt } }', { i: { hearingId } }, secretariat, 'publish');
    const published = await must(app, PUBLIC, { id: hearingId }, undefined, 'public');
    expect(published.publicHearing.memoPublishedAt).toBeTruthy();
    expect(published.publicHearing.memoHtml).toContain('Høringsnotat');
    expect(published.publicHearing.memoHtml).toContain('Pårørende er nu nævnt i visionen.');
    expect(published.publicHearing.publishedResponses[0]).toMatchObject({ reply: 'Pårørende er nu nævnt i visionen.', outcome: 'INCORPORATED' });
    expect((await db.query(`SELECT 1 FROM audit_log WHERE action = 'hearing.memo.publish' AND entity_id = $1`, [hearingId])).rows).toHaveLength(1);
  });
});
