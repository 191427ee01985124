import type { AuthUser } from '../users/auth-user';

/** What onAuthenticate decided, carried on every connection. */
export interface CollaborationContext {
  user: AuthUser;
  /** The session the socket was opened with; it is checked again with every update. */
  sessionId: string | null;
  agreementId: string;
  canWrite: boolean;
}

export const isCollaborationContext = (value: unknown): value is CollaborationContext =>
  typeof value === 'object' && value !== null && 'user' in value && 'agreementId' in value;
