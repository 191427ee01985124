import {
  afterHandleMessagePayload,
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
import { refuseSuggestionUpdate } from '../suggestion-check';

/** The stateless message a suggesting socket gets when one of its updates is refused: the editor starts again from the server's draft. */
export const SUGGESTION_REFUSED_MESSAGE = JSON.stringify({
  type: 'aftalerum:suggestion-refused',
  message: 'Du kan kun foreslå ændringer i teksten. Ændringen er ikke gemt.',
});

/**
 * Runs before the persistence extension (priority 100), which applies an update in its own
 * `beforeSync`: a refused update must be turned away before that.
 */
export const WRITE_ACCESS_PRIORITY = 200;

/** The close code of a socket that may no longer write (Hocuspocus's "Forbidden"); the provider reconnects, read-only. */
export const WRITE_REVOKED_CODE = 4403;

/** Why a socket stops writing, in words the editor shows (a WebSocket close reason: at most 123 bytes). */
export const WRITE_REVOKED_REASON: Record<Exclude<DraftAccess, 'write' | 'suggest'>, string> = {
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

  async beforeSync({ type, payload, connection, context, documentName, document }: beforeSyncPayload): Promise<void> {
    if (connection.readOnly) return;
    // Sync step 1 and empty updates change nothing (awareness never reaches this hook): only updates are checked.
    const update = updateOfSync(type, payload);
    if (!update) return;
    if (!isCollaborationContext(context)) return;
    const access = await this.access.decide(context.user, context.agreementId, context.mode, context.sessionId);
    if (connection.readOnly) return;
    // A writer may write; a writer whose role now only allows suggesting is held to suggesting.
    if (access === 'write') return;
    if (access === 'suggest') {
      // Checked on the document as it is now, with no await between this and the persistence
      // extension's apply (the hooks run on in the same chain of microtasks).
      const refusal = refuseSuggestionUpdate(document, update, context.user);
      if (!refusal) return;
      this.logger.warn(`Refused an update of ${documentName} from ${context.user.email}, who may only suggest: ${refusal}`);
      // Refused as a read-only socket's update is (Hocuspocus answers it with a refused sync
      // status and applies nothing; persistence skips it), for this message only: the socket
      // stays open to suggest, and the editor is told to start again from the server's draft.
      connection.readOnly = true;
      context.refusing = true;
      connection.sendStateless(SUGGESTION_REFUSED_MESSAGE);
      return;
    }
    this.logger.warn(`Refused an update of ${documentName} from ${context.user.email}: access is now "${access}"`);
    // The persistence extension and Hocuspocus skip read-only connections, so the update is
    // not applied; the refusal is answered here because the socket closes right after.
    connection.readOnly = true;
    context.mode = 'read';
    connection.send(new OutgoingMessage(connection.messageAddress).writeSyncStatus(false).toUint8Array());
    this.revoke(connection, access);
  }

  /** After a suggesting socket's refused message, the socket may suggest again. */
  async afterHandleMessage({ connection, context }: afterHandleMessagePayload): Promise<void> {
    if (!isCollaborationContext(context) || !context.refusing) return;
    context.refusing = false;
    if (context.mode !== 'read') connection.readOnly = false;
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
    const access = await this.access.decide(context.user, context.agreementId, context.mode, context.sessionId);
    if (access === 'write' || (access !== 'none' && connection.readOnly && !context.refusing)) return;
    // A writer who may now only suggest keeps the socket: each update is checked as a suggestion.
    if (access === 'suggest') {
      if (context.mode === 'write') context.mode = 'suggest';
      return;
    }
    this.logger.log(`Closing ${connection.document.name} for ${context.user.email}: access is now "${access}"`);
    connection.readOnly = true;
    context.mode = 'read';
    this.revoke(connection, access);
  }

  private revoke(connection: Connection, access: Exclude<DraftAccess, 'write' | 'suggest'>): void {
    try {
      connection.webSocket.close(WRITE_REVOKED_CODE, WRITE_REVOKED_REASON[access]);
    } catch (error) {
      this.logger.error(`Closing a socket of ${connection.document.name} failed: ${(error as Error).message}`);
    }
  }
}
