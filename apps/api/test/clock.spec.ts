import { Client } from 'pg';
import { Clock } from '../src/common/clock';
import { DomainError } from '../src/common/domain-error';
import { HearingsService } from '../src/hearings/hearings.service';
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
  let hearingId: string;

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
});
