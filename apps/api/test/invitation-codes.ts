import type { Client } from 'pg';
import type { GraphQLResult, TestApp } from './test-app';

export const ACCEPT_INVITATION = 'mutation($i: AcceptInvitationInput!) { acceptHearingInvitation(input: $i) { acceptanceId email expiresAt } }';
export const CONFIRM_INVITATION =
  'mutation($i: ConfirmInvitationInput!) { confirmHearingInvitation(input: $i) { token hearingId user { name email role organisation { name } } } }';

/** The code in the newest invitation-code message the outbox holds for `email`. */
export async function mailedCode(db: Client, email: string): Promise<string> {
  const rows = await db.query<{ subject: string; body: string }>(
    `SELECT subject, body FROM notifications WHERE kind = 'INVITATION_CODE' AND $1 = ANY(recipients) ORDER BY created_at DESC, id DESC LIMIT 1`,
    [email.trim().toLowerCase()],
  );
  const code = /Din kode er (\d{6})/.exec(rows.rows[0]?.body ?? '')?.[1];
  if (!code) throw new Error(`No invitation code mailed to ${email}`);
  return code;
}

export interface Confirmed {
  token: string;
  hearingId: string;
  user: { name: string; email: string; role: string; organisation: { name: string } };
}

/** Accepts the link (`token`: the link's last part), reads the mailed code and confirms it. */
export async function acceptAndConfirm(
  app: TestApp,
  db: Client,
  token: string,
  name: string,
  email: string,
): Promise<{ accepted: GraphQLResult<{ acceptHearingInvitation: { acceptanceId: string } }>; confirmed: GraphQLResult<{ confirmHearingInvitation: Confirmed }> }> {
  const accepted = await app.gql<{ acceptHearingInvitation: { acceptanceId: string } }>(ACCEPT_INVITATION, { i: { token, name, email } });
  if (!accepted.data?.acceptHearingInvitation) return { accepted, confirmed: { errors: accepted.errors } };
  const code = await mailedCode(db, email);
  const confirmed = await app.gql<{ confirmHearingInvitation: Confirmed }>(CONFIRM_INVITATION, { i: { acceptanceId: accepted.data.acceptHearingInvitation.acceptanceId, code } });
  return { accepted, confirmed };
}
