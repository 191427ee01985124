import { pollUntil } from './collab-client';
import { Client } from 'pg';
import { connectCollab } from './collab-client';
import { demo, startTestApp, TestApp } from './test-app';

const RECORD = 'mutation($i: RecordApprovalInput!) { recordApproval(input: $i) { decision decidedAt organisation { name } } }';
const STATUS = `query($id: ID!) { agreement(id: $id) { phase currentPhase finalVersion { number }
  approvalStatus { required approved rejected pending { name } rejectedBy { name } } } }`;

describe('timeline and approvals', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let agreementId: string;
  let documentName: string;
  let org: Record<string, string>;

  const waitForRows = (sql: string, params: unknown[], expected: number, timeoutMs = 15_000) =>
    pollUntil(async () => (await db.query<{ n: number }>(sql, params)).rows[0].n, (n) => n >= expected, timeoutMs);

  /**
   * Waits until `expected` jobs of the queue for the agreement exist and every one has ended
   * (completed or failed): after that no handler of theirs can write anything more.
   */
  const waitForJobsDone = (queue: string, agreementId: string, expected: number, timeoutMs = 15_000) =>
    pollUntil(
      async () =>
        (await db.query<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE name = $1 AND data->>'agreementId' = $2`, [queue, agreementId])).rows.map((r) => r.state),
      (states) => states.length >= expected && states.every((state) => ['completed', 'failed', 'cancelled'].includes(state)),
      timeoutMs,
    );

  beforeAll(async () => {
    app = await startTestApp({ JOB_POLL_SECONDS: '1' });
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(demo('sekretariat'));
    const result = await app.gql('{ agreements { id documentName } }', {}, secretariat);
    agreementId = result.data?.agreements[0].id;
    documentName = result.data?.agreements[0].documentName;
    org = Object.fromEntries((await db.query<{ id: string; name: string }>('SELECT id, name FROM organisations')).rows.map((r) => [r.name, r.id]));
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('requires the SSU, the regional council and all 29 municipalities', async () => {
    const result = await app.gql(STATUS, { id: agreementId }, secretariat);
    const status = result.data?.agreement.approvalStatus;
    expect(status).toMatchObject({ required: 31, approved: 0, rejected: 0 });
    expect(status.pending.map((o: { name: string }) => o.name).slice(0, 2)).toEqual(['Sundhedssamarbejdsudvalget, Region Hovedstaden', 'Regionsrådet, Region Hovedstaden']);
    expect(status.pending).toHaveLength(31);
  });

  it('lets a municipality record only its own decision; the secretariat any', async () => {
    const gladsaxe = await app.login(demo('kommune.gladsaxe'));
    const own = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gladsaxe Kommune'], decision: 'APPROVED', decidedAt: '2023-11-14', meetingReference: 'KB 14.11.2023 pkt. 7' } }, gladsaxe);
    expect(own.data?.recordApproval).toEqual({ decision: 'APPROVED', decidedAt: '2023-11-14', organisation: { name: 'Gladsaxe Kommune' } });
    const other = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gentofte Kommune'], decision: 'APPROVED', decidedAt: '2023-11-14' } }, gladsaxe);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const odense = await app.gql(RECORD, { i: { agreementId, organisationId: org['Odense Kommune'], decision: 'APPROVED', decidedAt: '2023-11-14' } }, await app.login(demo('kommune.odense')));
    // Odense is of another region: it may not even read Hovedstaden's agreement.
    expect(odense.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const cluster = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gentofte Kommune'], decision: 'APPROVED', decidedAt: '2023-11-14' } }, await app.login(demo('klynge.midt')));
    expect(cluster.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const rejected = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gentofte Kommune'], decision: 'REJECTED', decidedAt: '2023-11-20', note: 'Økonomien er uafklaret.' } }, secretariat);
    expect(rejected.errors).toBeUndefined();
    const status = (await app.gql(STATUS, { id: agreementId }, secretariat)).data?.agreement.approvalStatus;
    expect(status).toMatchObject({ required: 31, approved: 1, rejected: 1, rejectedBy: [{ name: 'Gentofte Kommune' }] });
    expect(status.pending).toHaveLength(29);
    const rows = await db.query(`SELECT count(*)::int AS n FROM approvals`);
    expect(rows.rows[0].n).toBe(2);
    const bad = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gladsaxe Kommune'], decision: 'APPROVED', decidedAt: '2023-13-01' } }, gladsaxe);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sends approval requests once per undecided party when the phase moves to APPROVAL', async () => {
    const moved = await app.gql('mutation($i: SetAgreementPhaseInput!) { setAgreementPhase(input: $i) { phase } }', { i: { agreementId, phase: 'APPROVAL' } }, secretariat);
    expect(moved.data?.setAgreementPhase.phase).toBe('APPROVAL');
    const sql = `SELECT count(*)::int AS n FROM notifications WHERE kind = 'APPROVAL_REQUEST' AND agreement_id = $1`;
    expect(await waitForRows(sql, [agreementId], 29)).toBe(29);
    await app.gql('mutation($i: SetAgreementPhaseInput!) { setAgreementPhase(input: $i) { phase } }', { i: { agreementId, phase: 'APPROVAL' } }, secretariat);
    // The second move queued a second request job: once both have run, the outbox is final.
    expect(await waitForJobsDone('approval-request', agreementId, 2)).toEqual(['completed', 'completed']);
    expect((await db.query(sql, [agreementId])).rows[0].n).toBe(29);
    const gladsaxe = await app.login(demo('kommune.gladsaxe'));
    const inbox = await app.gql('query($id: ID!) { outbox(agreementId: $id) { kind subject } }', { id: agreementId }, gladsaxe);
    // Gladsaxe has decided already, so it got no request.
    expect(inbox.data?.outbox).toEqual([]);
    const odenseUsers = await app.gql('query($id: ID!) { outbox(agreementId: $id) { kind } }', { id: agreementId }, secretariat);
    expect(odenseUsers.data?.outbox.length).toBe(29);
  });

  it('schedules hearing reminders and delivers each to the outbox once', async () => {
    const [{ id: versionId }] = (await db.query(`SELECT id FROM agreement_versions WHERE label = 'Høringsudkast'`)).rows;
    const closesAt = new Date(Date.now() + 2 * 24 * 3_600_000);
    const opened = await app.gql('mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }', {
      i: { versionId, opensAt: new Date().toISOString(), closesAt: closesAt.toISOString(), invitedOrganisationIds: [org['Danske Patienter'], org['Hjerteforeningen']] },
    }, secretariat);
    const hearingId = opened.data?.openHearing.id;
    const jobs = await db.query<{ start_after: Date; data: { hoursBefore: number } }>(`SELECT start_after, data FROM pgboss.job WHERE name = 'deadline-reminder' AND data->>'id' = $1`, [hearingId]);
    // The 7-day reminder's time has passed; the 1-day one is due a day before the deadline.
    expect(jobs.rows.map((j) => j.data.hoursBefore)).toEqual([24]);
    expect(Math.abs(jobs.rows[0].start_after.getTime() - (closesAt.getTime() - 24 * 3_600_000))).toBeLessThan(2_000);

    // Move the clock: the job is due now.
    await db.query(`UPDATE pgboss.job SET start_after = now() WHERE name = 'deadline-reminder' AND data->>'id' = $1`, [hearingId]);
    const sql = `SELECT count(*)::int AS n FROM notifications WHERE kind = 'DEADLINE_REMINDER' AND dedupe_key LIKE $1`;
    expect(await waitForRows(sql, [`hearing-reminder:${hearingId}:%`], 2)).toBe(2);
    // A duplicate delivery (a retried job) adds nothing.
    const { RemindersService } = await import('../src/notifications/reminders.service');
    const reminders = app.server.app.get(RemindersService);
    expect(await reminders.deliverReminder({ kind: 'HEARING', id: hearingId, hoursBefore: 24, deadline: closesAt.toISOString() })).toBe(0);
    expect((await db.query(sql, [`hearing-reminder:${hearingId}:%`])).rows[0].n).toBe(2);
    const patient = await app.login(demo('patientforening'));
    const inbox = await app.gql('query($id: ID!) { outbox(agreementId: $id) { kind subject recipients } }', { id: agreementId }, patient);
    expect(inbox.data?.outbox).toEqual([{ kind: 'DEADLINE_REMINDER', subject: expect.stringMatching(/^Påmindelse: høringsfrist/), recipients: ['patientforening@aftalerum.test'] }]);
  });

  it('puts milestones and the hearing’s own dates on the timeline in date order', async () => {
    const created = await app.gql(
      'mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { title kind date derived } }',
      { i: { agreementId, title: 'SSU godkender det endelige udkast', kind: 'DECISION', date: '2023-09-18', phase: 'APPROVAL' } },
      secretariat,
    );
    expect(created.data?.createMilestone).toEqual({ title: 'SSU godkender det endelige udkast', kind: 'DECISION', date: '2023-09-18', derived: false });
    const timeline = await app.gql('query($id: ID!) { agreement(id: $id) { milestones { title date derived kind } } }', { id: agreementId }, secretariat);
    const milestones = timeline.data?.agreement.milestones as Array<{ title: string; date: string; derived: boolean }>;
    const dates = milestones.map((m) => m.date);
    expect([...dates].sort()).toEqual(dates);
    expect(milestones.find((m) => m.title === 'Høringsfrist: Bred høring over Sundhedsaftale 2024–2027')).toMatchObject({ date: '2023-08-15', derived: true });
    const refused = await app.gql('mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { id } }', { i: { agreementId, title: 'X', kind: 'MEETING', date: '2023-01-01' } }, await app.login(demo('kommune.gladsaxe')));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('locks the final version when every party has approved', async () => {
    const parties = (await app.gql(STATUS, { id: agreementId }, secretariat)).data?.agreement.approvalStatus;
    const names: string[] = [...parties.pending.map((o: { name: string }) => o.name), 'Gentofte Kommune'];
    for (const name of names) {
      const r = await app.gql(RECORD, { i: { agreementId, organisationId: org[name], decision: 'APPROVED', decidedAt: '2023-12-01' } }, secretariat);
      expect(r.errors).toBeUndefined();
    }
    const status = (await app.gql(STATUS, { id: agreementId }, secretariat)).data?.agreement;
    expect(status.approvalStatus).toMatchObject({ required: 31, approved: 31, rejected: 0, pending: [] });
    expect(status.phase).toBe('SUBMITTED');
    // 1 January 2024 has passed: the agreement is in force.
    expect(status.currentPhase).toBe('IN_FORCE');
    expect(status.finalVersion).toEqual({ number: 1 });

    const [{ id: versionId }] = (await db.query(`SELECT id FROM agreement_versions WHERE number = 1 AND agreement_id = $1`, [agreementId])).rows;
    const restore = await app.gql('mutation($v: ID!) { restoreVersion(versionId: $v) { id } }', { v: versionId }, secretariat);
    expect(restore.errors?.[0].extensions?.code).toBe('CONFLICT');
    const freeze = await app.gql('mutation($i: CreateVersionInput!) { createVersion(input: $i) { id } }', { i: { agreementId, label: 'Efter godkendelse' } }, secretariat);
    expect(freeze.errors?.[0].extensions?.code).toBe('CONFLICT');
    const editor = await connectCollab(app.url, documentName, secretariat);
    expect(editor.provider.authorizedScope).toBe('readonly');
    editor.destroy();
    const change = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gladsaxe Kommune'], decision: 'REJECTED', decidedAt: '2023-12-02' } }, secretariat);
    expect(change.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
