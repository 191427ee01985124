import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Invitation links carry `<invitationId>.<signature>`: derived from the server secret, so they
 * can be shown again to the secretariat without storing them, and cannot be guessed.
 */
export function invitationToken(secret: string, invitationId: string): string {
  const signature = createHmac('sha256', secret).update(`hearing-invitation:${invitationId}`).digest('base64url');
  return `${invitationId}.${signature}`;
}

/** The invitation id a token was issued for, or null when the token is not genuine. */
export function verifyInvitationToken(secret: string, token: string): string | null {
  const [id, signature] = token.split('.');
  if (!id || !signature || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const expected = invitationToken(secret, id).split('.')[1];
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b) ? id : null;
}

export const tokenHash = (token: string) => createHmac('sha256', 'hash').update(token).digest('hex');
