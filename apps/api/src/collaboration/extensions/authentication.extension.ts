import { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Agreement } from '../../agreements/agreement.entity';
import { accessPolicy } from '../../auth/access-policy';
import { AuthService } from '../../auth/auth.service';
import { CollaborationContext } from '../collaboration-context';
import { agreementIdFromDocumentName } from '../document-name';

/**
 * Decides access once per connection, with the same policy as the GraphQL API: the
 * secretariat of the agreement's region writes, every other signed-in user reads
 * (read-only, not refused), and anyone without a valid token is refused.
 */
@Injectable()
export class AuthenticationExtension implements Extension {
  extensionName = 'aftalerum-authentication';
  private readonly logger = new Logger(AuthenticationExtension.name);

  constructor(
    private readonly auth: AuthService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollaborationContext> {
    const user = token ? await this.auth.userFromToken(token) : null;
    if (!user) {
      this.logger.warn(`Refused ${documentName}: missing or invalid token`);
      throw new Error('Ugyldigt eller udløbet login');
    }
    const agreementId = agreementIdFromDocumentName(documentName);
    const agreement = agreementId ? await this.db.getRepository(Agreement).findOneBy({ id: agreementId }) : null;
    if (!agreement || !accessPolicy.canReadAgreement(user, agreement)) {
      this.logger.warn(`Refused ${documentName} for ${user.email}: no such agreement or no access`);
      throw new Error('Dokumentet findes ikke');
    }
    const canWrite = accessPolicy.canEditDraft(user, agreement);
    connectionConfig.readOnly = !canWrite;
    return { user, agreementId: agreement.id, canWrite };
  }
}
