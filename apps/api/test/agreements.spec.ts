import { Client } from 'pg';
import { demo, startTestApp, TestApp } from './test-app';

const CREATE = `mutation($input: CreateAgreementInput!) {
  createAgreement(input: $input) { id title periodStart periodEnd effectiveDate phase documentName region { code } }
}`;

describe('agreements', () => {
  let app: TestApp;
  let db: Client;
  let regionH: string;
  let regionS: string;
  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    const rows = (await db.query<{ id: string; code: string }>('SELECT id, code FROM regions')).rows;
    regionH = rows.find((r) => r.code === 'H')?.id ?? '';
    regionS = rows.find((r) => r.code === 'S')?.id ?? '';
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    regionId: regionH,
    title: 'Sundhedsaftale 2028–2031',
    periodStart: 2028,
    periodEnd: 2031,
    effectiveDate: '2028-01-01',
    ...overrides,
  });
  const countAgreements = async () => Number((await db.query('SELECT count(*) FROM agreements')).rows[0].count);

  it('lists the demo agreement for those who may read it, and for nobody else (API-CONTRACT.md, "Who may read what")', async () => {
    const listed: Record<string, unknown> = {};
    for (const who of ['sekretariat', 'klynge.byen', 'kommune.gladsaxe', 'patientforening', 'sekretariat.syddanmark', 'kommune.odense']) {
      const token = await app.login(demo(who));
      const result = await app.gql<{ agreements: Array<{ title: string; effectiveDate: string; region: { code: string } }> }>(
        '{ agreements { title effectiveDate region { code } } }',
        {},
        token,
      );
      listed[who] = result.data?.agreements;
    }
    const demoAgreement = [{ title: 'Sundhedsaftale 2024–2027 for Region Hovedstaden', effectiveDate: '2024-01-01', region: { code: 'H' } }];
    expect(listed).toEqual({
      sekretariat: demoAgreement,
      'klynge.byen': demoAgreement,
      'kommune.gladsaxe': demoAgreement,
      patientforening: [],
      'sekretariat.syddanmark': [],
      'kommune.odense': [],
    });
  });

  it('answers agreement(id) and null for an unknown id', async () => {
    const token = await app.login(demo('sekretariat'));
    const [{ id }] = (await db.query('SELECT id FROM agreements')).rows;
    const found = await app.gql('query($id: ID!) { agreement(id: $id) { id documentName periodStart } }', { id }, token);
    expect(found.data?.agreement).toEqual({ id, documentName: `agreement:${id}`, periodStart: 2024 });
    const missing = await app.gql('query($id: ID!) { agreement(id: $id) { id } }', { id: '00000000-0000-0000-0000-000000000000' }, token);
    expect(missing.data?.agreement).toBeNull();
  });

  it('lets the region secretariat create an agreement and writes the audit row with it', async () => {
    const token = await app.login(demo('sekretariat'));
    const result = await app.gql(CREATE, { input: input() }, token);
    expect(result.errors).toBeUndefined();
    const created = result.data?.createAgreement;
    expect(created).toMatchObject({ periodStart: 2028, periodEnd: 2031, effectiveDate: '2028-01-01', phase: 'PREPARATION', region: { code: 'H' } });
    const audit = await db.query(
      `SELECT a.action, a.entity_type, a.data->>'title' AS title, u.email, a.request_id, ag.created_at <= a.occurred_at AS ordered
         FROM audit_log a JOIN users u ON u.id = a.actor_id JOIN agreements ag ON ag.id::text = a.entity_id
        WHERE a.entity_id = $1`,
      [created.id],
    );
    expect(audit.rows).toEqual([
      { action: 'agreement.create', entity_type: 'agreement', title: 'Sundhedsaftale 2028–2031', email: 'sekretariat@aftalerum.test', request_id: expect.any(String), ordered: true },
    ]);
  });

  it('refuses a duplicate period with CONFLICT and writes nothing', async () => {
    const token = await app.login(demo('sekretariat'));
    const before = await countAgreements();
    const auditBefore = Number((await db.query('SELECT count(*) FROM audit_log')).rows[0].count);
    const result = await app.gql(CREATE, { input: input({ periodStart: 2024, periodEnd: 2027, effectiveDate: '2024-01-01' }) }, token);
    expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(result.errors?.[0].message).toBe('Region Hovedstaden har allerede en aftale for 2024–2027.');
    expect(await countAgreements()).toBe(before);
    expect(Number((await db.query('SELECT count(*) FROM audit_log')).rows[0].count)).toBe(auditBefore);
  });

  it.each([
    ['klynge.midt', 'FORBIDDEN'],
    ['patientforening', 'FORBIDDEN'],
    ['kommune.gladsaxe', 'FORBIDDEN'],
    ['sekretariat.syddanmark', 'FORBIDDEN'],
  ])('refuses %s with %s', async (who, code) => {
    const token = await app.login(demo(who));
    const before = await countAgreements();
    const result = await app.gql(CREATE, { input: input({ periodStart: 2032, periodEnd: 2035, effectiveDate: '2032-01-01' }) }, token);
    expect(result.errors?.[0].extensions?.code).toBe(code);
    expect(result.data).toBeNull();
    expect(await countAgreements()).toBe(before);
  });

  it('refuses anonymous callers', async () => {
    const result = await app.gql(CREATE, { input: input() });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets Syddanmark’s secretariat create its own region’s agreement', async () => {
    const token = await app.login(demo('sekretariat.syddanmark'));
    const result = await app.gql(CREATE, { input: input({ regionId: regionS, title: 'Sundhedsaftale 2024–2027, Syddanmark', periodStart: 2024, periodEnd: 2027, effectiveDate: '2024-01-01' }) }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.createAgreement.region.code).toBe('S');
  });

  it.each([
    [{ title: 'x' }, /Titlen skal være mellem 3 og 200 tegn/],
    [{ periodStart: 2031, periodEnd: 2028 }, /Perioden skal slutte/],
    [{ effectiveDate: '2028-02-30' }, /Datoen 2028-02-30 findes ikke/],
    [{ effectiveDate: '1/1/2028' }, /ÅÅÅÅ-MM-DD/],
    [{ regionId: 'not-an-id' }, /»regionId« skal være et gyldigt id/],
    [{ periodStart: 1900 }, /periodStart skal være et årstal fra 2000/],
  ])('refuses bad input %j with BAD_USER_INPUT and writes nothing', async (overrides, message) => {
    const token = await app.login(demo('sekretariat'));
    const before = await countAgreements();
    const result = await app.gql(CREATE, { input: input({ periodStart: 2040, periodEnd: 2043, effectiveDate: '2040-01-01', ...overrides }) }, token);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(message);
    expect(await countAgreements()).toBe(before);
  });

  it('keeps the audit log append-only', async () => {
    await expect(db.query(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(Number((await db.query('SELECT count(*) FROM audit_log')).rows[0].count)).toBeGreaterThan(0);
  });
});
