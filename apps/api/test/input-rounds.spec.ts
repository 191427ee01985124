import JSZip from 'jszip';
import { Client } from 'pg';
import { connectCollab, paragraphText, waitFor } from './collab-client';
import { demo, startTestApp, TestApp } from './test-app';

const OPEN = `mutation($i: OpenInputRoundInput!) { openInputRound(input: $i) {
  id title status deadline participants { name submitted cluster { id name } organisation { name } } } }`;
const ITEM_FIELDS = 'id position blockId theme text level section { id title kind live } assessment { outcome reason version { id number } }';
const SUBMIT = `mutation($i: SubmitClusterInputInput!) { submitClusterInput(input: $i) {
  id number status submittedAt submittedByName supersedesId meetingDate meetingItem cluster { id name } organisation { name } items { ${ITEM_FIELDS} } } }`;
const SAVE = 'mutation($i: SaveClusterInputDraftInput!) { saveClusterInputDraft(input: $i) { id status submittedAt number items { theme blockId } } }';
const EXTEND = 'mutation($i: ExtendInputRoundDeadlineInput!) { extendInputRoundDeadline(input: $i) { id deadline deadlineChanges { participantName reason } } }';
const ASSESS = `mutation($i: AssessInputItemInput!) { assessInputItem(input: $i) { ${ITEM_FIELDS} } }`;
const ROUND = `query($id: ID!, $all: Boolean!) { inputRound(id: $id) {
  id title status canManage
  myParticipation { name deadline extended submitted }
  myDraft { id status items { theme } }
  participants { name submitted submissions extended cluster { name } }
  inputs(includeSuperseded: $all) { id number status cluster { name } items { ${ITEM_FIELDS} } } } }`;
const MATRIX = `query($id: ID!) { inputRound(id: $id) { matrix { total
  sections { sectionId title kind total } rows { name counts total submitted } themes { theme count participants } } } }`;
const FOR_BLOCKS = `query($a: ID!, $b: [ID!]!) { inputItemsForBlocks(agreementId: $a, blockIds: $b) {
  id blockId theme section { title live } input { status cluster { name } round { title } } } }`;

interface ClusterRow {
  id: string;
  name: string;
  organisation_id: string;
}

describe('cluster input rounds', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let midt: string;
  let agreementId: string;
  let clusters: Record<string, ClusterRow>;
  let sections: Array<{ blockId: string; kind: string; title: string }>;
  let focusArea: { blockId: string; title: string };

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, params)).rows[0].n;
  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  const open = async (overrides: Record<string, unknown> = {}) => {
    const result = await app.gql(
      OPEN,
      {
        i: {
          agreementId,
          title: 'Supplerende input',
          description: 'Klyngerne bedes give input til fokusområderne.',
          deadline: inMinutes(60),
          clusterIds: ['Nord', 'Midt', 'Syd', 'Byen', 'Bornholm'].map((n) => clusters[n].id),
          ...overrides,
        },
      },
      secretariat,
    );
    expect(result.errors).toBeUndefined();
    return result.data?.openInputRound as { id: string; participants: Array<{ name: string; submitted: boolean }> };
  };
  const submission = (roundId: string, cluster: string, overrides: Record<string, unknown> = {}) => ({
    roundId,
    clusterId: clusters[cluster].id,
    meetingDate: '2023-01-12',
    meetingItem: 'Punkt 4: Input til sundhedsaftalen',
    items: [
      { blockId: focusArea.blockId, theme: 'Mental trivsel', text: 'Børn og unges mentale trivsel skal fylde mere.', level: 'POLITICAL' },
      { theme: 'Rekruttering', text: 'Rekruttering og fastholdelse af personale.', level: 'PROFESSIONAL' },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    app = await startTestApp({ SUBMIT_RATE_PER_MINUTE: '1000' });
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(demo('sekretariat'));
    midt = await app.login(demo('klynge.midt'));
    const rows = await db.query<ClusterRow>(`SELECT c.id, c.name, c.organisation_id FROM clusters c JOIN regions r ON r.id = c.region_id WHERE r.code = 'H'`);
    clusters = Object.fromEntries(rows.rows.map((r) => [r.name, r]));
    const agreements = await app.gql('{ agreements { id title sections { blockId kind title } } }', {}, secretariat);
    const agreement = (agreements.data?.agreements as Array<{ id: string; title: string; sections: typeof sections }>).find((a) => a.title.includes('Region Hovedstaden'));
    agreementId = agreement?.id ?? '';
    sections = agreement?.sections ?? [];
    focusArea = sections.find((s) => s.title === 'Sammen om børn og unges sundhed') as typeof focusArea;
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  describe('the demo round (seed 001)', () => {
    let roundId: string;
    beforeAll(async () => {
      const result = await app.gql('query($id: ID!) { agreement(id: $id) { inputRounds { id title status deadline } } }', { id: agreementId }, secretariat);
      const rounds = result.data?.agreement.inputRounds as Array<{ id: string; title: string; status: string; deadline: string }>;
      const demoRound = rounds.find((r) => r.title === 'Klyngernes ønsker til Sundhedsaftale 2024–2027');
      expect(demoRound).toMatchObject({ status: 'CLOSED', deadline: '2023-02-01T22:59:00.000Z' });
      roundId = demoRound?.id ?? '';
    });

    it('holds every Hovedstaden cluster’s input, tied to the sections the text names', async () => {
      const result = await app.gql(MATRIX, { id: roundId }, secretariat);
      expect(result.errors).toBeUndefined();
      const matrix = result.data?.inputRound.matrix as {
        total: number;
        sections: Array<{ title: string; kind: string | null; total: number }>;
        rows: Array<{ name: string; counts: number[]; total: number; submitted: boolean }>;
        themes: Array<{ theme: string; participants: string[] }>;
      };
      expect(matrix.rows.map((r) => r.name)).toEqual(['Sundhedsklynge Bornholm', 'Sundhedsklynge Byen', 'Sundhedsklynge Midt', 'Sundhedsklynge Nord', 'Sundhedsklynge Syd']);
      expect(matrix.rows.every((r) => r.submitted)).toBe(true);
      const cell = (cluster: string, section: string) => {
        const row = matrix.rows.find((r) => r.name === `Sundhedsklynge ${cluster}`);
        return row?.counts[matrix.sections.findIndex((s) => s.title === section)];
      };
      expect(cell('Syd', 'Sammen om borgere med psykisk sygdom')).toBe(1);
      expect(cell('Byen', 'Sammen om børn og unges sundhed')).toBe(1);
      expect(cell('Bornholm', 'Fælles populationsansvar')).toBe(1);
      expect(cell('Bornholm', 'Mere lighed i sundhed')).toBe(1);
      expect(cell('Midt', 'Sammen om ældre og borgere med kronisk sygdom')).toBe(1);
      expect(matrix.rows.find((r) => r.name === 'Sundhedsklynge Nord')?.total).toBe(7);
      expect(matrix.total).toBe(23);
      const row = (name: string) => matrix.rows.find((r) => r.name === name) as { counts: number[]; total: number };
      expect(matrix.sections.reduce((sum, s) => sum + s.total, 0)).toBe(23);
      expect(row('Sundhedsklynge Syd').counts.reduce((a, b) => a + b, 0)).toBe(row('Sundhedsklynge Syd').total);
      expect(matrix.themes.find((t) => t.theme === 'Lighed i sundhed')?.participants).toEqual(['Sundhedsklynge Bornholm', 'Sundhedsklynge Byen']);
      expect(matrix.themes.find((t) => t.theme === 'Forebyggelse')?.participants).toEqual(['Sundhedsklynge Byen', 'Sundhedsklynge Midt']);

      const midtInput = await app.gql(ROUND, { id: roundId, all: false }, midt);
      const own = midtInput.data?.inputRound.inputs as Array<{ cluster: { name: string }; items: Array<{ level: string | null }> }>;
      expect(own.map((i) => i.cluster.name)).toEqual(['Midt']);
      expect(own[0].items.filter((i) => i.level === 'POLITICAL')).toHaveLength(2);
    });

    it('exports the round as a DOCX that names every cluster, for the secretariat only', async () => {
      const round = await app.gql('query($id: ID!) { inputRound(id: $id) { docxUrl } }', { id: roundId }, secretariat);
      const url = `${app.url}${round.data?.inputRound.docxUrl}`;
      expect(url).toMatch(/\/files\/input-rounds\/[0-9a-f-]+\.docx$/);
      const response = await fetch(url, { headers: { authorization: `Bearer ${secretariat}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/wordprocessingml/);
      const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      for (const name of ['Nord', 'Midt', 'Syd', 'Byen', 'Bornholm']) expect(xml).toContain(`Sundhedsklynge ${name}`);
      expect(xml).toContain('Fokusområde: Sammen om borgere med psykisk sygdom');
      expect(xml).toContain('Indarbejdet');
      // A theme one cluster raised once is "1 punkt", not "1 punkter".
      expect(xml).toMatch(/: 1 punkt fra /);
      expect(xml).not.toMatch(/\b1 punkter\b/);
      // The title's "ø" survives in the saved file's name (RFC 5987), with an ASCII name for old clients.
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="input-klyngernes-oensker-til-sundhedsaftale-2024-2027.docx"; filename*=UTF-8''input-klyngernes-%C3%B8nsker-til-sundhedsaftale-2024-2027.docx`,
      );

      expect((await fetch(url, { headers: { authorization: `Bearer ${midt}` } })).status).toBe(403);
      expect((await fetch(url)).status).toBe(401);
      const missing = await fetch(`${app.url}/files/input-rounds/00000000-0000-4000-8000-000000000000.docx`, { headers: { authorization: `Bearer ${secretariat}` } });
      expect(missing.status).toBe(404);
    });

    it('refuses a submission after its deadline', async () => {
      const before = await count('cluster_inputs');
      const late = await app.gql(SUBMIT, { i: submission(roundId, 'Midt') }, midt);
      expect(late.errors?.[0].extensions?.code).toBe('DEADLINE_PASSED');
      expect(late.errors?.[0].message).toMatch(/Fristen for input var 1\. februar 2023/);
      expect(await count('cluster_inputs')).toBe(before);
    });
  });

  it('opens a round for the region’s clusters and other organisations; refuses bad rounds and writing nothing', async () => {
    const [patients] = (await db.query<{ id: string }>(`SELECT id FROM organisations WHERE name = 'Danske Patienter'`)).rows;
    const round = await open({ organisationIds: [patients.id, clusters.Midt.organisation_id] });
    expect(round.participants.map((p) => p.name)).toEqual([
      'Sundhedsklynge Bornholm',
      'Sundhedsklynge Byen',
      'Sundhedsklynge Midt',
      'Sundhedsklynge Nord',
      'Sundhedsklynge Syd',
      'Danske Patienter',
    ]);
    expect(await count('input_round_participants', 'round_id = $1', [round.id])).toBe(6);
    expect(await count('audit_log', `action = 'input-round.open' AND entity_id = $1`, [round.id])).toBe(1);

    const before = { rounds: await count('input_rounds'), audit: await count('audit_log') };
    const [fyn] = (await db.query<{ id: string }>(`SELECT id FROM clusters WHERE name = 'Fyn'`)).rows;
    const cases: Array<[Record<string, unknown>, string, string | RegExp]> = [
      [{ deadline: inMinutes(-5) }, 'BAD_USER_INPUT', /Fristen skal ligge i fremtiden/],
      [{ clusterIds: [fyn.id] }, 'BAD_USER_INPUT', /Sundhedsklynge Fyn hører ikke til aftalens region/],
      [{ clusterIds: [] }, 'BAD_USER_INPUT', /mindst én klynge/],
      [{ title: 'x' }, 'BAD_USER_INPUT', /Titlen skal være mellem 3 og 200 tegn/],
      [{ clusterIds: ['ikke-et-id'] }, 'BAD_USER_INPUT', /gyldigt id/],
      [{ agreementId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', /Aftalen findes ikke/],
    ];
    for (const [overrides, code, message] of cases) {
      const result = await app.gql(OPEN, { i: { agreementId, title: 'Forkert runde', deadline: inMinutes(60), clusterIds: [clusters.Nord.id], ...overrides } }, secretariat);
      expect([overrides, result.errors?.[0].extensions?.code]).toEqual([overrides, code]);
      expect(result.errors?.[0].message).toMatch(message);
    }
    for (const who of ['klynge.midt', 'kommune.gladsaxe', 'sekretariat.syddanmark']) {
      const result = await app.gql(OPEN, { i: { agreementId, title: 'Uvedkommende', deadline: inMinutes(60), clusterIds: [clusters.Nord.id] } }, await app.login(demo(who)));
      expect([who, result.errors?.[0].extensions?.code]).toEqual([who, 'FORBIDDEN']);
    }
    expect(await count('input_rounds')).toBe(before.rounds);
    expect(await count('audit_log')).toBe(before.audit);
  });

  it('lets a cluster save a draft, then submit it; the submission is immutable', async () => {
    const round = await open();
    const draft = await app.gql(SAVE, { i: submission(round.id, 'Midt', { items: [{ blockId: focusArea.blockId, theme: 'Kladde', text: 'Første tanker.' }] }) }, midt);
    expect(draft.errors).toBeUndefined();
    expect(draft.data?.saveClusterInputDraft).toMatchObject({ status: 'DRAFT', submittedAt: null, number: null, items: [{ theme: 'Kladde', blockId: focusArea.blockId }] });
    const again = await app.gql(SAVE, { i: submission(round.id, 'Midt') }, midt);
    expect(again.data?.saveClusterInputDraft.id).toBe(draft.data?.saveClusterInputDraft.id);
    expect(await count('cluster_inputs', 'round_id = $1', [round.id])).toBe(1);

    // The secretariat does not see a draft; the cluster does.
    const seen = await app.gql(ROUND, { id: round.id, all: true }, secretariat);
    expect(seen.data?.inputRound).toMatchObject({ canManage: true, inputs: [], myDraft: null, myParticipation: null });
    const own = await app.gql(ROUND, { id: round.id, all: true }, midt);
    expect(own.data?.inputRound).toMatchObject({ canManage: false, myDraft: { status: 'DRAFT', items: [{ theme: 'Mental trivsel' }, { theme: 'Rekruttering' }] } });
    expect(own.data?.inputRound.myParticipation).toMatchObject({ name: 'Sundhedsklynge Midt', submitted: false, extended: false });

    const submitted = await app.gql(SUBMIT, { i: submission(round.id, 'Midt') }, midt);
    expect(submitted.errors).toBeUndefined();
    const input = submitted.data?.submitClusterInput;
    expect(input).toMatchObject({
      id: draft.data?.saveClusterInputDraft.id,
      number: 1,
      status: 'SUBMITTED',
      submittedByName: 'Mads Midt',
      supersedesId: null,
      meetingDate: '2023-01-12',
      meetingItem: 'Punkt 4: Input til sundhedsaftalen',
      cluster: { name: 'Midt' },
      organisation: { name: 'Sundhedsklynge Midt' },
    });
    expect(input.items[0]).toMatchObject({ blockId: focusArea.blockId, theme: 'Mental trivsel', level: 'POLITICAL', section: { title: focusArea.title, kind: 'FOCUS_AREA', live: true } });
    expect(input.items[1]).toMatchObject({ blockId: null, section: null, level: 'PROFESSIONAL' });

    const rows = await db.query('SELECT number, submitted_at, submitted_by_name FROM cluster_inputs WHERE round_id = $1', [round.id]);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ number: 1, submitted_by_name: 'Mads Midt' });
    expect(await count('cluster_input_items', 'input_id = $1', [input.id])).toBe(2);
    expect(await count('audit_log', `action = 'cluster-input.submit' AND entity_id = $1`, [input.id])).toBe(1);
    await expect(db.query(`UPDATE cluster_inputs SET meeting_item = 'ændret' WHERE id = $1`, [input.id])).rejects.toThrow(/immutable/);
    await expect(db.query(`UPDATE cluster_input_items SET text = 'ændret' WHERE input_id = $1`, [input.id])).rejects.toThrow(/immutable/);
    await expect(db.query(`DELETE FROM cluster_inputs WHERE id = $1`, [input.id])).rejects.toThrow(/immutable/);

    const secretariatView = await app.gql(ROUND, { id: round.id, all: false }, secretariat);
    expect(secretariatView.data?.inputRound.participants.find((p: { name: string }) => p.name === 'Sundhedsklynge Midt')).toMatchObject({ submitted: true, submissions: 1 });
    expect(secretariatView.data?.inputRound.inputs).toHaveLength(1);
  });

  it('keeps a superseded submission next to the one that replaces it', async () => {
    const round = await open();
    const first = (await app.gql(SUBMIT, { i: submission(round.id, 'Midt') }, midt)).data?.submitClusterInput;
    const second = await app.gql(SUBMIT, { i: submission(round.id, 'Midt', { items: [{ theme: 'Nyt', text: 'Klyngen har drøftet sagen igen.' }] }) }, midt);
    expect(second.errors).toBeUndefined();
    expect(second.data?.submitClusterInput).toMatchObject({ number: 2, status: 'SUBMITTED', supersedesId: first.id });

    const rows = await db.query('SELECT id, number, supersedes_id FROM cluster_inputs WHERE round_id = $1 ORDER BY number', [round.id]);
    expect(rows.rows).toEqual([
      { id: first.id, number: 1, supersedes_id: null },
      { id: second.data?.submitClusterInput.id, number: 2, supersedes_id: first.id },
    ]);
    expect(await count('cluster_input_items', 'input_id = $1', [first.id])).toBe(2);

    const all = await app.gql(ROUND, { id: round.id, all: true }, secretariat);
    expect((all.data?.inputRound.inputs as Array<{ number: number; status: string }>).map((i) => [i.number, i.status])).toEqual([
      [2, 'SUBMITTED'],
      [1, 'SUPERSEDED'],
    ]);
    const current = await app.gql(ROUND, { id: round.id, all: false }, secretariat);
    expect((current.data?.inputRound.inputs as Array<{ number: number }>).map((i) => i.number)).toEqual([2]);

    const stale = await app.gql(ASSESS, { i: { itemId: first.items[0].id, outcome: 'NOTED', reason: 'Gammelt punkt.' } }, secretariat);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await count('input_item_assessments', 'item_id = $1', [first.items[0].id])).toBe(0);
  });

  it('refuses after the deadline unless the secretariat extends it, for one cluster or for all; every extension is logged', async () => {
    const round = await open();
    await app.gql(SAVE, { i: submission(round.id, 'Midt') }, midt);
    await db.query(`UPDATE input_rounds SET deadline = now() - interval '1 minute' WHERE id = $1`, [round.id]);
    const nord = await app.login(demo('klynge.nord'));

    const before = { inputs: await count('cluster_inputs', 'round_id = $1', [round.id]), items: await count('cluster_input_items') };
    const late = await app.gql(SUBMIT, { i: submission(round.id, 'Midt') }, midt);
    expect(late.errors?.[0].extensions?.code).toBe('DEADLINE_PASSED');
    expect(late.errors?.[0].message).toMatch(/kontakt sekretariatet for SSU/);
    expect(await count('cluster_inputs', 'round_id = $1 AND submitted_at IS NOT NULL', [round.id])).toBe(0);
    expect(await count('cluster_inputs', 'round_id = $1', [round.id])).toBe(before.inputs);
    expect(await count('cluster_input_items')).toBe(before.items);

    const tooEarly = await app.gql(EXTEND, { i: { roundId: round.id, deadline: inMinutes(-1), reason: 'Forsinket møde' } }, secretariat);
    expect(tooEarly.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const byCluster = await app.gql(EXTEND, { i: { roundId: round.id, clusterId: clusters.Midt.id, deadline: inMinutes(30), reason: 'Klyngens møde er flyttet' } }, midt);
    expect(byCluster.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count('input_round_deadline_changes', 'round_id = $1', [round.id])).toBe(0);

    const extended = await app.gql(EXTEND, { i: { roundId: round.id, clusterId: clusters.Midt.id, deadline: inMinutes(30), reason: 'Klyngens møde er flyttet' } }, secretariat);
    expect(extended.errors).toBeUndefined();
    expect(extended.data?.extendInputRoundDeadline.deadlineChanges).toEqual([{ participantName: 'Sundhedsklynge Midt', reason: 'Klyngens møde er flyttet' }]);
    const view = await app.gql(ROUND, { id: round.id, all: false }, midt);
    expect(view.data?.inputRound).toMatchObject({ status: 'CLOSED', myParticipation: { extended: true } });
    expect((await app.gql(SUBMIT, { i: submission(round.id, 'Midt') }, midt)).errors).toBeUndefined();
    const nordLate = await app.gql(SUBMIT, { i: submission(round.id, 'Nord') }, nord);
    expect(nordLate.errors?.[0].extensions?.code).toBe('DEADLINE_PASSED');

    const everyone = await app.gql(EXTEND, { i: { roundId: round.id, deadline: inMinutes(90), reason: 'Ny frist for alle' } }, secretariat);
    expect(everyone.errors).toBeUndefined();
    expect((await app.gql(SUBMIT, { i: submission(round.id, 'Nord') }, nord)).errors).toBeUndefined();
    // An extension for everyone reaches a cluster with an earlier one of its own.
    await db.query(`UPDATE input_rounds SET deadline = now() + interval '2 hours' WHERE id = $1`, [round.id]);
    expect((await app.gql(SUBMIT, { i: submission(round.id, 'Midt') }, midt)).errors).toBeUndefined();

    const log = await db.query('SELECT organisation_id, reason FROM input_round_deadline_changes WHERE round_id = $1 ORDER BY id', [round.id]);
    expect(log.rows).toEqual([
      { organisation_id: clusters.Midt.organisation_id, reason: 'Klyngens møde er flyttet' },
      { organisation_id: null, reason: 'Ny frist for alle' },
    ]);
    expect(await count('audit_log', `action = 'input-round.extend-deadline' AND entity_id = $1`, [round.id])).toBe(2);
  });

  it('refuses a cluster user for another cluster, for a cluster not asked, and for editing the draft', async () => {
    const round = await open({ clusterIds: [clusters.Midt.id, clusters.Nord.id] });
    const before = { inputs: await count('cluster_inputs'), items: await count('cluster_input_items'), versions: await count('agreement_versions') };

    const other = await app.gql(SUBMIT, { i: submission(round.id, 'Nord') }, midt);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(other.errors?.[0].message).toMatch(/din egen klynge/);
    const otherDraft = await app.gql(SAVE, { i: submission(round.id, 'Nord') }, midt);
    expect(otherDraft.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const notAsked = await app.gql(SUBMIT, { i: submission(round.id, 'Syd') }, await app.login(demo('klynge.syd')));
    expect(notAsked.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(notAsked.errors?.[0].message).toMatch(/ikke bedt om input/);
    for (const who of ['sekretariat', 'kommune.gladsaxe']) {
      const refused = await app.gql(SUBMIT, { i: submission(round.id, 'Midt') }, await app.login(demo(who)));
      expect([who, refused.errors?.[0].extensions?.code]).toEqual([who, 'FORBIDDEN']);
    }
    const anonymous = await app.gql(SUBMIT, { i: submission(round.id, 'Midt') });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const version = await app.gql('mutation($i: CreateVersionInput!) { createVersion(input: $i) { id } }', { i: { agreementId, label: 'Klyngens version' } }, midt);
    expect(version.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const reader = await connectCollab(app.url, `agreement:${agreementId}`, midt);
    const writer = await connectCollab(app.url, `agreement:${agreementId}`, secretariat);
    try {
      // The cluster may only suggest: its socket takes updates, and refuses a plain edit.
      expect(reader.provider.authorizedScope).toBe('read-write');
      // The server answers every update with its sync status: "not applied" is the refusal.
      let refusals = 0;
      reader.provider.on('message', ({ message }: { message: { readVarString(): string; readVarUint(): number } }) => {
        message.readVarString();
        if (message.readVarUint() === 8 /* SyncStatus */ && message.readVarUint() === 0) refusals++;
      });
      paragraphText(reader.doc, 2).insert(0, 'Klyngen prøver at skrive. ');
      await waitFor(() => refusals > 0, 10_000, 'the refusal of the read-only write');
      // Then a permitted write, after the refused one: once it has reached the reader and
      // been stored, neither the document nor the database may hold the refused one.
      paragraphText(writer.doc, 4).insert(0, 'Sekretariatet skriver efter klyngen. ');
      await writer.settled();
      await waitFor(() => reader.doc.getXmlFragment('default').toString().includes('Sekretariatet skriver efter klyngen.'), 10_000, 'the permitted write at the reader');
      const deadline = Date.now() + 15_000;
      let stored = '';
      while (!stored.includes('Sekretariatet skriver efter klyngen.') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        stored = (await db.query<{ text: string }>('SELECT text FROM agreement_drafts WHERE agreement_id = $1', [agreementId])).rows[0].text;
      }
      expect(stored).toContain('Sekretariatet skriver efter klyngen.');
      expect(stored).not.toContain('Klyngen prøver');
      expect(writer.doc.getXmlFragment('default').toString()).not.toContain('Klyngen prøver');
    } finally {
      writer.destroy();
      reader.destroy();
    }

    expect(await count('cluster_inputs')).toBe(before.inputs);
    expect(await count('cluster_input_items')).toBe(before.items);
    expect(await count('agreement_versions')).toBe(before.versions);
  });

  it('lets an asked organisation answer for itself, and refuses malformed input writing nothing', async () => {
    const [patients] = (await db.query<{ id: string }>(`SELECT id FROM organisations WHERE name = 'Danske Patienter'`)).rows;
    const round = await open({ organisationIds: [patients.id] });
    const patient = await app.login(demo('patientforening'));
    const answered = await app.gql(SUBMIT, { i: { roundId: round.id, organisationId: patients.id, items: [{ theme: 'Pårørende', text: 'Pårørende skal nævnes.' }] } }, patient);
    expect(answered.errors).toBeUndefined();
    expect(answered.data?.submitClusterInput).toMatchObject({ cluster: null, organisation: { name: 'Danske Patienter' }, number: 1 });

    const before = { inputs: await count('cluster_inputs'), items: await count('cluster_input_items') };
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ items: [{ blockId: 'findes-ikke', theme: 'X', text: 'Y' }] }, /Punkt 1 peger på et afsnit, der ikke findes/],
      [{ items: [] }, /mindst ét punkt/],
      [{ items: [{ theme: '   ', text: 'Y' }] }, /Punkt 1 mangler et tema/],
      [{ items: [{ theme: '', text: 'Y' }] }, /tema på 1 til 200 tegn/],
      [{ organisationId: clusters.Midt.organisation_id }, /enten|Angiv den klynge/],
      [{ meetingDate: '2023-02-30' }, /findes ikke/],
      [{ items: [{ theme: 'X', text: 'Y', level: 'REGIONAL' }] }, /.+/],
    ];
    for (const [overrides, message] of cases) {
      const result = await app.gql(SUBMIT, { i: submission(round.id, 'Midt', overrides) }, midt);
      expect([overrides, result.errors?.[0].extensions?.code]).toEqual([overrides, 'BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(message);
    }
    expect(await count('cluster_inputs')).toBe(before.inputs);
    expect(await count('cluster_input_items')).toBe(before.items);
  });

  it('keeps items tied to blocks across a new version, for the editor and the matrix', async () => {
    const round = await open();
    const paragraph = (await db.query<{ content: { content: Array<{ attrs: { blockId: string }; content: Array<{ type: string; attrs: { blockId: string } }> }> } }>(
      'SELECT content FROM agreement_drafts WHERE agreement_id = $1',
      [agreementId],
    )).rows[0].content.content.find((s) => s.attrs.blockId === focusArea.blockId)?.content.find((n) => n.type === 'paragraph')?.attrs.blockId as string;
    expect(paragraph).toBeTruthy();
    const submitted = await app.gql(SUBMIT, { i: submission(round.id, 'Midt', { items: [{ blockId: paragraph, theme: 'Skolesundhed', text: 'Skolesundhedsplejen skal med.' }] }) }, midt);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data?.submitClusterInput.items[0].section).toMatchObject({ title: focusArea.title, live: true });

    const version = await app.gql('mutation($i: CreateVersionInput!) { createVersion(input: $i) { id blocks { blockId } } }', { i: { agreementId, label: 'Efter input' } }, secretariat);
    expect(version.errors).toBeUndefined();
    expect((version.data?.createVersion.blocks as Array<{ blockId: string }>).map((b) => b.blockId)).toContain(paragraph);

    const forBlocks = await app.gql(FOR_BLOCKS, { a: agreementId, b: [paragraph] }, secretariat);
    expect(forBlocks.errors).toBeUndefined();
    expect(forBlocks.data?.inputItemsForBlocks).toEqual([
      expect.objectContaining({ blockId: paragraph, theme: 'Skolesundhed', section: { title: focusArea.title, live: true }, input: { status: 'SUBMITTED', cluster: { name: 'Midt' }, round: { title: 'Supplerende input' } } }),
    ]);
    const matrix = await app.gql(MATRIX, { id: round.id }, secretariat);
    const data = matrix.data?.inputRound.matrix as { sections: Array<{ title: string }>; rows: Array<{ name: string; counts: number[] }> };
    const column = data.sections.findIndex((s) => s.title === focusArea.title);
    expect(data.rows.find((r) => r.name === 'Sundhedsklynge Midt')?.counts[column]).toBe(1);

    // Other users see only their own organisation’s items.
    const nordItems = await app.gql(FOR_BLOCKS, { a: agreementId, b: [paragraph] }, await app.login(demo('klynge.nord')));
    expect(nordItems.data?.inputItemsForBlocks).toEqual([]);
    const refusedMatrix = await app.gql(MATRIX, { id: round.id }, midt);
    expect(refusedMatrix.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the secretariat mark an item worked in, with a reason and the version; the cluster sees it', async () => {
    const round = await open();
    const input = (await app.gql(SUBMIT, { i: submission(round.id, 'Midt') }, midt)).data?.submitClusterInput;
    const [version] = (await db.query<{ id: string; number: number }>('SELECT id, number FROM agreement_versions WHERE agreement_id = $1 ORDER BY number LIMIT 1', [agreementId])).rows;
    const itemId = input.items[0].id;

    const refused = await app.gql(ASSESS, { i: { itemId, outcome: 'INCORPORATED', reason: 'Skrevet ind.', versionId: version.id } }, midt);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [otherVersion] = (await db.query<{ id: string }>('SELECT id FROM agreement_versions WHERE agreement_id <> $1 LIMIT 1', [agreementId])).rows;
    if (otherVersion) {
      const wrong = await app.gql(ASSESS, { i: { itemId, outcome: 'INCORPORATED', reason: 'x', versionId: otherVersion.id } }, secretariat);
      expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const empty = await app.gql(ASSESS, { i: { itemId, outcome: 'NOTED', reason: '' } }, secretariat);
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await app.gql(ASSESS, { i: { itemId: '00000000-0000-4000-8000-000000000000', outcome: 'NOTED', reason: 'x' } }, secretariat);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await count('input_item_assessments', 'item_id = $1', [itemId])).toBe(0);

    const assessed = await app.gql(ASSESS, { i: { itemId, outcome: 'PARTLY_INCORPORATED', reason: 'Delvist i fokusområdet.', versionId: version.id } }, secretariat);
    expect(assessed.errors).toBeUndefined();
    expect(assessed.data?.assessInputItem.assessment).toEqual({ outcome: 'PARTLY_INCORPORATED', reason: 'Delvist i fokusområdet.', version: { id: version.id, number: version.number } });
    const changed = await app.gql(ASSESS, { i: { itemId, outcome: 'INCORPORATED', reason: 'Nu skrevet ind.', versionId: version.id } }, secretariat);
    expect(changed.data?.assessInputItem.assessment.outcome).toBe('INCORPORATED');
    const rows = await db.query('SELECT outcome, reason, version_id FROM input_item_assessments WHERE item_id = $1', [itemId]);
    expect(rows.rows).toEqual([{ outcome: 'INCORPORATED', reason: 'Nu skrevet ind.', version_id: version.id }]);
    expect(await count('audit_log', `action = 'cluster-input.assess-item' AND entity_id = $1`, [itemId])).toBe(2);

    const seenByCluster = await app.gql(ROUND, { id: round.id, all: false }, midt);
    expect(seenByCluster.data?.inputRound.inputs[0].items[0].assessment).toMatchObject({ outcome: 'INCORPORATED', reason: 'Nu skrevet ind.' });
  });
});
