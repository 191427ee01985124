import { pollUntil } from './collab-client';
import { Client } from 'pg';
import { connectCollab } from './collab-client';
import { demo, startTestApp, TestApp } from './test-app';

const RECORD = 'mutation($i: RecordApprovalInput!) { recordApproval(input: $i) { decision decidedAt organisation { name } } }';
const PHASE = 'mutation($i: SetAgreementPhaseInput!) { setAgreementPhase(input: $i) { phase } }';
const LOCK = 'mutation($i: LockFinalVersionInput!) { lockFinalVersion(input: $i) { id number finalLockedAt } }';
const APPROVALS = `query($id: ID!) { agreement(id: $id) { lockedFinalVersion { id number }
  approvals { organisation { name } versionId version { number } superseded changesUrl }
  approvalStatus { approved pending { name } onSupersededVersion { name } parties { organisation { name } decision superseded } } } }`;
const MILESTONE_DONE = 'query($id: ID!) { agreement(id: $id) { milestones { title done } } agreementDashboard(agreementId: $id) { effectiveDateStatus daysToEffectiveDate } }';
const APPROVED_BY_ALL = 'Regionsrådet og alle 29 kommuner har godkendt aftalen';
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

  it('follows the process one step at a time: a jump that skips a step says which step comes next', async () => {
    const jump = await app.gql(PHASE, { i: { agreementId, phase: 'APPROVAL' } }, secretariat);
    expect(jump.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(jump.errors?.[0].message).toBe('Aftalen kan ikke springe fra Udarbejdelse af udkast til Godkendelse. Næste trin er Høring; faserne følges i rækkefølge.');
    expect((await db.query('SELECT phase FROM agreements WHERE id = $1', [agreementId])).rows[0].phase).toBe('DRAFTING');
    expect((await app.gql(PHASE, { i: { agreementId, phase: 'HEARING' } }, secretariat)).data?.setAgreementPhase.phase).toBe('HEARING');
    expect((await app.gql(PHASE, { i: { agreementId, phase: 'PROCESSING' } }, secretariat)).data?.setAgreementPhase.phase).toBe('PROCESSING');
    const skip = await app.gql(PHASE, { i: { agreementId, phase: 'IN_FORCE' } }, secretariat);
    expect(skip.errors?.[0].message).toContain('Næste trin er Godkendelse');
  });

  it('tells the truth about the status while the agreement is not approved: no milestone of approval done, no "trådt i kraft"', async () => {
    const result = await app.gql(MILESTONE_DONE, { id: agreementId }, secretariat);
    const done = Object.fromEntries((result.data?.agreement.milestones as Array<{ title: string; done: boolean }>).map((m) => [m.title, m.done]));
    // Their dates (2023) have passed, but the events have not happened.
    expect(done[APPROVED_BY_ALL]).toBe(false);
    expect(done['SSU godkender det endelige udkast']).toBe(false);
    expect(done['Sundhedsaftale 2024–2027 træder i kraft']).toBe(false);
    // The input round's deadline is behind the agreement's phase: done.
    expect(done['Frist for klyngernes input til sekretariatet for SSU']).toBe(true);
    expect(result.data?.agreementDashboard.effectiveDateStatus).toBe('Planlagt ikrafttræden var 1. januar 2024; aftalen er ikke godkendt endnu og er ikke trådt i kraft');
  });

  it('accepts a decision only in phase APPROVAL with a locked final version (CONFLICT saying what to do otherwise)', async () => {
    const gladsaxe = await app.login(demo('kommune.gladsaxe'));
    const early = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gladsaxe Kommune'], decision: 'APPROVED', decidedAt: '2023-11-14' } }, gladsaxe);
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(early.errors?.[0].message).toBe(
      'Beslutninger kan først registreres, når aftalen er i fasen Godkendelse med en låst endelig version. Aftalen er i fasen Behandling af høringssvar: sekretariatet fører den frem til Godkendelse og låser den endelige version.',
    );
    const [{ id: newest }] = (await db.query('SELECT id FROM agreement_versions WHERE agreement_id = $1 ORDER BY number DESC LIMIT 1', [agreementId])).rows;
    const lockEarly = await app.gql(LOCK, { i: { agreementId, versionId: newest } }, secretariat);
    expect(lockEarly.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(lockEarly.errors?.[0].message).toBe('Den endelige version låses i fasen Godkendelse. Aftalen er i fasen Behandling af høringssvar; før den frem til Godkendelse først.');
    // The phase as the process leaves it (moving it by the API sends the approval requests, tested below).
    await db.query(`UPDATE agreements SET phase = 'APPROVAL' WHERE id = $1`, [agreementId]);
    const unlocked = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gladsaxe Kommune'], decision: 'APPROVED', decidedAt: '2023-11-14' } }, gladsaxe);
    expect(unlocked.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(unlocked.errors?.[0].message).toBe('Der er ikke låst en endelig version endnu. Sekretariatet låser den endelige version under Godkendelser; derefter kan beslutningerne registreres.');
    expect((await db.query('SELECT count(*)::int AS n FROM approvals WHERE agreement_id = $1', [agreementId])).rows[0].n).toBe(0);
    const byMunicipality = await app.gql(LOCK, { i: { agreementId, versionId: newest } }, gladsaxe);
    expect(byMunicipality.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const locked = await app.gql(LOCK, { i: { agreementId, versionId: newest } }, secretariat);
    expect(locked.errors).toBeUndefined();
    expect(locked.data?.lockFinalVersion.finalLockedAt).toEqual(expect.any(String));
    const again = await app.gql(LOCK, { i: { agreementId, versionId: newest } }, secretariat);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toBe(`Version ${locked.data?.lockFinalVersion.number} er allerede låst som endelig version.`);
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

  it('records the locked final version with each decision', async () => {
    const a = (await app.gql(APPROVALS, { id: agreementId }, secretariat)).data?.agreement;
    expect(a.approvals).toHaveLength(2);
    for (const approval of a.approvals) {
      expect(approval).toMatchObject({ versionId: a.lockedFinalVersion.id, version: { number: a.lockedFinalVersion.number }, superseded: false, changesUrl: null });
    }
    expect(a.approvalStatus.onSupersededVersion).toEqual([]);
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
    expect(milestones.find((m) => m.title === 'Høringsfrist: Bred høring over Sundhedsaftale 2024–2027')).toMatchObject({ date: '2023-06-12', derived: true });
    const refused = await app.gql('mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { id } }', { i: { agreementId, title: 'X', kind: 'MEETING', date: '2023-01-01' } }, await app.login(demo('kommune.gladsaxe')));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('marks decisions on an earlier final version superseded, lists those parties, and offers each a comparison DOCX', async () => {
    const created = await app.gql('mutation($i: CreateVersionInput!) { createVersion(input: $i) { id number } }', { i: { agreementId, label: 'Endelig version, rettet' } }, secretariat);
    expect(created.errors).toBeUndefined();
    const older = (await app.gql(APPROVALS, { id: agreementId }, secretariat)).data?.agreement.lockedFinalVersion;
    const relock = await app.gql(LOCK, { i: { agreementId, versionId: older.id } }, secretariat);
    expect(relock.errors?.[0].extensions?.code).toBe('CONFLICT');
    const locked = await app.gql(LOCK, { i: { agreementId, versionId: created.data?.createVersion.id } }, secretariat);
    expect(locked.errors).toBeUndefined();
    // Locking an older version than the final one now is refused, and says what to do.
    const backwards = await app.gql(LOCK, { i: { agreementId, versionId: older.id } }, secretariat);
    expect(backwards.errors?.[0].message).toBe(`Version ${created.data?.createVersion.number} er låst som endelig version. Vælg en nyere version end den, eller gem udkastet som en ny version først.`);

    const a = (await app.gql(APPROVALS, { id: agreementId }, secretariat)).data?.agreement;
    expect(a.lockedFinalVersion.number).toBe(created.data?.createVersion.number);
    expect(a.approvalStatus.onSupersededVersion.map((o: { name: string }) => o.name)).toEqual(['Gentofte Kommune', 'Gladsaxe Kommune']);
    expect(a.approvalStatus.approved).toBe(0);
    expect(a.approvalStatus.pending).toHaveLength(31);
    const gladsaxeParty = a.approvalStatus.parties.find((p: { organisation: { name: string } }) => p.organisation.name === 'Gladsaxe Kommune');
    expect(gladsaxeParty).toEqual({ organisation: { name: 'Gladsaxe Kommune' }, decision: null, superseded: true });
    const gladsaxeApproval = a.approvals.find((x: { organisation: { name: string } }) => x.organisation.name === 'Gladsaxe Kommune');
    expect(gladsaxeApproval).toMatchObject({ superseded: true, version: { number: older.number } });
    expect(gladsaxeApproval.changesUrl).toBe(`/files/agreements/${agreementId}/compare.docx?from=${older.id}&to=${a.lockedFinalVersion.id}`);
    // The party itself opens its "changed since you approved" document.
    const res = await fetch(`${app.url}${gladsaxeApproval.changesUrl}`, { headers: { authorization: `Bearer ${await app.login(demo('kommune.gladsaxe'))}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('locks the final version when every party has approved', async () => {
    const parties = (await app.gql(STATUS, { id: agreementId }, secretariat)).data?.agreement.approvalStatus;
    const names: string[] = parties.pending.map((o: { name: string }) => o.name);
    const finalNumber = (await app.gql(APPROVALS, { id: agreementId }, secretariat)).data?.agreement.lockedFinalVersion.number;
    for (const name of names) {
      const r = await app.gql(RECORD, { i: { agreementId, organisationId: org[name], decision: 'APPROVED', decidedAt: '2023-12-01' } }, secretariat);
      expect(r.errors).toBeUndefined();
    }
    const status = (await app.gql(STATUS, { id: agreementId }, secretariat)).data?.agreement;
    expect(status.approvalStatus).toMatchObject({ required: 31, approved: 31, rejected: 0, pending: [] });
    expect(status.phase).toBe('SUBMITTED');
    // 1 January 2024 has passed: the agreement is in force.
    expect(status.currentPhase).toBe('IN_FORCE');
    expect(status.finalVersion).toEqual({ number: finalNumber });
    const truth = await app.gql(MILESTONE_DONE, { id: agreementId }, secretariat);
    const done = Object.fromEntries((truth.data?.agreement.milestones as Array<{ title: string; done: boolean }>).map((m) => [m.title, m.done]));
    expect(done[APPROVED_BY_ALL]).toBe(true);
    expect(done['Sundhedsaftale 2024–2027 træder i kraft']).toBe(true);
    expect(truth.data?.agreementDashboard.effectiveDateStatus).toBe('Trådt i kraft 1. januar 2024');
    const skipping = await app.gql(PHASE, { i: { agreementId, phase: 'APPROVAL' } }, secretariat);
    expect(skipping.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const [{ id: versionId }] = (await db.query(`SELECT id FROM agreement_versions WHERE number = 1 AND agreement_id = $1`, [agreementId])).rows;
    const restore = await app.gql('mutation($v: ID!) { restoreVersion(versionId: $v) { id } }', { v: versionId }, secretariat);
    expect(restore.errors?.[0].extensions?.code).toBe('CONFLICT');
    const freeze = await app.gql('mutation($i: CreateVersionInput!) { createVersion(input: $i) { id } }', { i: { agreementId, label: 'Efter godkendelse' } }, secretariat);
    expect(freeze.errors?.[0].extensions?.code).toBe('CONFLICT');
    const editor = await connectCollab(app.url, documentName, secretariat);
    expect(editor.provider.authorizedScope).toBe('readonly');
    editor.destroy();
    const change = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gladsaxe Kommune'], decision: 'REJECTED', decidedAt: '2023-12-02' } }, secretariat);
    expect(change.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
