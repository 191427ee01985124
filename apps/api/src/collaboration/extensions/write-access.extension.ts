import {
  beforeSyncPayload,
  Connection,
  Extension,
  Hocuspocus,
  onConfigurePayload,
  OutgoingMessage,
} from '@hocuspocus/server';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { CollaborationContext, isCollaborationContext } from '../collaboration-context';
import { draftDocumentName } from '../../drafts/document-name';
import { DraftAccess, DraftAccessChange, DraftAccessService } from '../draft-access.service';
import { updateOfSync } from './persistence.extension';

/**
 * Runs before the persistence extension (priority 100), which applies an update in its own
 * `beforeSync`: a refused update must be turned away before that.
 */
export const WRITE_ACCESS_PRIORITY = 200;

/** The close code of a socket that may no longer write (Hocuspocus's "Forbidden"); the provider reconnects, read-only. */
export const WRITE_REVOKED_CODE = 4403;

/** Why a socket stops writing, in words the editor shows (a WebSocket close reason: at most 123 bytes). */
export const WRITE_REVOKED_REASON: Record<Exclude<DraftAccess, 'write'>, string> = {
  locked: 'Udkastet er låst, fordi alle parter har godkendt aftalen',
  read: 'Du har ikke længere skriveadgang til udkastet',
  none: 'Din adgang til aftalen er trukket tilbage',
};

/**
 * Checks write access on every incoming update against the current role and lock, because
 * both change while a socket is open (onAuthenticate decides only once). A refused update is
 * answered with a refused sync status and not applied, and the socket is closed with the
 * reason: the provider reconnects and is authenticated read-only. Access changes announced on
 * any instance (the lock, a role) close the affected sockets of this instance at once.
 */
@Injectable()
export class WriteAccessExtension implements Extension, OnModuleDestroy {
  extensionName = 'aftalerum-write-access';
  priority = WRITE_ACCESS_PRIORITY;
  private readonly logger = new Logger(WriteAccessExtension.name);
  private instance: Hocuspocus | null = null;
  private readonly stopListening: () => void;

  constructor(private readonly access: DraftAccessService) {
    this.stopListening = access.onChange((change) => void this.enforce(change));
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  onModuleDestroy(): void {
    this.stopListening();
  }

  async beforeSync({ type, payload, connection, context, documentName }: beforeSyncPayload): Promise<void> {
    if (connection.readOnly) return;
    // Sync step 1 and empty updates change nothing (awareness never reaches this hook): only updates are checked.
    if (!updateOfSync(type, payload)) return;
    if (!isCollaborationContext(context)) return;
    const access = await this.access.decide(context.user, context.agreementId, context.canWrite ? 'write' : 'read', context.sessionId);
    if (access === 'write' || connection.readOnly) return;
    this.logger.warn(`Refused an update of ${documentName} from ${context.user.email}: access is now "${access}"`);
    // The persistence extension and Hocuspocus skip read-only connections, so the update is
    // not applied; the refusal is answered here because the socket closes right after.
    connection.readOnly = true;
    context.canWrite = false;
    connection.send(new OutgoingMessage(connection.messageAddress).writeSyncStatus(false).toUint8Array());
    this.revoke(connection, access);
  }

  /** Re-checks this instance's sockets that a change concerns, and closes those that lost write access. */
  private async enforce(change: DraftAccessChange): Promise<void> {
    if (!this.instance) return;
    const documents = change.agreementId
      ? [this.instance.documents.get(draftDocumentName(change.agreementId))]
      : [...this.instance.documents.values()];
    const checks: Array<Promise<void>> = [];
    for (const document of documents) {
      for (const connection of document?.getConnections() ?? []) {
        const context: unknown = connection.context;
        if (!isCollaborationContext(context)) continue;
        if (change.userId && context.user.id !== change.userId) continue;
        // A reader loses nothing by a lock; a changed account may lose reading too.
        if (connection.readOnly && !change.userId) continue;
        checks.push(this.recheck(connection, context));
      }
    }
    await Promise.all(checks);
  }

  private async recheck(connection: Connection, context: CollaborationContext): Promise<void> {
    const access = await this.access.decide(context.user, context.agreementId, context.canWrite ? 'write' : 'read', context.sessionId);
    if (access === 'write' || (access !== 'none' && connection.readOnly)) return;
    this.logger.log(`Closing ${connection.document.name} for ${context.user.email}: access is now "${access}"`);
    connection.readOnly = true;
    context.canWrite = false;
    this.revoke(connection, access);
  }

  private revoke(connection: Connection, access: Exclude<DraftAccess, 'write'>): void {
    try {
      connection.webSocket.close(WRITE_REVOKED_CODE, WRITE_REVOKED_REASON[access]);
    } catch (error) {
      this.logger.error(`Closing a socket of ${connection.document.name} failed: ${(error as Error).message}`);
    }
  }
}
