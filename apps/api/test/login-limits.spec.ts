import { Client } from 'pg';
import type { RunningServer } from '../src/server';
import { demo, GraphQLResult, startSecondInstance, startTestApp, TestApp } from './test-app';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

// The server trusts X-Forwarded-For from loopback only, so a test on 127.0.0.1 can speak
// as any address (TEST-NET ranges below).
async function loginFrom(url: string, address: string, email: string, password: string): Promise<GraphQLResult<{ login: { token: string } }>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
  });
  return (await response.json()) as GraphQLResult<{ login: { token: string } }>;
}

const codeOf = (result: GraphQLResult): string | undefined => (result.data?.login ? 'OK' : result.errors?.[0]?.extensions?.code);

// Each test checks hundreds of passwords with argon2, slow by design: on a busy 2-core machine that
// takes more than Jest's default minute.
jest.setTimeout(240_000);

describe('login limits', () => {
  // 2 failures per account and address; so 40 per address and 100 per account an hour.
  const MAX = 2;
  let app: TestApp;
  let db: Client;

  beforeAll(async () => {
    app = await startTestApp({ LOGIN_MAX_FAILURES: String(MAX), LOGIN_WINDOW_MINUTES: '15' });
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  const failuresRecorded = async (email: string): Promise<number> =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM login_failures WHERE email = $1', [email])).rows[0].n);

  it('checks at most the allowed number of a concurrent burst, refuses the right password in it, and lets the owner in from another address', async () => {
    const email = demo('sekretariat');
    const attacker = '198.51.100.60';
    const burst = Array.from({ length: 60 }, (_, i) => loginFrom(app.url, attacker, email, `gæt-${i}`));
    // Sent as soon as the first guess has been refused, while the rest of the burst is still
    // in flight: by then the budget is spent, so the right password must not be checked.
    const firstRefusal = Promise.race([
      ...burst.map(async (guess) => {
        if (codeOf(await guess) !== 'RATE_LIMITED') await new Promise<never>(() => undefined);
      }),
      Promise.all(burst),
    ]);
    const right = firstRefusal.then(() => loginFrom(app.url, attacker, email, 'demo1234'));
    const codes = (await Promise.all(burst)).map(codeOf);
    const rightResult = await right;

    const checked = codes.filter((code) => code === 'UNAUTHENTICATED').length;
    // The first MAX upserts pass; every later one sees the spent budget.
    expect(checked).toBe(MAX);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(60 - checked);
    expect(await failuresRecorded(email)).toBe(checked);

    expect(codeOf(rightResult)).toBe('RATE_LIMITED');
    expect(rightResult.errors?.[0].message).toMatch(/^For mange mislykkede login-forsøg\. Vent 15 minutter, og prøv igen\.$/);
    expect(await failuresRecorded(email)).toBe(checked);

    const owner = await loginFrom(app.url, '192.0.2.10', email, 'demo1234');
    expect(codeOf(owner)).toBe('OK');
  });

  it('resets the account and address counter on a successful login', async () => {
    const email = demo('klynge.syd');
    const address = '198.51.100.61';
    // Without the reset, the failures of three rounds would pass the limit of MAX.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < MAX - 1; i++) expect(codeOf(await loginFrom(app.url, address, email, `forkert-${round}-${i}`))).toBe('UNAUTHENTICATED');
      expect(codeOf(await loginFrom(app.url, address, email, 'demo1234'))).toBe('OK');
    }
  });

  it('stops guesses from one address across many accounts at the per-address limit', async () => {
    const address = '198.51.100.62';
    const perAddress = MAX * 20;
    const codes: Array<string | undefined> = [];
    // One guess per account, so the per-account limits never come into play.
    for (let i = 0; i < perAddress + 3; i++) codes.push(codeOf(await loginFrom(app.url, address, `gaet-${i}@aftalerum.test`, 'demo1234')));
    expect(codes.slice(0, perAddress).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.slice(perAddress)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    // Even a right password from that address is refused without being checked…
    const right = await loginFrom(app.url, address, demo('klynge.byen'), 'demo1234');
    expect(codeOf(right)).toBe('RATE_LIMITED');
    expect(right.errors?.[0].message).toMatch(/^For mange mislykkede login-forsøg fra din adresse\. Vent (60|59) minutter, og prøv igen\.$/);
    expect(await failuresRecorded(demo('klynge.byen'))).toBe(0);
    // …while the same account from another address is not affected.
    expect(codeOf(await loginFrom(app.url, '192.0.2.11', demo('klynge.byen'), 'demo1234'))).toBe('OK');
  });

  it('locks an account from everywhere only past a much higher ceiling', async () => {
    const email = demo('klynge.bornholm');
    const ceiling = MAX * 50;
    const addresses = ceiling / MAX;
    for (let a = 0; a < addresses; a++) {
      const address = `203.0.113.${a + 1}`;
      const results = await Promise.all(Array.from({ length: MAX }, (_, i) => loginFrom(app.url, address, email, `gæt-${a}-${i}`)));
      expect(results.map(codeOf)).toEqual(Array(MAX).fill('UNAUTHENTICATED'));
    }
    expect(await failuresRecorded(email)).toBe(ceiling);
    const owner = await loginFrom(app.url, '192.0.2.12', email, 'demo1234');
    expect(codeOf(owner)).toBe('RATE_LIMITED');
    expect(owner.errors?.[0].message).toMatch(/^For mange mislykkede login-forsøg på denne konto\. Vent \d+ minutter, og prøv igen\.$/);
    expect(await failuresRecorded(email)).toBe(ceiling);
  });

  it('doubles the lockout of an account and address each time it is reached again', async () => {
    const email = demo('patientforening');
    const address = '198.51.100.63';
    const key = `login-account-address:${email} ${address}`;
    const lockedUntil = async (): Promise<number> =>
      Number((await db.query<{ expire: string }>('SELECT expire FROM rate_limits WHERE key = $1', [key])).rows[0].expire);

    for (let lockout = 1; lockout <= 3; lockout++) {
      for (let i = 0; i < MAX; i++) expect(codeOf(await loginFrom(app.url, address, email, `gæt-${lockout}-${i}`))).toBe('UNAUTHENTICATED');
      const before = Date.now();
      const refused = await loginFrom(app.url, address, email, 'demo1234');
      expect(codeOf(refused)).toBe('RATE_LIMITED');
      const minutes = 15 * 2 ** (lockout - 1);
      expect(refused.errors?.[0].message).toBe(`For mange mislykkede login-forsøg. Vent ${minutes} minutter, og prøv igen.`);
      const until = await lockedUntil();
      expect(until).toBeGreaterThanOrEqual(before + minutes * 60_000);
      expect(until).toBeLessThanOrEqual(Date.now() + minutes * 60_000);
      // The lockout runs out: move its end into the past instead of waiting.
      await db.query('UPDATE rate_limits SET expire = $2 WHERE key = $1', [key, Date.now() - 1]);
    }
    // A success clears the history, so the next lockout is the short one again.
    expect(codeOf(await loginFrom(app.url, address, email, 'demo1234'))).toBe('OK');
    for (let i = 0; i < MAX; i++) await loginFrom(app.url, address, email, `igen-${i}`);
    const refused = await loginFrom(app.url, address, email, 'demo1234');
    expect(refused.errors?.[0].message).toBe('For mange mislykkede login-forsøg. Vent 15 minutter, og prøv igen.');
  });

  describe('with a second instance on the same database', () => {
    let second: RunningServer;
    beforeAll(async () => {
      second = await startSecondInstance(app, { LOGIN_MAX_FAILURES: String(MAX) });
    });
    afterAll(() => second.close());

    it('shares the counter: guesses spread over both instances are limited as one', async () => {
      const email = demo('klynge.midt');
      const address = '198.51.100.64';
      const burst = await Promise.all(
        Array.from({ length: 20 }, (_, i) => loginFrom(i % 2 === 0 ? app.url : second.url, address, email, `gæt-${i}`)),
      );
      const codes = burst.map(codeOf);
      expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(MAX);
      expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(20 - MAX);
      expect(await failuresRecorded(email)).toBe(MAX);
      for (const url of [app.url, second.url]) expect(codeOf(await loginFrom(url, address, email, 'demo1234'))).toBe('RATE_LIMITED');
      // And a success on one instance resets the counter that the other one reads.
      const elsewhere = '192.0.2.13';
      expect(codeOf(await loginFrom(second.url, elsewhere, email, 'forkert'))).toBe('UNAUTHENTICATED');
      expect(codeOf(await loginFrom(app.url, elsewhere, email, 'demo1234'))).toBe('OK');
      for (let i = 0; i < MAX; i++) expect(codeOf(await loginFrom(second.url, elsewhere, email, `igen-${i}`))).toBe('UNAUTHENTICATED');
    });
  });
});
