import type { AuthUser } from '../users/auth-user';

export interface RequestWithUser {
  headers: Record<string, string | string[] | undefined>;
  method?: string;
  ip?: string;
  id?: string;
  user?: AuthUser;
  /** The session the user came with, and whether through a bearer token or the cookie. */
  session?: { id: string; via: 'bearer' | 'cookie' };
  /**
   * An operation over a WebSocket (graphql-ws): its upgrade's Origin was checked, so a cookie
   * needs no CSRF token there.
   */
  viaSocket?: boolean;
}
