import type { AuthUser } from '../auth/auth-user';

/** What onAuthenticate decided, carried on every connection. */
export interface CollaborationContext {
  user: AuthUser;
  agreementId: string;
  canWrite: boolean;
}

export const isCollaborationContext = (value: unknown): value is CollaborationContext =>
  typeof value === 'object' && value !== null && 'user' in value && 'agreementId' in value;
