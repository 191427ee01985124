import { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Agreement } from '../../agreements/agreement.entity';
import { accessPolicy } from '../../access/access-policy';
import { AuthService } from '../../auth/auth.service';
import { CollaborationContext } from '../collaboration-context';
import { agreementIdFromDocumentName, draftDocumentName } from '../document-name';
import { DraftAccessService } from '../draft-access.service';

/**
 * Decides access once per connection, with the same policy as the GraphQL API
 * (accessPolicy.canReadAgreement, the contract's "Who may read what"): the secretariat of the
 * agreement's region writes, the region's clusters and municipalities read (read-only), and
 * everyone else — another region, a patient organisation, no valid token — is refused. Only the exact
 * `Agreement.documentName` opens a document. Whether the socket may write is decided from the
 * current role and lock (DraftAccessService), and checked again on every update by the
 * write-access extension.
 */
@Injectable()
export class AuthenticationExtension implements Extension {
  extensionName = 'aftalerum-authentication';
  private readonly logger = new Logger(AuthenticationExtension.name);

  constructor(
    private readonly auth: AuthService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: DraftAccessService,
  ) {}

  async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollaborationContext> {
    const user = token ? await this.auth.userFromToken(token) : null;
    if (!user) {
      this.logger.warn(`Refused ${documentName}: missing or invalid token`);
      throw new Error('Ugyldigt eller udløbet login');
    }
    const agreementId = agreementIdFromDocumentName(documentName);
    const agreement = agreementId ? await this.db.getRepository(Agreement).findOneBy({ id: agreementId }) : null;
    // Refused before anything is loaded: another spelling of the id would be a second live copy.
    if (!agreement || documentName !== draftDocumentName(agreement.id) || !accessPolicy.canReadAgreement(user, agreement)) {
      this.logger.warn(`Refused ${documentName} for ${user.email}: no such agreement or no access`);
      throw new Error('Dokumentet findes ikke');
    }
    // The login's user is cached for a few seconds; the write decision reads the current role.
    const access = await this.access.decide(user, agreement.id, accessPolicy.canEditDraft(user, agreement) ? 'write' : 'read');
    if (access === 'none') {
      this.logger.warn(`Refused ${documentName} for ${user.email}: the account has no access any more`);
      throw new Error('Dokumentet findes ikke');
    }
    const canWrite = access === 'write';
    connectionConfig.readOnly = !canWrite;
    return { user, agreementId: agreement.id, canWrite };
  }
}
