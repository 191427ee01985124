import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Invitation links carry `<invitationId>.<nonce>.<signature>`, signed with the invitation key
 * (INVITATION_SECRET, never the login secret). The nonce is stored with the invitation: a
 * re-issue gives it a new one, so every earlier link of that invitation stops working. The link
 * can be shown again to the secretariat without storing it, and cannot be guessed.
 */
export function invitationToken(secret: string, invitationId: string, nonce: string): string {
  return `${invitationId}.${nonce}.${signature(secret, invitationId, nonce)}`;
}

/** The invitation id and nonce a token was signed for, or null when the token is not genuine. */
export function verifyInvitationToken(secret: string, token: string): { invitationId: string; nonce: string } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [invitationId, nonce, given] = parts;
  if (!/^[0-9a-f-]{36}$/i.test(invitationId) || !/^[0-9a-f]{16,64}$/i.test(nonce) || !given) return null;
  const a = Buffer.from(given);
  const b = Buffer.from(signature(secret, invitationId, nonce));
  return a.length === b.length && timingSafeEqual(a, b) ? { invitationId, nonce } : null;
}

const signature = (secret: string, invitationId: string, nonce: string) =>
  createHmac('sha256', secret).update(`hearing-invitation:${invitationId}:${nonce}`).digest('base64url');

export const tokenHash = (token: string) => createHmac('sha256', 'hash').update(token).digest('hex');
