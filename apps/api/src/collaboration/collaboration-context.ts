import type { AuthUser } from '../users/auth-user';
import type { DraftMode } from './draft-access.service';

/** What onAuthenticate decided, carried on every connection. */
export interface CollaborationContext {
  user: AuthUser;
  /** The session the socket was opened with; it is checked again with every update. */
  sessionId: string | null;
  agreementId: string;
  /** What the socket may do: write, only suggest (each update is checked), or read. */
  mode: DraftMode;
  /** Set while one refused update of a suggesting socket is being turned away (the socket is read-only for that message only). */
  refusing?: boolean;
}

export const isCollaborationContext = (value: unknown): value is CollaborationContext =>
  typeof value === 'object' && value !== null && 'user' in value && 'agreementId' in value;
