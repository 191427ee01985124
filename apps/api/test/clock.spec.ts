import { Client } from 'pg';
import { Clock } from '../src/common/clock';
import { DomainError } from '../src/common/domain-error';
import { HearingsService } from '../src/hearings/hearings.service';
import { InputRoundsService } from '../src/input-rounds/input-rounds.service';
import { Role } from '../src/users/role.enum';
import type { AuthUser } from '../src/users/auth-user';
import { startTestApp, TestApp } from './test-app';

/**
 * The services read "now" from the application's clock. A replay of history sets it; the rules
 * the services enforce (here: a hearing's deadline) hold at the clock's time, and the facts they
 * record carry it.
 */
describe('the clock the services read', () => {
  let app: TestApp;
  let db: Client;
  let clock: Clock;
  let hearings: HearingsService;
  let rounds: InputRoundsService;
  let hearingId: string;

  /** A demo account as the services see it. */
  const demoUser = async (email: string): Promise<AuthUser> => {
    const { rows } = await db.query<{ id: string; name: string; role: Role; organisation_id: string; region_id: string | null }>(
      `SELECT u.id, u.name, u.role, u.organisation_id, o.region_id FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = $1`,
      [email],
    );
    const [row] = rows;
    return { id: row.id, email, name: row.name, role: row.role, organisationId: row.organisation_id, regionId: row.region_id };
  };

  /** An account of an invited organisation that has not answered the demo hearing. */
  const accountOf = async (organisation: string): Promise<AuthUser> => {
    const { rows } = await db.query<{ id: string; organisation_id: string; region_id: string | null }>(
      `INSERT INTO users (email, name, role, organisation_id, password_hash)
       SELECT $1, 'Karin Klokke', 'ORGANISATION', o.id, 'no-login' FROM organisations o WHERE o.name = $2
       RETURNING id, organisation_id, (SELECT region_id FROM organisations WHERE id = organisation_id) AS region_id`,
      [`klokke.${organisation.length}@aftalerum.test`, organisation],
    );
    const [row] = rows;
    return { id: row.id, email: `klokke.${organisation.length}@aftalerum.test`, name: 'Karin Klokke', role: Role.ORGANISATION, organisationId: row.organisation_id, regionId: row.region_id };
  };
  const submit = (user: AuthUser, key: string) =>
    hearings.submit(user, { hearingId, organisationId: user.organisationId, idempotencyKey: key, summary: 'Vi har ingen yderligere bemærkninger.', publish: true, comments: [] }, null);

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    clock = app.server.app.get(Clock);
    hearings = app.server.app.get(HearingsService);
    rounds = app.server.app.get(InputRoundsService);
    // The demo's broad hearing: open 15 May 2023 09:00 to 12 June 2023 12:00 (Danish time).
    hearingId = (await db.query<{ id: string }>(`SELECT id FROM hearings WHERE title = 'Bred høring over Sundhedsaftale 2024–2027'`)).rows[0].id;
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  it('files a response just before the deadline at the clock time, with its journal reference and audit row of that time', async () => {
    const user = await accountOf('Kræftens Bekæmpelse');
    const before = await clock.replay(async (travelTo) => {
      travelTo('2023-06-12T11:59:00+02:00');
      return submit(user, 'clock-before');
    });
    expect(before.receivedAt.toISOString()).toBe('2023-06-12T09:59:00.000Z');
    expect(before.reference).toBe('SA24-H-0013');
    const audit = await db.query<{ occurred_at: Date; actor_id: string }>(`SELECT occurred_at, actor_id FROM audit_log WHERE action = 'hearing.response.submit' AND entity_id = $1`, [before.id]);
    expect(audit.rows).toEqual([{ occurred_at: new Date('2023-06-12T09:59:00Z'), actor_id: user.id }]);
    const stored = await db.query<{ received_at: Date; late: boolean }>('SELECT received_at, late FROM hearing_responses WHERE id = $1', [before.id]);
    expect(stored.rows).toEqual([{ received_at: new Date('2023-06-12T09:59:00Z'), late: false }]);
  });

  it('refuses a response at the deadline by the clock, and one before the hearing opened, writing nothing', async () => {
    const user = await accountOf('Diabetesforeningen');
    const attempt = (at: string, key: string) =>
      clock.replay(async (travelTo) => {
        travelTo(at);
        return submit(user, key).then(
          () => null,
          (error: unknown) => error,
        );
      });
    const late = await attempt('2023-06-12T12:00:00+02:00', 'clock-late');
    expect(late).toBeInstanceOf(DomainError);
    expect((late as DomainError).code).toBe('DEADLINE_PASSED');
    const early = await attempt('2023-05-15T08:59:00+02:00', 'clock-early');
    expect(early).toBeInstanceOf(DomainError);
    expect((early as DomainError).code).toBe('BAD_USER_INPUT');
    const rows = await db.query('SELECT 1 FROM hearing_responses WHERE submitted_by = $1', [user.id]);
    expect(rows.rowCount).toBe(0);
    // The same organisation, a minute earlier by the clock, is on time.
    const onTime = await clock.replay(async (travelTo) => {
      travelTo('2023-06-12T11:59:00+02:00');
      return submit(user, 'clock-on-time');
    });
    expect(onTime.receivedAt.toISOString()).toBe('2023-06-12T09:59:00.000Z');
  });

  it('follows the system clock outside a replay, also after a replay that failed', async () => {
    await expect(
      clock.replay(async (travelTo) => {
        travelTo('2023-01-01T00:00:00Z');
        throw new Error('the history broke off');
      }),
    ).rejects.toThrow('the history broke off');
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
    // Outside a replay the deadline of 2023 has passed.
    const user = await accountOf('FOA');
    await expect(submit(user, 'clock-now')).rejects.toMatchObject({ code: 'DEADLINE_PASSED' });
  });

  it('has the demo hearing filed through the service: every response by its named person, with its reference, receipt time and audit rows', async () => {
    const { rows } = await db.query<{ reference: string; received_at: Date; submitted_by_name: string; name: string; hearing_id: string | null; submitted: Date | null; replied: Date | null; replied_at: Date }>(
      `SELECT r.reference, r.received_at, r.submitted_by_name, u.name, u.hearing_id, r.replied_at,
              (SELECT a.occurred_at FROM audit_log a WHERE a.action = 'hearing.response.submit' AND a.entity_id = r.id::text AND a.actor_id = r.submitted_by) AS submitted,
              (SELECT a.occurred_at FROM audit_log a WHERE a.action = 'hearing.response.reply' AND a.entity_id = r.id::text) AS replied
         FROM hearing_responses r JOIN users u ON u.id = r.submitted_by
        WHERE r.hearing_id = $1 AND r.idempotency_key LIKE 'demo-%' ORDER BY r.reference`,
      [hearingId],
    );
    expect(rows).toHaveLength(12);
    rows.forEach((row, index) => {
      expect(row.reference).toBe(`SA24-H-${String(index + 1).padStart(4, '0')}`);
      expect(row.name).toBe(row.submitted_by_name);
      expect(row.hearing_id).toBe(hearingId);
      expect(row.submitted).toEqual(row.received_at);
      expect(row.replied).toEqual(new Date('2023-06-26T08:00:00Z'));
      expect(row.replied_at).toEqual(new Date('2023-06-26T08:00:00Z'));
    });
    const comments = await db.query<{ n: number; audited: number }>(
      `SELECT count(*)::int AS n, count(a.id)::int AS audited FROM hearing_comments c JOIN hearing_responses r ON r.id = c.response_id
         LEFT JOIN audit_log a ON a.action = 'hearing.comment.reply' AND a.entity_id = c.id::text AND a.occurred_at = c.replied_at
        WHERE r.hearing_id = $1 AND r.idempotency_key LIKE 'demo-%'`,
      [hearingId],
    );
    expect(comments.rows[0].n).toBeGreaterThan(12);
    expect(comments.rows[0].audited).toBe(comments.rows[0].n);
  });

  it('takes a cluster’s input before the round’s deadline at the clock time and refuses it after, with DEADLINE_PASSED and nothing written', async () => {
    const secretariat = await demoUser('sekretariat@aftalerum.test');
    const nord = await demoUser('klynge.nord@aftalerum.test');
    const agreementId = (await db.query<{ id: string }>(`SELECT id FROM agreements WHERE title = 'Sundhedsaftale 2024–2027 for Region Hovedstaden'`)).rows[0].id;
    const cluster = (await db.query<{ id: string }>('SELECT id FROM clusters WHERE organisation_id = $1', [nord.organisationId])).rows[0].id;
    const open = { agreementId, title: 'Klyngernes input om opfølgning', deadline: new Date('2023-03-15T12:00:00+01:00'), clusterIds: [cluster] };
    // Outside a replay a deadline of 2023 lies in the past.
    await expect(rounds.open(secretariat, open, null)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const round = await clock.replay(async (travelTo) => {
      travelTo('2023-03-01T09:00:00+01:00');
      return rounds.open(secretariat, open, null);
    });
    expect(round.createdAt).toEqual(new Date('2023-03-01T08:00:00Z'));
    const submitAt = (at: string) =>
      clock.replay(async (travelTo) => {
        travelTo(at);
        return rounds.submit(nord, { roundId: round.id, clusterId: cluster, items: [{ theme: 'Opfølgning', text: 'Fælles opfølgning på målene hvert halve år.' }] }, null).then(
          (input) => input,
          (error: unknown) => error,
        );
      });
    const late = await submitAt('2023-03-15T12:00:00+01:00');
    expect(late).toBeInstanceOf(DomainError);
    expect((late as DomainError).code).toBe('DEADLINE_PASSED');
    expect((late as DomainError).message).toMatch(/^Fristen for input var/);
    expect((await db.query('SELECT 1 FROM cluster_inputs WHERE round_id = $1', [round.id])).rowCount).toBe(0);

    const onTime = await submitAt('2023-03-15T11:59:00+01:00');
    expect(onTime).not.toBeInstanceOf(Error);
    const stored = await db.query<{ submitted_at: Date; created_at: Date; updated_at: Date; audited: Date }>(
      `SELECT i.submitted_at, i.created_at, i.updated_at,
              (SELECT a.occurred_at FROM audit_log a WHERE a.action = 'cluster-input.submit' AND a.entity_id = i.id::text AND a.actor_id = $2) AS audited
         FROM cluster_inputs i WHERE i.round_id = $1`,
      [round.id, nord.id],
    );
    const at = new Date('2023-03-15T10:59:00Z');
    expect(stored.rows).toEqual([{ submitted_at: at, created_at: at, updated_at: at, audited: at }]);
    // Outside the replay the round's deadline has passed: the round reads as closed.
    expect(rounds.roundStatus(round)).toBe('CLOSED');
    await expect(
      rounds.submit(nord, { roundId: round.id, clusterId: cluster, items: [{ theme: 'Opfølgning', text: 'En senere udgave.' }] }, null),
    ).rejects.toMatchObject({ code: 'DEADLINE_PASSED' });
  });

  it('has the demo input round replayed through the service: opened, each cluster’s input and each assessment with its audit row at its moment', async () => {
    const [round] = (
      await db.query<{ id: string; created_at: Date; opened: Date }>(
        `SELECT r.id, r.created_at, (SELECT a.occurred_at FROM audit_log a WHERE a.action = 'input-round.open' AND a.entity_id = r.id::text) AS opened
           FROM input_rounds r WHERE r.title = 'Klyngernes ønsker til Sundhedsaftale 2024–2027'`,
      )
    ).rows;
    expect(round.created_at).toEqual(new Date('2022-12-19T08:00:00Z'));
    expect(round.opened).toEqual(round.created_at);
    const inputs = await db.query<{ cluster: string; submitted_at: Date; by: string; audited: Date | null }>(
      `SELECT c.name AS cluster, i.submitted_at, i.submitted_by_name AS by,
              (SELECT a.occurred_at FROM audit_log a WHERE a.action = 'cluster-input.submit' AND a.entity_id = i.id::text AND a.actor_id = i.submitted_by) AS audited
         FROM cluster_inputs i JOIN clusters c ON c.id = i.cluster_id WHERE i.round_id = $1 ORDER BY i.submitted_at`,
      [round.id],
    );
    expect(inputs.rows.map((r) => r.cluster)).toEqual(['Bornholm', 'Midt', 'Nord', 'Byen', 'Syd']);
    expect(inputs.rows[0]).toMatchObject({ submitted_at: new Date('2023-01-25T10:00:00Z'), by: 'Birgit Bornholm' });
    inputs.rows.forEach((row) => expect(row.audited).toEqual(row.submitted_at));
    const assessments = await db.query<{ assessed_at: Date; audited: Date | null; version: number }>(
      `SELECT s.assessed_at, v.number AS version,
              (SELECT a.occurred_at FROM audit_log a WHERE a.action = 'cluster-input.assess-item' AND a.entity_id = s.item_id::text AND a.actor_id = s.assessed_by) AS audited
         FROM input_item_assessments s JOIN cluster_input_items it ON it.id = s.item_id JOIN cluster_inputs i ON i.id = it.input_id
         JOIN agreement_versions v ON v.id = s.version_id WHERE i.round_id = $1`,
      [round.id],
    );
    expect(assessments.rows).toHaveLength(5);
    assessments.rows.forEach((row) => expect(row).toEqual({ assessed_at: new Date('2023-05-12T06:00:00Z'), audited: new Date('2023-05-12T06:00:00Z'), version: 1 }));
  });
});
