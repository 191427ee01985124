import { csrfMatches, csrfTokenFor, formatCredential, hashSecret, newSecret, parseCredential, readCookie, secretMatches } from './session-credentials';

const SESSION = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const KEY = 'a-signing-secret-that-is-long-enough-for-tests';

describe('session credentials', () => {
  it('round-trips `<session id>.<secret>` and refuses anything else', () => {
    const secret = newSecret();
    expect(parseCredential(formatCredential({ sessionId: SESSION, secret }))).toEqual({ sessionId: SESSION, secret });
    for (const bad of ['', 'nonsense', `${SESSION}`, `${SESSION}.`, `not-a-uuid.${secret}`, `${SESSION}.short`, `${SESSION}.${secret};x`, `${SESSION}.${'a'.repeat(300)}`]) {
      expect(parseCredential(bad)).toBeNull();
    }
  });

  it('keeps only a hash of a secret and recognises the secret by it', () => {
    const secret = newSecret();
    const stored = hashSecret(secret);
    expect(stored).toHaveLength(32);
    expect(stored.toString('utf8')).not.toContain(secret);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(newSecret(), stored)).toBe(false);
    expect(secretMatches(secret, null)).toBe(false);
  });

  it('binds the CSRF token to the session and the key', () => {
    const token = csrfTokenFor(KEY, SESSION);
    expect(csrfMatches(KEY, SESSION, token)).toBe(true);
    expect(csrfMatches(KEY, '00000000-0000-4000-8000-000000000000', token)).toBe(false);
    expect(csrfMatches(`${KEY}-other`, SESSION, token)).toBe(false);
    expect(csrfMatches(KEY, SESSION, undefined)).toBe(false);
    expect(csrfMatches(KEY, SESSION, token.slice(1))).toBe(false);
  });

  it('reads one cookie from a Cookie header', () => {
    const header = `other=1; aftalerum_session=${SESSION}.abc; aftalerum_csrf=x%2By`;
    expect(readCookie(header, 'aftalerum_session')).toBe(`${SESSION}.abc`);
    expect(readCookie(header, 'aftalerum_csrf')).toBe('x+y');
    expect(readCookie(header, 'missing')).toBeNull();
    expect(readCookie(undefined, 'aftalerum_session')).toBeNull();
    expect(readCookie('aftalerum_session=%E0%A4%A', 'aftalerum_session')).toBeNull();
  });
});
