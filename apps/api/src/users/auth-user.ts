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
