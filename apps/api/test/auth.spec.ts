import { demo, startTestApp, TestApp } from './test-app';

describe('login and me', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => app.close());

  const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { email role organisation { name kind } } } }';

  it('signs in with the right password and returns the user with the organisation', async () => {
    const result = await app.gql(LOGIN, { e: 'Sekretariat@Aftalerum.test', p: 'demo1234' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.login.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(result.data?.login.user).toEqual({
      email: 'sekretariat@aftalerum.test',
      role: 'SECRETARIAT',
      organisation: { name: 'Sundhedssamarbejdsudvalget, Region Hovedstaden', kind: 'COMMITTEE' },
    });
  });

  it('refuses a wrong password with UNAUTHENTICATED and a Danish message', async () => {
    const result = await app.gql(LOGIN, { e: demo('kommune.gladsaxe'), p: 'forkert' });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0].message).toBe('E-mailadressen eller adgangskoden er forkert.');
  });

  it('refuses an unknown address the same way as a wrong password', async () => {
    const result = await app.gql(LOGIN, { e: 'ingen@aftalerum.test', p: 'demo1234' });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0].message).toBe('E-mailadressen eller adgangskoden er forkert.');
  });

  it('limits failed logins per address, even when the right password comes later', async () => {
    const email = demo('klynge.nord');
    for (let i = 0; i < 3; i++) {
      const wrong = await app.gql(LOGIN, { e: email, p: `gæt-${i}` });
      expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await app.gql(LOGIN, { e: email, p: 'demo1234' });
    expect(blocked.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0].message).toMatch(/For mange mislykkede login-forsøg/);
    // Another address is not affected.
    const other = await app.gql(LOGIN, { e: demo('klynge.midt'), p: 'demo1234' });
    expect(other.errors).toBeUndefined();
  });

  it('answers me for a signed-in user and null-with-error for none', async () => {
    const token = await app.login(demo('patientforening'));
    const me = await app.gql('{ me { email name role organisation { name kind } } }', {}, token);
    expect(me.data?.me).toEqual({
      email: 'patientforening@aftalerum.test',
      name: 'Peter Patientforening',
      role: 'ORGANISATION',
      organisation: { name: 'Danske Patienter', kind: 'PATIENT_ORGANISATION' },
    });
    const anonymous = await app.gql('{ me { email } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged or garbled token', async () => {
    const token = await app.login(demo('sekretariat'));
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.c2lnbmF0dXJl`;
    for (const bad of [forged, 'not-a-token']) {
      const result = await app.gql('{ me { email } }', {}, bad);
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0].message).toMatch(/Log ind igen/);
    }
  });

  it('answers malformed GraphQL with BAD_USER_INPUT, not a server error', async () => {
    const token = await app.login(demo('sekretariat'));
    const result = await app.gql('{ me { noSuchField } }', {}, token);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const syntax = await app.gql('{ me { ', {}, token);
    expect(syntax.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
