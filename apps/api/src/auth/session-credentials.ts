import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../common/ids';

/**
 * The browser's session cookie (HttpOnly): `<session id>.<cookie secret>`, opaque to the web
 * app. Only the sha-256 of the secret is stored, so a copy of the sessions table signs nobody in.
 * It is a secret apart from the refresh token's, so the web app never holds anything that could
 * renew a session elsewhere, and an API client's refresh never invalidates a browser's cookie.
 */
export const SESSION_COOKIE = 'aftalerum_session';

/**
 * The CSRF token (double submit, bound to the session): readable by the web app, which echoes it
 * in CSRF_HEADER on every state-changing request. It is an HMAC of the session id under the
 * signing secret, so another site can neither read nor forge it, and a token planted for one
 * session is worthless for another.
 */
export const CSRF_COOKIE = 'aftalerum_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** A session id and one of its secrets, as `<uuid>.<secret>` (the cookie and the refresh token). */
export interface SessionCredential {
  sessionId: string;
  secret: string;
}

/** A fresh 256-bit secret. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What is stored of a secret. */
export const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/** Whether `secret` is the one whose hash is stored, in constant time. */
export function secretMatches(secret: string, stored: Buffer | null | undefined): boolean {
  if (!stored || stored.length !== 32) return false;
  return timingSafeEqual(hashSecret(secret), stored);
}

export const formatCredential = ({ sessionId, secret }: SessionCredential): string => `${sessionId}.${secret}`;

/** The session id and secret of `<uuid>.<secret>`, or null for anything else. */
export function parseCredential(value: string | null | undefined): SessionCredential | null {
  if (!value || value.length > 200) return null;
  const dot = value.indexOf('.');
  const sessionId = value.slice(0, dot);
  const secret = value.slice(dot + 1);
  if (dot < 0 || !isUuid(sessionId) || !/^[\w-]{20,100}$/.test(secret)) return null;
  return { sessionId, secret };
}

/** The CSRF token of a session (see CSRF_COOKIE). */
export const csrfTokenFor = (key: string, sessionId: string): string =>
  createHmac('sha256', key).update(`aftalerum-csrf:${sessionId}`).digest('base64url');

/** Whether `given` is the CSRF token of the session, in constant time. */
export function csrfMatches(key: string, sessionId: string, given: string | string[] | undefined): boolean {
  const value = Array.isArray(given) ? given[0] : given;
  if (!value) return false;
  const expected = Buffer.from(csrfTokenFor(key, sessionId));
  const actual = Buffer.from(value);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** One cookie's value from a Cookie header (the first of that name), or null. */
export function readCookie(header: string | string[] | undefined, name: string): string | null {
  const text = Array.isArray(header) ? header.join('; ') : header;
  if (!text) return null;
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return null;
}
