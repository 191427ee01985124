import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { RemindersService } from '../src/notifications/reminders.service';
import { ACCEPTANCES_PER_ADDRESS, ACCEPTANCES_PER_LINK, CODE_TRIES } from '../src/hearings/invitation-codes.service';
import { ACCEPT_INVITATION, CONFIRM_INVITATION, mailedCode } from './invitation-codes';
import { demo, GraphQLResult, startTestApp, TestApp } from './test-app';

const OPEN = 'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id invitations { id organisationName link } } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawHearingInvitation(invitationId: $id) { id link } }';
const REISSUE = 'mutation($id: ID!) { reissueHearingInvitation(invitationId: $id) { id link } }';
const SUBMIT = 'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { id reference } }';

interface Invitation {
  id: string;
  organisationName: string;
  link: string;
}

const codeOf = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code;

describe('confirming an invitation with a code mailed to the address', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;
  let versionId: string;
  let org: Record<string, string>;

  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  const tokenOf = (link: string) => link.split('/').pop() as string;
  const uniqueEmail = (who: string) => `${who}.${randomUUID().slice(0, 8)}@eksempel.test`;

  const open = async (): Promise<{ id: string; invitation: Invitation }> => {
    const result = await app.gql(OPEN, { i: { versionId, opensAt: inMinutes(-1), closesAt: inMinutes(60), invitedOrganisationIds: [org.Hjerteforeningen] } }, secretariat);
    expect(result.errors).toBeUndefined();
    return { id: result.data?.openHearing.id, invitation: result.data?.openHearing.invitations[0] };
  };
  const accept = (link: string, email: string, name = 'Hanne Hjerte') => app.gql(ACCEPT_INVITATION, { i: { token: tokenOf(link), name, email } });
  const confirm = (acceptanceId: string, code: string) => app.gql(CONFIRM_INVITATION, { i: { acceptanceId, code } });
  const acceptance = async (email: string) =>
    (
      await db.query<{ id: string; user_id: string; code_hash: string; attempts: number; confirmed_at: Date | null; disabled_at: Date | null }>(
        'SELECT a.id, a.user_id, a.code_hash, a.attempts, a.confirmed_at, a.disabled_at FROM invitation_acceptances a JOIN users u ON u.id = a.user_id WHERE u.email = $1',
        [email],
      )
    ).rows[0];
  const codeMessages = async (email: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'INVITATION_CODE' AND $1 = ANY(recipients)`, [email])).rows[0].n;
  const audits = async (action: string, userId: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND data->>'userId' = $2`, [action, userId])).rows[0].n;
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(demo('sekretariat'));
    org = Object.fromEntries((await db.query<{ id: string; name: string }>('SELECT id, name FROM organisations')).rows.map((r) => [r.name, r.id]));
    versionId = (await db.query<{ id: string }>(`SELECT id FROM agreement_versions WHERE label = 'Høringsudkast'`)).rows[0].id;
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('creates the account pending and mails a 6-digit code (hashed at rest, outside every agreement’s outbox); the code activates it and signs in once', async () => {
    const { id: hearingId, invitation } = await open();
    const email = uniqueEmail('hanne');
    const accepted = await accept(invitation.link, email);
    expect(accepted.errors).toBeUndefined();
    expect(JSON.stringify(accepted)).not.toMatch(/eyJ/);
    const sent = accepted.data?.acceptHearingInvitation;
    expect(sent.email).toBe(email);
    expect(new Date(sent.expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(new Date(sent.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const pending = await acceptance(email);
    expect(pending).toMatchObject({ id: sent.acceptanceId, attempts: 0, confirmed_at: null, disabled_at: null });
    const code = await mailedCode(db, email);
    expect(code).toMatch(/^\d{6}$/);
    expect(pending.code_hash).not.toContain(code);
    const message = await db.query('SELECT agreement_id, organisation_id, recipients FROM notifications WHERE kind = $1 AND $2 = ANY(recipients)', ['INVITATION_CODE', email]);
    expect(message.rows).toEqual([{ agreement_id: null, organisation_id: null, recipients: [email] }]);
    expect(await audits('hearing.invitation-accepted', pending.user_id)).toBe(1);
    expect(await audits('hearing.invitation-confirmed', pending.user_id)).toBe(0);

    const confirmed = await confirm(sent.acceptanceId, ` ${code.slice(0, 3)} ${code.slice(3)} `);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmHearingInvitation).toMatchObject({ hearingId, user: { email, role: 'ORGANISATION', organisation: { name: 'Hjerteforeningen' } } });
    const token = confirmed.data?.confirmHearingInvitation.token as string;
    expect((await app.gql('{ me { email } }', {}, token)).data?.me).toEqual({ email });
    expect((await acceptance(email)).confirmed_at).not.toBeNull();
    expect(await audits('hearing.invitation-confirmed', pending.user_id)).toBe(1);

    const again = await confirm(sent.acceptanceId, code);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(await audits('hearing.invitation-confirmed', pending.user_id)).toBe(1);
  });

  it('counts wrong codes exactly, also at the same moment, and takes no right code after the last try', async () => {
    const { invitation } = await open();
    const email = uniqueEmail('gaet');
    const sent = (await accept(invitation.link, email)).data?.acceptHearingInvitation;
    const code = await mailedCode(db, email);
    const guesses = await Promise.all(Array.from({ length: CODE_TRIES + 4 }, () => confirm(sent.acceptanceId, wrong(code))));
    expect(guesses.map(codeOf)).toEqual(Array(CODE_TRIES + 4).fill('BAD_USER_INPUT'));
    const messages = guesses.map((g) => g.errors?.[0].message);
    expect(messages).toContain('Koden er forkert. Du har ét forsøg tilbage.');
    expect(messages.filter((m) => m?.startsWith('Koden er skrevet forkert for mange gange.'))).toHaveLength(5);
    expect((await acceptance(email)).attempts).toBe(CODE_TRIES);

    const right = await confirm(sent.acceptanceId, code);
    expect(codeOf(right)).toBe('BAD_USER_INPUT');
    expect(right.data?.confirmHearingInvitation ?? null).toBeNull();
    expect((await acceptance(email)).confirmed_at).toBeNull();
    expect(await audits('hearing.invitation-confirmed', (await acceptance(email)).user_id)).toBe(0);

    // Accepting again sends a new code with new tries; the old code is dead.
    const resent = (await accept(invitation.link, email)).data?.acceptHearingInvitation;
    expect(resent.acceptanceId).toBe(sent.acceptanceId);
    const fresh = await mailedCode(db, email);
    if (fresh !== code) expect(codeOf(await confirm(sent.acceptanceId, code))).toBe('BAD_USER_INPUT');
    expect((await confirm(sent.acceptanceId, fresh)).errors).toBeUndefined();
  });

  it('refuses an expired code and a malformed one, and writes nothing', async () => {
    const { invitation } = await open();
    const email = uniqueEmail('sen');
    const sent = (await accept(invitation.link, email)).data?.acceptHearingInvitation;
    const code = await mailedCode(db, email);
    expect(codeOf(await confirm(sent.acceptanceId, 'abc123'))).toBe('BAD_USER_INPUT');
    expect((await acceptance(email)).attempts).toBe(0);
    await db.query(`UPDATE invitation_acceptances SET code_expires_at = now() - interval '1 second' WHERE id = $1`, [sent.acceptanceId]);
    const late = await confirm(sent.acceptanceId, code);
    expect(codeOf(late)).toBe('BAD_USER_INPUT');
    expect(late.errors?.[0].message).toMatch(/^Koden er udløbet/);
    expect((await acceptance(email)).confirmed_at).toBeNull();
    expect(codeOf(await confirm(randomUUID(), code))).toBe('UNAUTHENTICATED');
  });

  it('withdrawing the link disables its unconfirmed accounts; confirmed ones keep working; a new link takes the address again', async () => {
    const { id: hearingId, invitation } = await open();
    const pendingEmail = uniqueEmail('afventer');
    const confirmedEmail = uniqueEmail('bekraeftet');
    const pending = (await accept(invitation.link, pendingEmail)).data?.acceptHearingInvitation;
    const pendingCode = await mailedCode(db, pendingEmail);
    const done = (await accept(invitation.link, confirmedEmail)).data?.acceptHearingInvitation;
    const token = (await confirm(done.acceptanceId, await mailedCode(db, confirmedEmail))).data?.confirmHearingInvitation.token as string;

    expect((await app.gql(WITHDRAW, { id: invitation.id }, secretariat)).errors).toBeUndefined();
    const disabled = await acceptance(pendingEmail);
    expect(disabled.disabled_at).not.toBeNull();
    expect((await acceptance(confirmedEmail)).disabled_at).toBeNull();
    expect(await audits('hearing.invitation-account-disabled', disabled.user_id)).toBe(1);
    const refused = await confirm(pending.acceptanceId, pendingCode);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0].message).toMatch(/trukket tilbage/);
    expect((await acceptance(pendingEmail)).confirmed_at).toBeNull();

    const filed = await app.gql(SUBMIT, { i: { hearingId, organisationId: org.Hjerteforeningen, idempotencyKey: randomUUID(), summary: 'Bemærkninger.', comments: [], publish: false } }, token);
    expect(filed.errors).toBeUndefined();

    const fresh = (await app.gql(REISSUE, { id: invitation.id }, secretariat)).data?.reissueHearingInvitation as Invitation;
    const again = (await accept(fresh.link, pendingEmail)).data?.acceptHearingInvitation;
    expect(again.acceptanceId).toBe(pending.acceptanceId);
    expect((await confirm(again.acceptanceId, await mailedCode(db, pendingEmail))).errors).toBeUndefined();
  });

  it('a re-issued link leaves the codes sent through the old one unusable', async () => {
    const { invitation } = await open();
    const email = uniqueEmail('erstattet');
    const sent = (await accept(invitation.link, email)).data?.acceptHearingInvitation;
    await app.gql(REISSUE, { id: invitation.id }, secretariat);
    const refused = await confirm(sent.acceptanceId, await mailedCode(db, email));
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0].message).toMatch(/erstattet/);
    expect((await acceptance(email)).confirmed_at).toBeNull();
  });

  it('mails the organisation’s reminders to confirmed accounts only', async () => {
    const { id: hearingId, invitation } = await open();
    const pendingEmail = uniqueEmail('ubekraeftet');
    const confirmedEmail = uniqueEmail('paamindes');
    await accept(invitation.link, pendingEmail);
    const done = (await accept(invitation.link, confirmedEmail)).data?.acceptHearingInvitation;
    expect((await confirm(done.acceptanceId, await mailedCode(db, confirmedEmail))).errors).toBeUndefined();
    const [{ closes_at: closesAt }] = (await db.query<{ closes_at: Date }>('SELECT closes_at FROM hearings WHERE id = $1', [hearingId])).rows;
    const delivered = await app.server.app.get(RemindersService).deliverReminder({ kind: 'HEARING', id: hearingId, hoursBefore: 24, deadline: closesAt.toISOString() });
    expect(delivered).toBe(1);
    const [{ recipients }] = (await db.query<{ recipients: string[] }>(`SELECT recipients FROM notifications WHERE dedupe_key LIKE $1`, [`hearing-reminder:${hearingId}:%`])).rows;
    expect(recipients).toContain(confirmedEmail);
    expect(recipients).not.toContain(pendingEmail);
  });

  describe('limits on acceptances, in the shared store', () => {
    it('sends at most ACCEPTANCES_PER_ADDRESS codes to one address an hour, also at once', async () => {
      const { invitation } = await open();
      const email = uniqueEmail('mange');
      const results = await Promise.all(Array.from({ length: ACCEPTANCES_PER_ADDRESS + 3 }, () => accept(invitation.link, email)));
      expect(results.filter((r) => !r.errors)).toHaveLength(ACCEPTANCES_PER_ADDRESS);
      const refused = results.filter((r) => r.errors);
      expect(refused.map(codeOf)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
      expect(refused[0].errors?.[0].message).toMatch(/^Der er sendt for mange koder til denne e-mailadresse\. Vent \d+ minutter, og prøv igen\.$/);
      expect(await codeMessages(email)).toBe(ACCEPTANCES_PER_ADDRESS);
    });

    it('takes at most ACCEPTANCES_PER_LINK acceptances through one link an hour, also at once', async () => {
      const { invitation } = await open();
      const emails = Array.from({ length: ACCEPTANCES_PER_LINK + 4 }, () => uniqueEmail('link'));
      const results = await Promise.all(emails.map((email) => accept(invitation.link, email)));
      expect(results.filter((r) => !r.errors)).toHaveLength(ACCEPTANCES_PER_LINK);
      expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(4).fill('RATE_LIMITED'));
      const accounts = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE email = ANY($1)', [emails]);
      expect(accounts.rows[0].n).toBe(ACCEPTANCES_PER_LINK);
      const refusedEmails = emails.filter((_, i) => results[i].errors);
      for (const email of refusedEmails) expect(await codeMessages(email)).toBe(0);
    });
  });
});
