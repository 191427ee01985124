import { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { Injectable, Logger } from '@nestjs/common';
import { AuthService } from '../../auth/auth.service';
import { CollaborationContext } from '../collaboration-context';
import { CollaborationTokenService } from '../collaboration-token.service';

/**
 * Decides access once per connection, with the same policy as the GraphQL API
 * (accessPolicy.canReadAgreement, the contract's "Who may read what", through
 * CollaborationTokenService): the secretariat of the agreement's region writes, the region's
 * clusters and municipalities may only suggest changes (checked per update), and everyone else — another region, a patient
 * organisation, no valid token — is refused. The token is a collaboration token for exactly this
 * document or an ordinary access token, and its session must be alive. Whether the socket may
 * write is decided from the current role, lock and session (DraftAccessService), and checked
 * again on every update by the write-access extension.
 */
@Injectable()
export class AuthenticationExtension implements Extension {
  extensionName = 'aftalerum-authentication';
  private readonly logger = new Logger(AuthenticationExtension.name);

  constructor(
    private readonly auth: AuthService,
    private readonly documents: CollaborationTokenService,
  ) {}

  async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollaborationContext> {
    const found = token ? await this.auth.authenticateCollaboration(token, documentName) : null;
    if (!found) {
      this.logger.warn(`Refused ${documentName}: missing, invalid or expired token, or an ended session`);
      throw new Error('Ugyldigt eller udløbet login');
    }
    const access = await this.documents.documentAccess(found.user, found.sessionId, documentName);
    if (!access) {
      this.logger.warn(`Refused ${documentName} for ${found.user.email}: no such agreement or no access`);
      throw new Error('Dokumentet findes ikke');
    }
    // A suggesting socket is not read-only: the write-access extension checks each of its updates.
    connectionConfig.readOnly = access.mode === 'read';
    return { user: found.user, sessionId: found.sessionId, agreementId: access.agreementId, mode: access.mode };
  }
}
