/**
 * The browser's session lives in an HttpOnly cookie the app cannot read (set by `login`); the
 * app never holds a token. What it can read is the session's CSRF token (cookie
 * `aftalerum_csrf`), which it echoes in `x-csrf-token` on every request that changes something:
 * the server refuses a cookie-authenticated GraphQL operation or upload without it.
 */
const CSRF_COOKIE = 'aftalerum_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The session's CSRF token, or null when there is no session in this browser. */
export function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Whether this browser has a session cookie (the CSRF cookie is set and cleared with it). */
export const hasSession = (): boolean => csrfToken() !== null;

/** The header that goes with every POST (GraphQL, uploads). */
export function csrfHeaders(): Record<string, string> {
  const token = csrfToken();
  return token ? { [CSRF_HEADER]: token } : {};
}

/** The event the Apollo client fires when the server says the session has ended. */
export const SESSION_EXPIRED_EVENT = 'aftalerum:session-expired';

export const SESSION_EXPIRED_MESSAGE = 'Din session er udløbet. Log ind igen.';
