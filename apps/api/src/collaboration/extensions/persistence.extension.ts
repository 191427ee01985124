import {
  beforeHandleMessagePayload,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { Injectable, Logger } from '@nestjs/common';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { isCollaborationContext } from '../collaboration-context';
import { agreementIdFromDocumentName } from '../document-name';
import { DraftStoreService } from '../draft-store.service';

// Hocuspocus message types and y-protocols sync message types that carry document updates.
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update inside an incoming Hocuspocus message, or null when it carries none. */
export function updateFromMessage(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
    const syncType = decoding.readVarUint(decoder);
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return null;
  }
}

/**
 * Loads and stores the live drafts, and makes every acknowledged edit durable:
 * Hocuspocus acknowledges an update right after it applies it, which it does only after
 * `beforeHandleMessage` resolves. That hook applies the update first (so the other editors
 * get it without waiting for the database), then commits it to the append-only log, and only
 * then lets Hocuspocus acknowledge. The debounced store compacts the log into the stored state
 * (with the derived JSON and text), deleting only log rows the stored state contains.
 */
@Injectable()
export class PersistenceExtension implements Extension {
  extensionName = 'aftalerum-persistence';
  private readonly logger = new Logger(PersistenceExtension.name);
  /** Per document: log rows already applied to the in-memory document. */
  private readonly applied = new Map<string, Set<string>>();
  private stopping = false;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(private readonly store: DraftStoreService) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const agreementId = agreementIdFromDocumentName(documentName);
    const state = agreementId ? await this.store.loadState(agreementId) : null;
    if (!state) throw new Error(`No draft for ${documentName}`);
    Y.applyUpdate(document, state);
    this.applied.set(documentName, new Set());
  }

  async beforeHandleMessage({ update: message, connection, document, documentName, context }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly) return;
    const update = updateFromMessage(message);
    if (!update || update.length <= 2) return;
    const agreementId = agreementIdFromDocumentName(documentName);
    if (!agreementId) return;
    // Apply (and so broadcast) at once, under the origin Hocuspocus itself would use; its own
    // apply after this hook is then a no-op. The acknowledgement waits for the log below.
    let changed = false;
    const observe = (transaction: Y.Transaction) => {
      changed = transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0;
    };
    document.once('afterTransaction', observe);
    Y.applyUpdate(document, update, connection);
    document.off('afterTransaction', observe);
    // Nothing new (a re-sync of what the server has): nothing to log.
    if (!changed) return;
    const userId = isCollaborationContext(context) ? context.user.id : null;
    let id: string;
    try {
      id = await this.store.appendUpdate(agreementId, update, userId);
    } catch (error) {
      // Not acknowledged: the connection closes and the client re-syncs. The change is in the
      // document already, so a re-sync will not resend it: store the whole state instead.
      this.logger.error(`Logging an update of ${documentName} failed: ${(error as Error).message}; storing the full state`);
      void this.storeNow(documentName, document).catch((storeError: Error) =>
        this.logger.error(`Storing ${documentName} after a failed log write failed: ${storeError.message}`),
      );
      throw error;
    }
    this.appliedSet(documentName).add(id);
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    // During shutdown the collaboration service stores every document itself, while the
    // database is still open.
    if (this.stopping) return;
    await this.storeNow(documentName, document);
  }

  /** Called once at shutdown: no more debounced stores; waits for those under way. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.inflight]);
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    this.applied.delete(documentName);
  }

  /** Stores a loaded document at once (restore, versions and shutdown use this). */
  async storeNow(documentName: string, document: Y.Doc): Promise<void> {
    const agreementId = agreementIdFromDocumentName(documentName);
    if (!agreementId) return;
    const set = this.appliedSet(documentName);
    const ids = [...set];
    const storing = this.store.store(agreementId, document, ids);
    this.inflight.add(storing);
    let result: 'stored' | 'unchanged';
    try {
      result = await storing;
    } finally {
      this.inflight.delete(storing);
    }
    for (const id of ids) set.delete(id);
    this.logger.debug(`Draft ${documentName}: ${result}, ${ids.length} logged updates compacted`);
  }

  private appliedSet(documentName: string): Set<string> {
    let set = this.applied.get(documentName);
    if (!set) {
      set = new Set();
      this.applied.set(documentName, set);
    }
    return set;
  }
}
