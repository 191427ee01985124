import { Client } from 'pg';
import { demo, startTestApp, TestApp } from './test-app';

/**
 * The server decides dates in Danish time whatever its own time zone: `nx run api:test` runs
 * this file under TZ=UTC and again under TZ=Pacific/Auckland. The expected days are worked out
 * here with Intl, apart from the code under test (libs/dates).
 */
const danishDayOf = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

describe(`dates on the server are Danish (process time zone ${process.env.TZ ?? 'unset'})`, () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let agreementId: string;
  const year = new Date().getUTCFullYear() + 1;
  // 23:30 UTC is already the next day in Denmark; 11:30 UTC is still the same day in Denmark but
  // the next in Auckland. A server that used its own zone would put one of them on the wrong day.
  const lateEvening = `${year}-03-10T23:30:00.000Z`;
  const midday = `${year}-03-20T11:30:00.000Z`;

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(demo('sekretariat'));
    agreementId = (await db.query<{ id: string }>(`SELECT a.id FROM agreements a JOIN regions r ON r.id = a.region_id WHERE r.code = 'H'`)).rows[0].id;
    const clusterId = (await db.query<{ id: string }>(`SELECT c.id FROM clusters c JOIN regions r ON r.id = c.region_id WHERE r.code = 'H' LIMIT 1`)).rows[0].id;
    for (const [title, deadline] of [
      ['Sen aften', lateEvening],
      ['Middag', midday],
    ]) {
      const opened = await app.gql('mutation($i: OpenInputRoundInput!) { openInputRound(input: $i) { id } }', { i: { agreementId, title, deadline, clusterIds: [clusterId] } }, secretariat);
      expect(opened.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('runs in the time zone the test command set', () => {
    if (process.env.TZ) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
  });

  it('puts a deadline on the timeline on the day it falls in Denmark', async () => {
    const result = await app.gql<{ agreement: { milestones: Array<{ title: string; date: string }> } }>('query($id: ID!) { agreement(id: $id) { milestones { title date } } }', { id: agreementId }, secretariat);
    const dayOf = (title: string) => result.data?.agreement.milestones.find((m) => m.title === `Frist for input: ${title}`)?.date;
    expect(dayOf('Sen aften')).toBe(danishDayOf(lateEvening));
    expect(dayOf('Sen aften')).toBe(`${year}-03-11`);
    expect(dayOf('Middag')).toBe(`${year}-03-20`);
  });

  it('counts the days to the effective date from today in Denmark', async () => {
    const result = await app.gql<{ agreementDashboard: { daysToEffectiveDate: number } }>('query($id: ID!) { agreementDashboard(agreementId: $id) { daysToEffectiveDate } }', { id: agreementId }, secretariat);
    const [{ effective_date: effective }] = (await db.query<{ effective_date: string }>('SELECT effective_date FROM agreements WHERE id = $1', [agreementId])).rows;
    // Asked twice around the query, so a midnight in Denmark between them cannot fail the test.
    const expected = (now: Date) => Math.round((Date.parse(`${effective}T00:00:00Z`) - Date.parse(`${danishDayOf(now.toISOString())}T00:00:00Z`)) / 86_400_000);
    expect([expected(new Date()), expected(new Date(Date.now() - 60_000))]).toContain(result.data?.agreementDashboard.daysToEffectiveDate);
  });
});
