import {
  beforeSyncPayload,
  connectedPayload,
  Connection,
  ConnectionTransactionOrigin,
  Document,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
  OutgoingMessage,
} from '@hocuspocus/server';
import { Injectable, Logger } from '@nestjs/common';
import * as Y from 'yjs';
import { AppConfig } from '../../config/app-config';
import { isCollaborationContext } from '../collaboration-context';
import { agreementIdFromDocumentName } from '../../drafts/document-name';
import { DraftStoreService, STORE_MERGE_ORIGIN } from '../../drafts/draft-store.service';
import { SAVING_FAILED, SAVING_RECOVERED, SavingStatus, savingStatusMessage } from '../saving-status';

/** The y-protocols sync message types that carry a document update (`beforeSync`'s `type`). */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The most unlogged updates (and bytes) one document holds while the database refuses them. */
export const MAX_UNLOGGED_UPDATES = 10_000;
export const MAX_UNLOGGED_BYTES = 8 * 1024 * 1024;

/** Backoff of the retries while the database refuses writes: 200 ms doubling up to 3.2 s. */
export const retryDelay = (attempt: number): number => Math.min(200 * 2 ** attempt, 3_200);

/** The Yjs update a sync message of this type carries, or null when it carries none (sync step 1, an empty update). */
export function updateOfSync(type: number, payload: Uint8Array): Uint8Array | null {
  return (type === SYNC_STEP_2 || type === SYNC_UPDATE) && payload.length > 2 ? payload : null;
}

/** An update applied to the live document whose log write the database has not taken yet. */
interface Unlogged {
  update: Uint8Array;
  userId: string | null;
  /** Resolves once the update is durable (logged, or contained in a stored state). */
  durable: Promise<void>;
  settle: () => void;
}

/** What this instance knows about saving one loaded document. */
interface DraftSaving {
  document: Document | null;
  /** Log rows contained in the in-memory document and not yet compacted by a store. */
  applied: Set<string>;
  /** Updates acknowledged to no one yet because their log write failed; retried with backoff. */
  unlogged: Unlogged[];
  unloggedBytes: number;
  /** Log writes under way (an update is acknowledged only once its write is committed). */
  appending: Set<Promise<unknown>>;
  appendFailing: boolean;
  storeFailing: boolean;
  retryTimer: NodeJS.Timeout | null;
  retryAttempt: number;
  /** Counts local changes, so a store with nothing new is skipped without a database trip. */
  revision: number;
  storedRevision: number;
  /** Loaded for the connection now opening: its `connected` has nothing to catch up on. */
  justLoaded: boolean;
}

/**
 * Holds a connection's acknowledgements until the updates they answer are durable, in order,
 * without holding the connection's next message. Hocuspocus handles one connection's messages
 * one after another and acknowledges each update (sync status "applied") right after the
 * `beforeSync` hook resolves; awaiting the log write there would make the writer's next
 * keystroke wait for the previous commit before anyone sees it. Instead the hook applies the
 * update, hands its durability to this gate and returns; the gate sends Hocuspocus's own
 * acknowledgement (recognised as the exact bytes Hocuspocus's OutgoingMessage writes for it on
 * this connection) only once the oldest held update is durable. Every other message passes at once.
 */
class AcknowledgementGate {
  private readonly held: Array<Promise<void>> = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(connection: Connection) {
    const acknowledgement = new OutgoingMessage(connection.messageAddress).writeSyncStatus(true).toUint8Array();
    const send = connection.send.bind(connection);
    connection.send = (message: Uint8Array): void => {
      if (!sameBytes(message, acknowledgement)) return send(message);
      const durable = this.held.shift();
      const previous = this.tail;
      this.tail = (durable ? Promise.all([previous, durable]) : previous).then(() => send(message));
    };
  }

  /** The next acknowledgement of this connection waits for `durable` (which never rejects). */
  hold(durable: Promise<void>): void {
    this.held.push(durable);
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, index) => byte === b[index]);

/** Thrown only when a document's backlog of unlogged updates is full: the connection closes, the client keeps the edit. */
class SavingBacklogFull extends Error {
  readonly code = 1013;
  readonly reason = 'Gemmer ikke – prøver igen';
  constructor(documentName: string) {
    super(`The backlog of unsaved updates of ${documentName} is full`);
  }
}

/**
 * Loads and stores the live drafts, and makes every acknowledged edit durable.
 *
 * Hocuspocus hands every incoming sync message's update to `beforeSync` and acknowledges it
 * (sync status) right after it applies it, which it does only after that hook resolves. The
 * hook applies the update first and sends it to the other editors at once (so they never
 * wait for the database), then commits it to the append-only log, and only then lets
 * Hocuspocus acknowledge (its own apply is then a no-op). The debounced store compacts
 * the log into the stored state (with the derived JSON and text).
 *
 * Storage failures are survived, never thrown out of a hook: an update whose log write fails
 * stays unacknowledged in a bounded in-memory backlog that is retried with backoff until the
 * database takes it (or a successful store contains it); the debounced store retries until
 * it succeeds, which also keeps Hocuspocus from unloading the document meanwhile. While either
 * fails, the document's connections are told (a stateless message), and told again on recovery.
 */
@Injectable()
export class PersistenceExtension implements Extension {
  extensionName = 'aftalerum-persistence';
  private readonly logger = new Logger(PersistenceExtension.name);
  private readonly drafts = new Map<string, DraftSaving>();
  private readonly gates = new WeakMap<Connection, AcknowledgementGate>();
  private stopping = false;
  private readonly inflight = new Set<Promise<unknown>>();
  /** Wakes the stores that wait between retries, at shutdown. */
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly store: DraftStoreService,
    private readonly config: AppConfig,
  ) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    // Throwing is the one way to refuse a load (the connection is closed, nothing is stored):
    // serving an empty document instead would later overwrite the draft.
    const agreementId = agreementIdFromDocumentName(documentName);
    const loaded = agreementId ? await this.store.loadDraft(agreementId) : null;
    if (!loaded) throw new Error(`No draft for ${documentName}`);
    Y.applyUpdate(document, loaded.state);
    const saving = this.savingOf(documentName);
    saving.document = document;
    saving.justLoaded = true;
    // Log rows left by a crash are in the loaded state: the first store compacts them.
    for (const id of loaded.logIds) saving.applied.add(id);
    document.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== STORE_MERGE_ORIGIN) saving.revision++;
    });
  }

  async connected({ documentName, connection }: connectedPayload): Promise<void> {
    const saving = this.drafts.get(documentName);
    if (!saving) return;
    if (this.failing(saving)) connection.sendStateless(savingStatusMessage(SAVING_FAILED));
    if (saving.justLoaded) saving.justLoaded = false;
    else if (this.config.REDIS_URL) void this.catchUp(documentName, saving);
  }

  /**
   * With several instances, an edit reaches this one through Redis: its instance publishes its
   * state vector and sends what this one lacks when asked. An instance that dies after
   * acknowledging an edit (it is in the log) but before that exchange leaves this instance's
   * live copy without it. The editors of a dead instance reconnect to the others, so a new
   * connection to a document already loaded here first merges in the stored draft and its log:
   * every connected editor then has every acknowledged edit. A CRDT merge of what is already
   * here changes nothing.
   */
  private async catchUp(documentName: string, saving: DraftSaving): Promise<void> {
    const agreementId = agreementIdFromDocumentName(documentName);
    if (!agreementId) return;
    try {
      const loaded = await this.store.loadDraft(agreementId);
      const document = saving.document;
      if (!loaded || !document || this.drafts.get(documentName) !== saving) return;
      Y.applyUpdate(document, loaded.state, STORE_MERGE_ORIGIN);
      // The log rows are in the live copy now: this instance's next store may compact them.
      for (const id of loaded.logIds) saving.applied.add(id);
    } catch (error) {
      // The edits are in the log either way; the next connection or store merges them.
      this.logger.error(`Catching up ${documentName} from the database failed: ${(error as Error).message}`);
    }
  }

  async beforeSync({ type, payload, connection, document, documentName, context }: beforeSyncPayload): Promise<void> {
    if (connection.readOnly) return;
    const update = updateOfSync(type, payload);
    if (!update) return;
    const agreementId = agreementIdFromDocumentName(documentName);
    if (!agreementId) return;
    const saving = this.savingOf(documentName);
    if (saving.unlogged.length >= MAX_UNLOGGED_UPDATES || saving.unloggedBytes + update.length > MAX_UNLOGGED_BYTES) {
      // Not applied: the client keeps it and sends it again when it re-syncs.
      this.logger.error(`Refusing an update of ${documentName}: ${saving.unlogged.length} updates wait for the database already`);
      throw new SavingBacklogFull(documentName);
    }
    // Apply (and so broadcast) at once, under the origin Hocuspocus itself would use; its own
    // apply after this hook is then a no-op. The acknowledgement waits for the log write, but
    // the connection's next message does not: see AcknowledgementGate.
    let changed = false;
    const observe = (transaction: Y.Transaction) => {
      changed = transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0;
    };
    document.once('afterTransaction', observe);
    Y.applyUpdate(document, update, { source: 'connection', connection } satisfies ConnectionTransactionOrigin);
    document.off('afterTransaction', observe);
    const gate = this.gateOf(connection);
    if (!changed) {
      // Nothing new (a re-sync of what the server has). It may be a resend, on a new
      // connection, of an update that is not durable yet: acknowledge once everything is.
      gate.hold(Promise.all([...saving.appending, ...saving.unlogged.map((entry) => entry.durable)]).then(() => undefined));
      return;
    }
    const userId = isCollaborationContext(context) ? context.user.id : null;
    gate.hold(this.makeDurable(documentName, agreementId, saving, update, userId));
  }

  /** Resolves once `update` is durable (logged, or held and later logged or stored); never rejects. */
  private async makeDurable(documentName: string, agreementId: string, saving: DraftSaving, update: Uint8Array, userId: string | null): Promise<void> {
    // Hocuspocus sends the update to the other editors in a setImmediate queued while it was
    // applied: the log write starts after that, so its work is never ahead of the broadcast.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!saving.appendFailing) {
      const appending = this.store.appendUpdate(agreementId, update, userId);
      saving.appending.add(appending);
      try {
        saving.applied.add(await appending);
        return;
      } catch (error) {
        this.logger.error(`Logging an update of ${documentName} failed: ${(error as Error).message}; keeping it and retrying`);
        this.setFailing(documentName, saving, 'append', true);
      } finally {
        saving.appending.delete(appending);
      }
    }
    await this.keepUnlogged(documentName, saving, update, userId);
  }

  private gateOf(connection: Connection): AcknowledgementGate {
    let gate = this.gates.get(connection);
    if (!gate) {
      gate = new AcknowledgementGate(connection);
      this.gates.set(connection, gate);
    }
    return gate;
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    // Retries until the database takes the store: resolving earlier would let Hocuspocus
    // unload a document whose changes are not stored, and rejecting would end in an unhandled
    // rejection inside its debouncer. During shutdown the collaboration service stores every
    // document itself, while the database is still open.
    for (let attempt = 0; !this.stopping; attempt++) {
      const saving = this.savingOf(documentName);
      try {
        await this.storeNow(documentName, document, 1);
        this.setFailing(documentName, saving, 'store', false);
        return;
      } catch (error) {
        this.logger.error(`Storing ${documentName} failed: ${(error as Error).message}; retrying`);
        this.setFailing(documentName, saving, 'store', true);
        await this.sleep(retryDelay(attempt));
      }
    }
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    const saving = this.drafts.get(documentName);
    if (!saving) return;
    if (saving.unlogged.length > 0) this.logger.error(`${documentName} unloaded with ${saving.unlogged.length} unlogged updates`);
    if (saving.retryTimer) clearTimeout(saving.retryTimer);
    this.drafts.delete(documentName);
  }

  /** Called once at shutdown: no more debounced stores or retries; waits for those under way. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.sleepers) wake();
    for (const saving of this.drafts.values()) {
      if (saving.retryTimer) clearTimeout(saving.retryTimer);
      saving.retryTimer = null;
    }
    await Promise.allSettled([...this.inflight]);
  }

  /** True while storing the document fails on this instance. */
  isFailing(documentName: string): boolean {
    const saving = this.drafts.get(documentName);
    return saving ? this.failing(saving) : false;
  }

  /**
   * Stores a loaded document at once (restore, versions and shutdown use this), trying
   * `attempts` times before rejecting. Also makes durable every unlogged update it contains.
   */
  async storeNow(documentName: string, document: Y.Doc, attempts?: number): Promise<void> {
    const agreementId = agreementIdFromDocumentName(documentName);
    if (!agreementId) return;
    const saving = this.savingOf(documentName);
    if (saving.revision === saving.storedRevision && saving.applied.size === 0 && saving.unlogged.length === 0) return;
    const revision = saving.revision;
    const ids = [...saving.applied];
    // Every unlogged update is applied to the document already, so the stored state holds it.
    const covered = [...saving.unlogged];
    const storing = this.store.store(agreementId, document, ids, attempts);
    this.inflight.add(storing);
    let result: 'stored' | 'unchanged';
    try {
      result = await storing;
    } finally {
      this.inflight.delete(storing);
    }
    for (const id of ids) saving.applied.delete(id);
    saving.storedRevision = revision;
    this.settle(saving, covered);
    // The database took a write: if nothing else is held, logging works again too.
    if (saving.appendFailing && saving.unlogged.length === 0) this.setFailing(documentName, saving, 'append', false);
    this.logger.debug(`Draft ${documentName}: ${result}, ${ids.length} logged updates compacted`);
  }

  private keepUnlogged(documentName: string, saving: DraftSaving, update: Uint8Array, userId: string | null): Promise<void> {
    let settle = () => {};
    const durable = new Promise<void>((resolve) => (settle = resolve));
    saving.unlogged.push({ update, userId, durable, settle });
    saving.unloggedBytes += update.length;
    this.scheduleRetry(documentName, saving);
    return durable;
  }

  private scheduleRetry(documentName: string, saving: DraftSaving): void {
    if (saving.retryTimer || this.stopping || (saving.unlogged.length === 0 && !saving.appendFailing)) return;
    saving.retryTimer = setTimeout(() => {
      saving.retryTimer = null;
      void this.retryUnlogged(documentName, saving);
    }, retryDelay(saving.retryAttempt));
  }

  /** Writes the backlog to the log, one merged update per user; never rejects. */
  private async retryUnlogged(documentName: string, saving: DraftSaving): Promise<void> {
    const agreementId = agreementIdFromDocumentName(documentName);
    if (!agreementId || this.stopping || this.drafts.get(documentName) !== saving) return;
    const batch = [...saving.unlogged];
    const byUser = new Map<string | null, Unlogged[]>();
    for (const entry of batch) {
      const entries = byUser.get(entry.userId);
      if (entries) entries.push(entry);
      else byUser.set(entry.userId, [entry]);
    }
    try {
      for (const [userId, entries] of byUser) {
        const appending = this.store.appendUpdate(agreementId, Y.mergeUpdates(entries.map((entry) => entry.update)), userId);
        saving.appending.add(appending);
        try {
          saving.applied.add(await appending);
        } finally {
          saving.appending.delete(appending);
        }
        this.settle(saving, entries);
      }
      saving.retryAttempt = 0;
      if (batch.length > 0) this.logger.log(`Logged ${batch.length} held updates of ${documentName}`);
      // Updates that arrived meanwhile wait for the next round; until then saving still fails.
      if (saving.unlogged.length === 0) this.setFailing(documentName, saving, 'append', false);
    } catch (error) {
      saving.retryAttempt++;
      this.logger.warn(`Logging ${saving.unlogged.length} held updates of ${documentName} failed again: ${(error as Error).message}`);
    }
    // Updates that arrived during this attempt, or the rest after a failure.
    this.scheduleRetry(documentName, saving);
  }

  /** Acknowledges updates that are durable now and drops them from the backlog. */
  private settle(saving: DraftSaving, entries: Unlogged[]): void {
    if (entries.length === 0) return;
    const done = new Set(entries);
    for (const entry of entries) entry.settle();
    saving.unlogged = saving.unlogged.filter((entry) => !done.has(entry));
    saving.unloggedBytes = saving.unlogged.reduce((sum, entry) => sum + entry.update.length, 0);
  }

  private failing(saving: DraftSaving): boolean {
    return saving.appendFailing || saving.storeFailing;
  }

  /** Records a failure or recovery and tells the document's editors when saving starts or stops failing. */
  private setFailing(documentName: string, saving: DraftSaving, what: 'append' | 'store', failing: boolean): void {
    const before = this.failing(saving);
    if (what === 'append') saving.appendFailing = failing;
    else saving.storeFailing = failing;
    const after = this.failing(saving);
    if (before === after) return;
    const status: SavingStatus = after ? SAVING_FAILED : SAVING_RECOVERED;
    if (after) this.logger.warn(`Saving ${documentName} fails; editors are told and updates are held`);
    else this.logger.log(`Saving ${documentName} works again`);
    try {
      saving.document?.broadcastStateless(savingStatusMessage(status));
    } catch (error) {
      this.logger.error(`Telling the editors of ${documentName} about saving failed: ${(error as Error).message}`);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private savingOf(documentName: string): DraftSaving {
    let saving = this.drafts.get(documentName);
    if (!saving) {
      saving = {
        document: null,
        applied: new Set(),
        unlogged: [],
        unloggedBytes: 0,
        appending: new Set(),
        appendFailing: false,
        storeFailing: false,
        retryTimer: null,
        retryAttempt: 0,
        revision: 0,
        storedRevision: 0,
        justLoaded: false,
      };
      this.drafts.set(documentName, saving);
    }
    return saving;
  }
}
