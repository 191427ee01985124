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
 * Hocuspocus acknowledges an update right after it has applied it, and it applies it only
 * after `beforeHandleMessage` resolves, so the update is committed to the append-only log
 * first. The debounced store then compacts the log into the stored state (with the derived
 * JSON and text), deleting only log rows it knows the stored state contains.
 */
@Injectable()
export class PersistenceExtension implements Extension {
  extensionName = 'aftalerum-persistence';
  private readonly logger = new Logger(PersistenceExtension.name);
  /** Per document: log rows already applied to the in-memory document. */
  private readonly applied = new Map<string, Set<string>>();

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
    if (Y.snapshotContainsUpdate(Y.snapshot(document), update)) return;
    const userId = isCollaborationContext(context) ? context.user.id : null;
    const id = await this.store.appendUpdate(agreementId, update, userId);
    // Apply it now, under the same origin Hocuspocus would use; its own apply that follows
    // is then a no-op. From here on, the document in memory is known to contain row `id`.
    Y.applyUpdate(document, update, connection);
    this.appliedSet(documentName).add(id);
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    await this.storeNow(documentName, document);
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
    const result = await this.store.store(agreementId, document, ids);
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
