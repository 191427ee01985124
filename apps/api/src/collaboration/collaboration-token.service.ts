import { Injectable } from '@nestjs/common';
import { ScopedData } from '../access/scoped-data';
import type { AuthUser } from '../users/auth-user';
import { AuthService } from '../auth/auth.service';
import { DomainError, notFound } from '../common/domain-error';
import { agreementIdFromDocumentName, draftDocumentName } from '../drafts/document-name';
import { DraftAccessService, DraftMode } from './draft-access.service';

const refusedAsNone = (error: unknown): null => {
  if (error instanceof DomainError && error.code === 'FORBIDDEN') return null;
  throw error;
};

/** What a user may do with a document's socket now: its agreement, and whether they may write, only suggest, or read. */
export interface DocumentAccess {
  agreementId: string;
  mode: DraftMode;
}

/**
 * The one decision of who may open which collaboration document, used by the socket's
 * onAuthenticate and before a collaboration token is issued: the access policy of the GraphQL
 * API (through ScopedData), then the current role, lock and session
 * (DraftAccessService). Only the exact `Agreement.documentName` opens a document.
 */
@Injectable()
export class CollaborationTokenService {
  constructor(
    private readonly scoped: ScopedData,
    private readonly access: DraftAccessService,
    private readonly auth: AuthService,
  ) {}

  /** The access of `user` (in session `sessionId`) to `documentName`, or null for none (or no such document). */
  async documentAccess(user: AuthUser, sessionId: string | null, documentName: string): Promise<DocumentAccess | null> {
    const agreementId = agreementIdFromDocumentName(documentName);
    // The agreement if the user may read it (the access layer's policy); a refusal is "no document" here.
    const agreement = agreementId ? await this.scoped.find(user, 'agreement', agreementId).catch(refusedAsNone) : null;
    // Refused before anything is loaded: another spelling of the id would be a second live copy.
    if (!agreement || documentName !== draftDocumentName(agreement.id)) return null;
    const access = await this.access.decide(user, agreement.id, this.scoped.draftMode(user, agreement), sessionId);
    if (access === 'none') return null;
    return { agreementId: agreement.id, mode: access === 'write' || access === 'suggest' ? access : 'read' };
  }

  /**
   * A collaboration token for one document the caller may read, bound to their session: it opens
   * that document's socket for COLLABORATION_TOKEN_SECONDS, read-only unless they may write or suggest now.
   */
  async issue(user: AuthUser, sessionId: string, documentName: string): Promise<{ token: string; expiresAt: Date; readOnly: boolean; mode: DraftMode }> {
    // One answer for "no such document" and "not yours to read": the refusal says nothing of what exists.
    if (documentName.length > 200) throw notFound('Dokumentet');
    const access = await this.documentAccess(user, sessionId, documentName);
    if (!access) throw notFound('Dokumentet');
    const issued = await this.auth.issueCollaborationToken({ user, sessionId }, documentName, access.mode === 'read');
    return { ...issued, readOnly: access.mode === 'read', mode: access.mode };
  }
}
