import { Role } from './role.enum';

/** The signed-in person as the server sees them on every request and socket. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  /** The region of the user's organisation, if it belongs to one. */
  regionId: string | null;
  /** The one hearing an account created through an invitation link is bound to. */
  hearingId?: string | null;
}

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
