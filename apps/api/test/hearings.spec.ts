import JSZip from 'jszip';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { acceptAndConfirm } from './invitation-codes';
import { demo, startTestApp, TestApp } from './test-app';

const OPEN = 'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id status title closesAt invitations { organisationName link } } }';
const SUBMIT = `mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) {
  id reference receivedAt late receiptUrl organisation { name } comments { blockId text } } }`;
const STATUS = 'query($id: ID!) { hearing(id: $id) { status } }';

describe('the hearing', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let versionId: string;
  let org: Record<string, string>;
  let blockIds: string[];

  const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  const open = async (invite: string[], opensAt = inMinutes(-1), closesAt = inMinutes(60)) => {
    const result = await app.gql(OPEN, { i: { versionId, opensAt, closesAt, invitedOrganisationIds: invite.map((n) => org[n]) } }, secretariat);
    expect(result.errors).toBeUndefined();
    return result.data?.openHearing as { id: string; status: string; invitations: Array<{ organisationName: string; link: string }> };
  };
  const submission = (hearingId: string, organisation: string, overrides: Record<string, unknown> = {}) => ({
    hearingId,
    organisationId: org[organisation],
    idempotencyKey: randomUUID(),
    summary: 'Vi har følgende bemærkninger.',
    comments: [
      { blockId: blockIds[1], text: 'Pårørende skal med i visionen.' },
      { blockId: blockIds[3], quote: null, text: 'Princippet bør konkretiseres.' },
    ],
    publish: true,
    ...overrides,
  });

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(demo('sekretariat'));
    const orgs = await db.query<{ id: string; name: string }>('SELECT id, name FROM organisations');
    org = Object.fromEntries(orgs.rows.map((r) => [r.name, r.id]));
    const version = await db.query<{ id: string }>(`SELECT id FROM agreement_versions WHERE label = 'Høringsudkast'`);
    versionId = version.rows[0].id;
    const blocks = await app.gql('query($id: ID!) { agreementVersion(id: $id) { blocks { blockId type text } } }', { id: versionId }, secretariat);
    blockIds = (blocks.data?.agreementVersion.blocks as Array<{ blockId: string; type: string }>).filter((b) => b.type === 'paragraph').map((b) => b.blockId);
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('moves from SCHEDULED to OPEN to CLOSED by the clock', async () => {
    const hearing = await open(['Danske Patienter'], inMinutes(10), inMinutes(20));
    expect(hearing.status).toBe('SCHEDULED');
    const status = async () => (await app.gql(STATUS, { id: hearing.id }, secretariat)).data?.hearing.status;
    const patient = await app.login(demo('patientforening'));
    const answer = () => app.gql(SUBMIT, { i: submission(hearing.id, 'Danske Patienter') }, patient);
    expect(await status()).toBe('SCHEDULED');
    expect((await answer()).errors?.[0].message).toMatch(/ikke åbnet endnu/);
    // The clock moves on by shifting the hearing's times back: the same to the service (new
    // Date()) and to the database (now()), and no test waits in real time for a deadline.
    const advance = (minutes: number) =>
      db.query(`UPDATE hearings SET opens_at = opens_at - $2 * interval '1 minute', closes_at = closes_at - $2 * interval '1 minute' WHERE id = $1`, [hearing.id, minutes]);
    await advance(15);
    expect(await status()).toBe('OPEN');
    expect((await answer()).errors).toBeUndefined();
    await advance(10);
    expect(await status()).toBe('CLOSED');
    expect((await answer()).errors?.[0].extensions?.code).toBe('DEADLINE_PASSED');
  });

  it('lets an invited organisation answer through its invitation and gives a receipt', async () => {
    const hearing = await open(['Hjerteforeningen', 'Danske Patienter']);
    const link = hearing.invitations.find((i) => i.organisationName === 'Hjerteforeningen')?.link ?? '';
    const { accepted, confirmed } = await acceptAndConfirm(app, db, link.split('/').pop() as string, 'Hanne Hjerte', 'Hanne@Hjerte.test');
    expect(accepted.errors).toBeUndefined();
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmHearingInvitation.user).toEqual({ name: 'Hanne Hjerte', email: 'hanne@hjerte.test', role: 'ORGANISATION', organisation: { name: 'Hjerteforeningen' } });
    const token = confirmed.data?.confirmHearingInvitation.token;
    const result = await app.gql(SUBMIT, { i: submission(hearing.id, 'Hjerteforeningen') }, token);
    expect(result.errors).toBeUndefined();
    const response = result.data?.submitHearingResponse;
    expect(response.reference).toMatch(/^SA24-H\d+-\d{4}$/);
    expect(response.organisation.name).toBe('Hjerteforeningen');
    expect(response.comments.map((c: { blockId: string }) => c.blockId)).toEqual([blockIds[1], blockIds[3]]);

    const receipt = await fetch(`${app.url}${response.receiptUrl}`, { headers: { authorization: `Bearer ${token}` } });
    expect(receipt.status).toBe(200);
    expect(Buffer.from(await receipt.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const stranger = await fetch(`${app.url}${response.receiptUrl}`, { headers: { authorization: `Bearer ${await app.login(demo('patientforening'))}` } });
    expect(stranger.status).toBe(403);

    const forged = await app.gql('mutation($i: AcceptInvitationInput!) { acceptHearingInvitation(input: $i) { acceptanceId } }', {
      i: { token: `${link.split('/').pop()?.slice(0, -4)}abcd`, name: 'Falsk', email: 'falsk@x.test' },
    });
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives one response under concurrent retries with the same idempotency key', async () => {
    const hearing = await open(['Danske Patienter']);
    const token = await app.login(demo('patientforening'));
    const input = submission(hearing.id, 'Danske Patienter');
    const before = await count('hearing_responses');
    const results = await Promise.all(Array.from({ length: 12 }, () => app.gql(SUBMIT, { i: input }, token)));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data?.submitHearingResponse.reference)).size).toBe(1);
    expect(new Set(results.map((r) => r.data?.submitHearingResponse.id)).size).toBe(1);
    expect(await count('hearing_responses')).toBe(before + 1);
    expect((await app.gql('query($id: ID!) { hearing(id: $id) { responseCount } }', { id: hearing.id }, secretariat)).data?.hearing.responseCount).toBe(1);
  });

  it('files a burst from several organisations at once whole, each response once with its comments, receipt and audit row, retries included', async () => {
    const names = ['Danske Patienter', 'Hjerteforeningen', 'Kræftens Bekæmpelse'].filter((name) => org[name]);
    expect(names.length).toBeGreaterThan(1);
    const hearing = await open(names);
    const people: Array<{ name: string; token: string }> = [];
    for (const name of names) {
      const email = `burst.${randomUUID().slice(0, 8)}@aftalerum.test`;
      await db.query(`INSERT INTO users (email, name, password_hash, role, organisation_id) SELECT $1, 'Burst', password_hash, 'ORGANISATION', $2 FROM users WHERE email = $3`, [
        email,
        org[name],
        demo('patientforening'),
      ]);
      people.push({ name, token: await app.login(email) });
    }
    const inputs = people.flatMap(({ name, token }) => Array.from({ length: 8 }, () => ({ token, input: submission(hearing.id, name) })));
    // Every filing twice, all at once: the retries must find the first receipt.
    const results = await Promise.all([...inputs, ...inputs].map(({ token, input }) => app.gql(SUBMIT, { i: input }, token)));
    for (const result of results) expect(result.errors).toBeUndefined();
    const references = results.map((r) => r.data?.submitHearingResponse.reference as string);
    expect(references.slice(0, inputs.length)).toEqual(references.slice(inputs.length));
    expect(new Set(references).size).toBe(inputs.length);
    const stored = await db.query<{ responses: number; comments: number; audited: number }>(
      `SELECT count(DISTINCT r.id)::int AS responses, count(c.id)::int AS comments,
              (SELECT count(*)::int FROM audit_log a WHERE a.action = 'hearing.response.submit' AND a.entity_id IN (SELECT id::text FROM hearing_responses WHERE hearing_id = $1)) AS audited
         FROM hearing_responses r JOIN hearing_comments c ON c.response_id = r.id WHERE r.hearing_id = $1`,
      [hearing.id],
    );
    expect(stored.rows[0]).toEqual({ responses: inputs.length, comments: inputs.length * 2, audited: inputs.length });
  });

  it('refuses uninvited and wrong-organisation users, and comments on unknown blocks, writing nothing', async () => {
    const hearing = await open(['Danske Patienter']);
    const before = await count('hearing_responses');
    const nurse = await app.login(demo('faglig.organisation'));
    const uninvited = await app.gql(SUBMIT, { i: submission(hearing.id, 'Dansk Sygeplejeråd, Kreds Hovedstaden') }, nurse);
    expect(uninvited.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(uninvited.errors?.[0].message).toMatch(/ikke inviteret/);
    const patient = await app.login(demo('patientforening'));
    const wrongOrg = await app.gql(SUBMIT, { i: submission(hearing.id, 'Hjerteforeningen') }, patient);
    expect(wrongOrg.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badBlock = await app.gql(SUBMIT, { i: submission(hearing.id, 'Danske Patienter', { comments: [{ blockId: 'no-such-block', text: 'x' }] }) }, patient);
    expect(badBlock.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badBlock.errors?.[0].message).toMatch(/Kommentar 1 peger på et afsnit, der ikke findes/);
    const badQuote = await app.gql(SUBMIT, { i: submission(hearing.id, 'Danske Patienter', { comments: [{ blockId: blockIds[1], quote: 'ikke i teksten', text: 'x' }] }) }, patient);
    expect(badQuote.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('hearing_responses')).toBe(before);
    const anonymous = await app.gql(SUBMIT, { i: submission(hearing.id, 'Danske Patienter') });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses after the deadline, lets the secretariat register a late response, and logs an extension', async () => {
    const hearing = await open(['Danske Patienter']);
    await db.query(`UPDATE hearings SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 minute' WHERE id = $1`, [hearing.id]);
    const patient = await app.login(demo('patientforening'));
    const late = await app.gql(SUBMIT, { i: submission(hearing.id, 'Danske Patienter') }, patient);
    expect(late.errors?.[0].extensions?.code).toBe('DEADLINE_PASSED');
    expect(late.errors?.[0].message).toMatch(/Høringsfristen er overskredet/);

    const registered = await app.gql(
      'mutation($i: SubmitHearingResponseInput!) { registerLateHearingResponse(input: $i) { late reference } }',
      { i: submission(hearing.id, 'Danske Patienter') },
      secretariat,
    );
    expect(registered.data?.registerLateHearingResponse.late).toBe(true);
    const notSecretariat = await app.gql('mutation($i: SubmitHearingResponseInput!) { registerLateHearingResponse(input: $i) { late } }', { i: submission(hearing.id, 'Danske Patienter') }, patient);
    expect(notSecretariat.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const extended = await app.gql(
      'mutation($i: ExtendHearingDeadlineInput!) { extendHearingDeadline(input: $i) { status deadlineChanges { reason } } }',
      { i: { hearingId: hearing.id, closesAt: inMinutes(30), reason: 'Sommerferie' } },
      secretariat,
    );
    expect(extended.data?.extendHearingDeadline).toEqual({ status: 'OPEN', deadlineChanges: [{ reason: 'Sommerferie' }] });
    const onTime = await app.gql(SUBMIT, { i: submission(hearing.id, 'Danske Patienter') }, patient);
    expect(onTime.data?.submitHearingResponse.late).toBe(false);
    expect((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'hearing.extend-deadline' AND entity_id = $1`, [hearing.id])).rows[0].n).toBe(1);
  });

  describe('attachments', () => {
    const upload = async (token: string, data: Buffer, filename: string) => {
      const form = new FormData();
      form.append('file', new Blob([data]), filename);
      const response = await fetch(`${app.url}/files/attachments`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as { id?: string; message?: string; contentType?: string } };
    };

    it('accepts a PDF and a Word document by their content and links them to the response', async () => {
      const token = await app.login(demo('patientforening'));
      const pdf = await upload(token, Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF'), 'bemærkninger.pdf');
      expect(pdf).toMatchObject({ status: 201, body: { contentType: 'application/pdf' } });
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<Types/>');
      zip.file('word/document.xml', '<w:document/>');
      const docx = await upload(token, await zip.generateAsync({ type: 'nodebuffer' }), 'svar.docx');
      expect(docx).toMatchObject({ status: 201, body: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
      const hearing = await open(['Danske Patienter']);
      const result = await app.gql(SUBMIT, { i: submission(hearing.id, 'Danske Patienter', { attachmentIds: [pdf.body.id, docx.body.id] }) }, token);
      expect(result.errors).toBeUndefined();
      const linked = await db.query('SELECT count(*)::int AS n FROM hearing_response_attachments WHERE response_id = $1', [result.data?.submitHearingResponse.id]);
      expect(linked.rows[0].n).toBe(2);
    });

    it.each([
      ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'billede.pdf', 400, /Kun PDF og Word/],
      ['a renamed executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]), 'høringssvar.pdf', 400, /et program, ikke et dokument/],
      ['a plain ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'svar.docx', 400, /beskadiget|ZIP-fil/],
      ['a file over 20 MB', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(20 * 1024 * 1024 + 10, 32)]), 'stor.pdf', 413, /større end 20 MB/],
    ])('refuses %s with a clear message and stores nothing', async (_what, data, filename, status, message) => {
      const token = await app.login(demo('patientforening'));
      const before = await count('attachments');
      const result = await upload(token, data, filename);
      expect(result.status).toBe(status);
      expect(result.body.message).toMatch(message);
      expect(await count('attachments')).toBe(before);
    });
  });

  describe('processing and the memo (demo hearing)', () => {
    let demoHearing: string;
    beforeAll(async () => {
      demoHearing = (await db.query(`SELECT id FROM hearings WHERE title = 'Bred høring over Sundhedsaftale 2024–2027'`)).rows[0].id;
    });

    it('shows the comments per block and finds them with Danish full-text search', async () => {
      const result = await app.gql(
        `query($id: ID!) { hearing(id: $id) { status responseCount blockCommentCounts { blockId comments answered }
          comments(search: "pårørende") { text organisation { name } } unanswered: comments(unanswered: true) { text } } }`,
        { id: demoHearing },
        secretariat,
      );
      expect(result.errors).toBeUndefined();
      const hearing = result.data?.hearing;
      expect(hearing.status).toBe('CLOSED');
      expect(hearing.responseCount).toBe(12);
      expect(hearing.blockCommentCounts.reduce((sum: number, b: { comments: number }) => sum + b.comments, 0)).toBe(13);
      expect(hearing.comments).toEqual([{ text: expect.stringMatching(/^Pårørende bør nævnes/), organisation: { name: 'Danske Patienter' } }]);
      // The demo hearing is fully processed: every comment has its answer.
      expect(hearing.unanswered.map((c: { text: string }) => c.text)).toEqual([]);
      const patient = await app.login(demo('patientforening'));
      const refused = await app.gql('query($id: ID!) { hearing(id: $id) { comments { text } } }', { id: demoHearing }, patient);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('answers a point, and the memo (HTML and DOCX) holds every organisation and every reply, inert to markup', async () => {
      const comment = (await db.query(`SELECT id FROM hearing_comments WHERE text LIKE 'Der bør være et konkret mål%'`)).rows[0].id;
      const reply = await app.gql(
        'mutation($i: ReplyInput!) { replyToHearingComment(input: $i) { reply outcome } }',
        { i: { commentId: comment, reply: 'Målet indgår i arbejdsplanen. <script>alert(1)</script>', outcome: 'PARTLY_INCORPORATED' } },
        secretariat,
      );
      expect(reply.data?.replyToHearingComment).toEqual({ reply: 'Målet indgår i arbejdsplanen. <script>alert(1)</script>', outcome: 'PARTLY_INCORPORATED' });
      const memo = await app.gql('query($id: ID!) { hearingMemo(hearingId: $id) { html docxUrl } }', { id: demoHearing }, secretariat);
      const html: string = memo.data?.hearingMemo.html;
      for (const name of ['Danske Patienter', 'Hjerteforeningen', 'SIND – Landsforeningen for psykisk sundhed', 'Dansk Sygeplejeråd, Kreds Hovedstaden']) expect(html).toContain(name);
      expect(html).toContain('Målet indgår i arbejdsplanen. &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>');
      expect(html.indexOf('Mere samspil med borgeren')).toBeLessThan(html.indexOf('Fælles kompetenceudvikling'));

      const docx = await fetch(`${app.url}${memo.data?.hearingMemo.docxUrl}`, { headers: { authorization: `Bearer ${secretariat}` } });
      expect(docx.status).toBe(200);
      const xml = await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))).file('word/document.xml')?.async('string');
      const replies = (await db.query<{ reply: string }>('SELECT reply FROM hearing_comments WHERE reply IS NOT NULL')).rows.map((r) => r.reply);
      for (const name of ['Danske Patienter', 'Hjerteforeningen', 'SIND – Landsforeningen for psykisk sundhed', 'Dansk Sygeplejeråd, Kreds Hovedstaden']) {
        expect(xml).toContain(name);
      }
      for (const text of replies) expect(xml).toContain(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      const pdfUrl = (await app.gql('query($id: ID!) { hearingMemo(hearingId: $id) { pdfUrl } }', { id: demoHearing }, secretariat)).data?.hearingMemo.pdfUrl;
      const pdf = await fetch(`${app.url}${pdfUrl}`, { headers: { authorization: `Bearer ${secretariat}` } });
      const pdfBytes = Buffer.from(await pdf.arrayBuffer());
      expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfBytes.length).toBeGreaterThan(2_000);
      const patient = await fetch(`${app.url}${memo.data?.hearingMemo.docxUrl}`, { headers: { authorization: `Bearer ${await app.login(demo('patientforening'))}` } });
      expect(patient.status).toBe(403);
    });

    it('publishes consenting responses on the public page without personal names', async () => {
      const result = await app.gql(
        'query($id: ID!) { publicHearing(id: $id) { status closesAt publishedResponses { organisationName reference summary comments { text } } } }',
        { id: demoHearing },
      );
      expect(result.errors).toBeUndefined();
      const names = result.data?.publicHearing.publishedResponses.map((r: { organisationName: string }) => r.organisationName);
      expect(names).toEqual([
        'Bornholms Regionskommune',
        'Dansk Sygeplejeråd, Kreds Hovedstaden',
        'Danske Fysioterapeuter',
        'Danske Patienter',
        'Gladsaxe Kommune',
        'Hjerteforeningen',
        'Lægeforeningen',
        'PLO-Hovedstaden',
        'Region Hovedstadens Psykiatri',
        'Rigshospitalet',
        'Ældre Sagen',
      ]);
      expect(JSON.stringify(result.data)).not.toContain('Demo-bruger');
      expect(JSON.stringify(result.data)).not.toContain('SIND');
    });
  });

  it('keeps submitted responses immutable in the database', async () => {
    await expect(db.query(`UPDATE hearing_responses SET summary = 'ændret'`)).rejects.toThrow(/immutable/);
    await expect(db.query('DELETE FROM hearing_responses')).rejects.toThrow(/never deleted/);
    await expect(db.query(`UPDATE hearing_comments SET text = 'ændret'`)).rejects.toThrow(/immutable/);
  });
});
