import { createClient } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import WebSocket from 'ws';
import { WRITE_REVOKED_CODE } from '../src/collaboration/extensions/write-access.extension';
import { connectCollab, waitFor } from './collab-client';
import { failureOf, subscribe, triggerUntilDelivered } from './subscription-client';
import { demo, GraphQLResult, startTestApp, TEST_JWT_SECRET, TestApp } from './test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyData = Record<string, any>;

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token refreshToken expiresAt user { email } } }';
const ME = '{ me { email role } }';
const CREATE_VERSION = 'mutation($i: CreateVersionInput!) { createVersion(input: $i) { id label } }';

/** A browser's view of one login: its cookies, as a Cookie header, and the CSRF token among them. */
interface BrowserSession {
  cookie: string;
  csrf: string;
  setCookies: string[];
}

describe('sessions you can trust', () => {
  let app: TestApp;
  let db: Client;
  let agreementId: string;
  let documentName: string;

  const post = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { response, result: (await response.json()) as GraphQLResult<AnyData> };
  };

  /** Logs in as the web app does: the answer sets the cookies. */
  const browserLogin = async (email: string): Promise<BrowserSession> => {
    const { response, result } = await post({ query: LOGIN, variables: { e: email, p: 'demo1234' } });
    expect(result.errors).toBeUndefined();
    const setCookies = response.headers.getSetCookie();
    const pairs = setCookies.map((line) => line.split(';')[0]);
    const csrf = pairs.find((pair) => pair.startsWith('aftalerum_csrf='))?.slice('aftalerum_csrf='.length) ?? '';
    return { cookie: pairs.join('; '), csrf, setCookies };
  };

  const asBrowser = (session: BrowserSession, query: string, variables: Record<string, unknown> = {}, csrf = true) =>
    post({ query, variables }, { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrf } : {}) });

  const versionCount = async () => Number((await db.query('SELECT count(*) AS n FROM agreement_versions WHERE agreement_id = $1', [agreementId])).rows[0].n);

  /** A fresh account copied from a demo account, so changing it disturbs no other test. */
  const copyOf = async (local: string): Promise<string> => {
    const email = `kopi.${randomUUID().slice(0, 8)}@aftalerum.test`;
    await db.query(`INSERT INTO users (email, name, password_hash, role, organisation_id) SELECT $1, 'Kopi', password_hash, role, organisation_id FROM users WHERE email = $2`, [email, demo(local)]);
    return email;
  };

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    const token = await app.login(demo('sekretariat'));
    const list = await app.gql<{ agreements: Array<{ id: string; documentName: string }> }>('{ agreements { id documentName } }', {}, token);
    agreementId = list.data?.agreements[0].id ?? '';
    documentName = list.data?.agreements[0].documentName ?? '';
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  describe('the session cookie', () => {
    it('is set by login as HttpOnly, SameSite=Lax and Path=/, beside a readable CSRF cookie, and signs the browser in', async () => {
      const session = await browserLogin(demo('sekretariat'));
      const sessionCookie = session.setCookies.find((line) => line.startsWith('aftalerum_session='));
      const csrfCookie = session.setCookies.find((line) => line.startsWith('aftalerum_csrf='));
      expect(sessionCookie).toMatch(/; HttpOnly/i);
      expect(sessionCookie).toMatch(/; SameSite=Lax/i);
      expect(sessionCookie).toMatch(/; Path=\//i);
      // Plain http here; Secure is set when the request came over https.
      expect(sessionCookie).not.toMatch(/; Secure/i);
      expect(csrfCookie).not.toMatch(/HttpOnly/i);
      expect(session.csrf).toMatch(/^[\w-]{40,}$/);
      const { result } = await asBrowser(session, ME);
      expect(result.data?.me).toEqual({ email: demo('sekretariat'), role: 'SECRETARIAT' });
    });

    it('marks the cookies Secure when a trusted proxy says the request came over https', async () => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ query: LOGIN, variables: { e: demo('sekretariat'), p: 'demo1234' } }),
      });
      for (const line of response.headers.getSetCookie()) expect(line).toMatch(/; Secure/i);
    });

    it('refuses a cookie-authenticated mutation without the CSRF header with FORBIDDEN, and writes nothing', async () => {
      const session = await browserLogin(demo('sekretariat'));
      const before = await versionCount();
      const { result } = await asBrowser(session, CREATE_VERSION, { i: { agreementId, label: 'Uden CSRF' } }, false);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(result.errors?.[0].message).toMatch(/sikkerhedsnøglen/);
      // A wrong token is no better than none.
      const forged = await post({ query: CREATE_VERSION, variables: { i: { agreementId, label: 'Forfalsket CSRF' } } }, { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) });
      expect(forged.result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await versionCount()).toBe(before);
      expect((await db.query(`SELECT 1 FROM agreement_versions WHERE label IN ('Uden CSRF', 'Forfalsket CSRF')`)).rowCount).toBe(0);
    });

    it('refuses a cookie-authenticated upload without the CSRF header', async () => {
      const session = await browserLogin(demo('patientforening'));
      const before = Number((await db.query('SELECT count(*) AS n FROM attachments')).rows[0].n);
      const body = new FormData();
      body.append('file', new Blob(['%PDF-1.4 test'], { type: 'application/pdf' }), 'bilag.pdf');
      const response = await fetch(`${app.url}/files/attachments`, { method: 'POST', body, headers: { cookie: session.cookie } });
      expect(response.status).toBe(403);
      expect(Number((await db.query('SELECT count(*) AS n FROM attachments')).rows[0].n)).toBe(before);
    });

    it('accepts the mutation with the CSRF header', async () => {
      const session = await browserLogin(demo('sekretariat'));
      const before = await versionCount();
      const { result } = await asBrowser(session, CREATE_VERSION, { i: { agreementId, label: 'Med CSRF' } });
      expect(result.errors).toBeUndefined();
      expect(result.data?.createVersion.label).toBe('Med CSRF');
      expect(await versionCount()).toBe(before + 1);
    });

    it('needs no CSRF header with a bearer token', async () => {
      const token = await app.login(demo('sekretariat'));
      const result = await app.gql(CREATE_VERSION, { i: { agreementId, label: 'Med bearer' } }, token);
      expect(result.errors).toBeUndefined();
      expect(result.data?.createVersion.label).toBe('Med bearer');
    });

    it('does not run a mutation sent as GraphQL GET', async () => {
      const session = await browserLogin(demo('sekretariat'));
      const before = await versionCount();
      const query = encodeURIComponent('mutation { createVersion(input: { agreementId: "' + agreementId + '", label: "Over GET" }) { id } }');
      const response = await fetch(`${app.url}/graphql?query=${query}`, { headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'apollo-require-preflight': 'true' } });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await versionCount()).toBe(before);
    });
  });

  describe('signing out', () => {
    it('ends the session at once for its bearer token and its cookie, and clears the cookies', async () => {
      const session = await browserLogin(demo('sekretariat'));
      const { response, result } = await asBrowser(session, 'mutation { logout }');
      expect(result.data?.logout).toBe(true);
      expect(response.headers.getSetCookie().join('\n')).toMatch(/aftalerum_session=;.*Expires=Thu, 01 Jan 1970/);
      const after = await asBrowser(session, ME);
      expect(after.result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(after.result.errors?.[0].message).toBe('Din session er udløbet. Log ind igen.');

      const token = await app.login(demo('sekretariat'));
      expect((await app.gql(ME, {}, token)).data?.me.email).toBe(demo('sekretariat'));
      expect((await app.gql('mutation { logout }', {}, token)).data?.logout).toBe(true);
      expect((await app.gql(ME, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const row = await db.query('SELECT revoked_at, revoked_reason FROM sessions WHERE revoked_reason = $1 ORDER BY revoked_at DESC LIMIT 1', ['logout']);
      expect(row.rows[0].revoked_at).toBeInstanceOf(Date);
    });

    it('leaves the person’s other sessions alone', async () => {
      const first = await app.login(demo('sekretariat'));
      const second = await app.login(demo('sekretariat'));
      await app.gql('mutation { logout }', {}, first);
      expect((await app.gql(ME, {}, second)).data?.me.email).toBe(demo('sekretariat'));
    });

    it('answers a burst of requests from many sessions at once each as its own person, and refuses the ended ones among them', async () => {
      const people = ['sekretariat', 'kommune.gladsaxe', 'patientforening'];
      const tokens = await Promise.all(people.flatMap((person) => [0, 1].map(async () => ({ person, token: await app.login(demo(person)) }))));
      const ended = tokens.filter((_, index) => index % 2 === 1);
      for (const { token } of ended) await app.gql('mutation { logout }', {}, token);
      const answers = await Promise.all(Array.from({ length: 4 }, () => tokens.map(({ token }) => app.gql(ME, {}, token))).flat());
      answers.forEach((answer, index) => {
        const { person } = tokens[index % tokens.length];
        if (index % 2 === 1) expect(answer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        else expect(answer.data?.me.email).toBe(demo(person));
      });
    });

    it('ends an open subscription with UNAUTHENTICATED before the next event', async () => {
      const [{ version, org }] = (await db.query(`SELECT (SELECT id FROM agreement_versions WHERE label = 'Høringsudkast') AS version, (SELECT id FROM organisations WHERE name = 'Danske Patienter') AS org`)).rows;
      const secretariat = await app.login(demo('sekretariat'));
      const opened = await app.gql('mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }', {
        i: { versionId: version, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString(), invitedOrganisationIds: [org] },
      }, secretariat);
      const hearingId = opened.data?.openHearing.id;
      type Event = { data?: { hearingResponseReceived?: { reference: string } } };
      const subscription = subscribe<Event>(app.url, 'subscription($h: ID!) { hearingResponseReceived(hearingId: $h) { reference } }', { h: hearingId }, secretariat);
      const patient = await app.login(demo('patientforening'));
      const filed: string[] = [];
      const submit = async (n: number) => {
        const result = await app.gql('mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { reference } }', {
          i: { hearingId, organisationId: org, idempotencyKey: randomUUID(), comments: [{ text: `Session ${n}.` }], publish: true },
        }, patient);
        filed.push(result.data?.submitHearingResponse.reference);
      };
      try {
        await triggerUntilDelivered(subscription, submit, (event) => (event as Event).data?.hearingResponseReceived?.reference === filed.at(-1));
        expect(subscription.failures).toEqual([]);
        await app.gql('mutation { logout }', {}, secretariat);
        await submit(1000);
        await waitFor(() => subscription.failures.length > 0, 10_000, 'the end of the stream');
        expect(failureOf(subscription)).toEqual({ code: 'UNAUTHENTICATED', message: 'Din session er udløbet. Log ind igen.' });
        expect(subscription.events.map((e) => e.data?.hearingResponseReceived?.reference)).not.toContain(filed.at(-1));
      } finally {
        await subscription.dispose();
      }
    });

    it('closes an open /collab socket at once', async () => {
      const token = await app.login(demo('sekretariat'));
      const client = await connectCollab(app.url, documentName, token);
      try {
        expect(client.provider.authorizedScope).toBe('read-write');
        await app.gql('mutation { logout }', {}, token);
        await waitFor(() => client.closes.length > 0, 10_000, 'the close of the socket');
        expect(client.closes[0].code).toBe(WRITE_REVOKED_CODE);
        // The same token opens nothing any more.
        await expect(connectCollab(app.url, documentName, token)).rejects.toThrow('authentication failed');
      } finally {
        client.destroy();
      }
    });
  });

  describe('a changed account', () => {
    it('ends the sessions of a user whose role changes, at once and for good', async () => {
      const email = await copyOf('sekretariat');
      const token = await app.login(email);
      expect((await app.gql(ME, {}, token)).data?.me.role).toBe('SECRETARIAT');
      await db.query(`UPDATE users SET role = 'CLUSTER' WHERE email = $1`, [email]);
      expect((await app.gql(ME, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      await db.query(`UPDATE users SET role = 'SECRETARIAT' WHERE email = $1`, [email]);
      expect((await app.gql(ME, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      // A new login is a new session with the role as it is now.
      expect((await app.gql(ME, {}, await app.login(email))).data?.me.role).toBe('SECRETARIAT');
    });

    it('ends the sessions of a user whose organisation changes', async () => {
      const email = await copyOf('klynge.nord');
      const session = await browserLogin(email);
      await db.query(`UPDATE users SET organisation_id = (SELECT organisation_id FROM users WHERE email = $2) WHERE email = $1`, [email, demo('klynge.syd')]);
      expect((await asBrowser(session, ME)).result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('ends the sessions of a disabled account at once, and refuses its login', async () => {
      const email = await copyOf('sekretariat');
      const token = await app.login(email);
      const session = await browserLogin(email);
      await db.query('UPDATE users SET disabled_at = now() WHERE email = $1', [email]);
      expect((await app.gql(ME, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await asBrowser(session, ME)).result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const login = await app.gql(LOGIN, { e: email, p: 'demo1234' });
      expect(login.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('refresh', () => {
    const REFRESH = 'mutation($r: String!) { refreshSession(refreshToken: $r) { token refreshToken expiresAt user { email } } }';

    it('gives a short-lived access token with a sid, renewed by a refresh token that works once', async () => {
      const login = await app.gql(LOGIN, { e: demo('sekretariat'), p: 'demo1234' });
      const { token, refreshToken, expiresAt } = login.data?.login ?? {};
      const claims = jwt.decode(token) as { sub: string; sid: string; exp: number; iat: number };
      expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/);
      expect(claims.exp - claims.iat).toBe(15 * 60);
      expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());

      const renewed = await app.gql(REFRESH, { r: refreshToken });
      expect(renewed.errors).toBeUndefined();
      expect(renewed.data?.refreshSession.user.email).toBe(demo('sekretariat'));
      expect(renewed.data?.refreshSession.refreshToken).not.toBe(refreshToken);
      expect((jwt.decode(renewed.data?.refreshSession.token) as { sid: string }).sid).toBe(claims.sid);
      expect((await app.gql(ME, {}, renewed.data?.refreshSession.token)).data?.me.email).toBe(demo('sekretariat'));

      // The next refresh token works once more.
      const again = await app.gql(REFRESH, { r: renewed.data?.refreshSession.refreshToken });
      expect(again.errors).toBeUndefined();
    });

    it('ends the session when a used refresh token comes back', async () => {
      const login = await app.gql(LOGIN, { e: demo('sekretariat'), p: 'demo1234' });
      const first = login.data?.login.refreshToken;
      const renewed = await app.gql(REFRESH, { r: first });
      const newToken = renewed.data?.refreshSession.token;
      expect((await app.gql(ME, {}, newToken)).data?.me).toBeTruthy();

      const reused = await app.gql(REFRESH, { r: first });
      expect(reused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      // Every token of the session stops working, the thief's and the owner's alike.
      expect((await app.gql(ME, {}, newToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await app.gql(REFRESH, { r: renewed.data?.refreshSession.refreshToken })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const sid = (jwt.decode(newToken) as { sid: string }).sid;
      expect((await db.query('SELECT revoked_reason FROM sessions WHERE id = $1', [sid])).rows[0].revoked_reason).toBe('refresh-reused');
    });

    it('refuses a garbled refresh token', async () => {
      for (const bad of ['', 'nonsense', `${randomUUID()}.${'a'.repeat(43)}`]) {
        expect((await app.gql(REFRESH, { r: bad })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('the collaboration token', () => {
    const COLLAB_TOKEN = 'mutation($d: String!) { collaborationToken(documentName: $d) { token expiresAt readOnly mode } }';

    it('opens the one document it was issued for, with the caller’s current access', async () => {
      const token = await app.login(demo('sekretariat'));
      const issued = await app.gql(COLLAB_TOKEN, { d: documentName }, token);
      expect(issued.errors).toBeUndefined();
      expect(issued.data?.collaborationToken.readOnly).toBe(false);
      const claims = jwt.decode(issued.data?.collaborationToken.token) as { exp: number; iat: number; typ: string };
      expect(claims.typ).toBe('collaboration');
      expect(claims.exp - claims.iat).toBe(60);
      const client = await connectCollab(app.url, documentName, issued.data?.collaborationToken.token);
      try {
        expect(client.provider.authorizedScope).toBe('read-write');
      } finally {
        client.destroy();
      }

      // A cluster of the region may only suggest: its socket is not read-only, its mode says so.
      const reader = await app.login(demo('klynge.nord'));
      const suggesting = await app.gql(COLLAB_TOKEN, { d: documentName }, reader);
      expect(suggesting.data?.collaborationToken).toMatchObject({ readOnly: false, mode: 'SUGGEST' });
      expect(issued.data?.collaborationToken.mode).toBe('WRITE');
    });

    it('opens no other document, and is no access token', async () => {
      const token = await app.login(demo('sekretariat'));
      const issued = await app.gql(COLLAB_TOKEN, { d: documentName }, token);
      const collaborationToken = issued.data?.collaborationToken.token;
      const other = (await db.query('SELECT id FROM agreements WHERE id <> $1 LIMIT 1', [agreementId])).rows[0]?.id ?? randomUUID();
      await expect(connectCollab(app.url, `agreement:${other}`, collaborationToken)).rejects.toThrow('authentication failed');
      expect((await app.gql(ME, {}, collaborationToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('is refused for a document the caller may not read', async () => {
      const token = await app.login(demo('patientforening'));
      const refused = await app.gql(COLLAB_TOKEN, { d: documentName }, token);
      expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(refused.errors?.[0].message).toBe('Dokumentet findes ikke.');
      expect(refused.data).toBeNull();
    });

    it('no longer opens the document once expired', async () => {
      const token = await app.login(demo('sekretariat'));
      const issued = await app.gql(COLLAB_TOKEN, { d: documentName }, token);
      const claims = jwt.decode(issued.data?.collaborationToken.token) as Record<string, unknown>;
      const now = Math.floor(Date.now() / 1000);
      const expired = jwt.sign({ ...claims, iat: now - 120, exp: now - 60 }, TEST_JWT_SECRET);
      await expect(connectCollab(app.url, documentName, expired)).rejects.toThrow('authentication failed');
      // The same claims, still valid, do open it: only the expiry was different.
      const valid = jwt.sign({ ...claims, iat: now, exp: now + 60 }, TEST_JWT_SECRET);
      const client = await connectCollab(app.url, documentName, valid);
      client.destroy();
    });

    it('opens nothing once its session has ended', async () => {
      const token = await app.login(demo('sekretariat'));
      const issued = await app.gql(COLLAB_TOKEN, { d: documentName }, token);
      await app.gql('mutation { logout }', {}, token);
      await expect(connectCollab(app.url, documentName, issued.data?.collaborationToken.token)).rejects.toThrow('authentication failed');
    });
  });

  describe('WebSockets with the cookie', () => {
    /** A graphql-ws client sending the browser's cookie and an Origin on the upgrade. */
    const cookieClient = (cookie: string, origin: string) => {
      class BrowserLikeSocket extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { cookie, origin } });
        }
      }
      return createClient({ url: `${app.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: BrowserLikeSocket, retryAttempts: 0, lazy: false });
    };

    const firstAnswer = (client: ReturnType<typeof cookieClient>) =>
      new Promise<{ ok: boolean; detail: string }>((resolve) => {
        client.on('connected', () => resolve({ ok: true, detail: 'connected' }));
        client.on('closed', (event) => resolve({ ok: false, detail: String((event as { code?: number }).code) }));
        client.on('error', (error) => resolve({ ok: false, detail: String((error as Error).message ?? error) }));
      });

    it('accepts a graphql-ws upgrade from the server’s own origin, known by the cookie alone', async () => {
      const session = await browserLogin(demo('sekretariat'));
      const client = cookieClient(session.cookie, app.url);
      try {
        expect(await firstAnswer(client)).toEqual({ ok: true, detail: 'connected' });
      } finally {
        await client.dispose();
      }
    });

    it('refuses an upgrade that carries the cookie from a foreign origin, on /graphql and /collab', async () => {
      const session = await browserLogin(demo('sekretariat'));
      const client = cookieClient(session.cookie, 'https://ondsindet.example');
      try {
        expect((await firstAnswer(client)).ok).toBe(false);
      } finally {
        await client.dispose();
      }
      const status = await new Promise<number>((resolve) => {
        const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/collab`, { headers: { cookie: session.cookie, origin: 'https://ondsindet.example' } });
        socket.on('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
          socket.terminate();
        });
        socket.on('open', () => {
          resolve(101);
          socket.close();
        });
        socket.on('error', () => undefined);
      });
      expect(status).toBe(403);
    });
  });
});
