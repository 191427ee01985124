import type { JSONContent } from '@aftalerum/editor';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { deriveDraft, yDocFromJson } from './draft-codec';

/**
 * Creates the draft of a new agreement from JSON, in the caller's transaction. This is the
 * only time a draft is built from JSON; afterwards it is always loaded from its Yjs state.
 */
export async function insertDraft(manager: EntityManager, agreementId: string, content: JSONContent): Promise<void> {
  const doc = yDocFromJson(content);
  const derived = deriveDraft(doc);
  await manager.query(
    'INSERT INTO "agreement_drafts" ("agreement_id", "ydoc", "content", "text", "content_hash") VALUES ($1, $2, $3, $4, $5)',
    [agreementId, Buffer.from(Y.encodeStateAsUpdate(doc)), JSON.stringify(derived.content), derived.text, derived.contentHash],
  );
  doc.destroy();
}

/** Origin of the stored state merged into a live document while storing. */
export const STORE_MERGE_ORIGIN = 'aftalerum-store-merge';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** How many times a store is tried before the caller hears of the failure. */
const STORE_ATTEMPTS = 3;

/**
 * The database side of the live drafts: the stored Yjs state, the append-only log of
 * incoming updates, and compaction of the log into the state.
 */
@Injectable()
export class DraftStoreService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DraftStoreService.name);
  /** Per agreement: the JSON derived from the stored state plus the log, by the last log id. */
  private readonly merged = new Map<string, { key: string; content: JSONContent }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * After a crash (kill -9) acknowledged edits may exist only in the log; fold them into the
   * stored state and derived JSON/text at start, so reading screens, search and exports see
   * them without anyone opening the document. A failure here is logged, never fatal: the
   * log stays, and reads and the next load merge it.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const rows = await this.db.query<Array<{ agreement_id: string }>>('SELECT DISTINCT "agreement_id" FROM "agreement_draft_updates"');
      for (const { agreement_id: agreementId } of rows) {
        const compacted = await this.compactLog(agreementId);
        this.logger.log(`Draft of agreement ${agreementId}: ${compacted} logged updates compacted at start`);
      }
    } catch (error) {
      this.logger.error(`Compacting the draft update log at start failed: ${(error as Error).message}`);
    }
  }

  /**
   * The full Yjs state of a draft: the stored state merged with every logged update not yet
   * compacted into it, and the ids of those log rows. Null when the agreement has no draft.
   */
  async loadDraft(agreementId: string): Promise<{ state: Uint8Array; logIds: string[] } | null> {
    const [draft] = await this.db.query<Array<{ ydoc: Buffer }>>(
      'SELECT "ydoc" FROM "agreement_drafts" WHERE "agreement_id" = $1',
      [agreementId],
    );
    if (!draft) return null;
    const log = await this.db.query<Array<{ id: string; update: Buffer }>>(
      'SELECT "id", "update" FROM "agreement_draft_updates" WHERE "agreement_id" = $1 ORDER BY "id"',
      [agreementId],
    );
    if (log.length === 0) return { state: new Uint8Array(draft.ydoc), logIds: [] };
    return {
      state: Y.mergeUpdates([new Uint8Array(draft.ydoc), ...log.map((row) => new Uint8Array(row.update))]),
      logIds: log.map((row) => String(row.id)),
    };
  }

  /** Appends one incoming update to the log; resolves once it is committed. */
  async appendUpdate(agreementId: string, update: Uint8Array, userId: string | null): Promise<string> {
    const [row] = await this.db.query<Array<{ id: string }>>(
      'INSERT INTO "agreement_draft_updates" ("agreement_id", "update", "user_id") VALUES ($1, $2, $3) RETURNING "id"',
      [agreementId, Buffer.from(update), userId],
    );
    return row.id;
  }

  /**
   * Stores the document's state with its derived JSON and text in one row-locked
   * transaction and removes the logged updates it now contains. Skips the write when
   * nothing changed. Retries a transient failure a few times, then rejects: callers that
   * must not give up (the debounced store) retry on their own.
   */
  async store(agreementId: string, doc: Y.Doc, appliedLogIds: string[], attempts = STORE_ATTEMPTS): Promise<'stored' | 'unchanged'> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (manager) => {
          const stored = await this.lockDraft(manager, agreementId);
          // Another instance may have stored edits this one has not received yet: merge them
          // in rather than overwrite them (a CRDT merge loses nothing).
          Y.applyUpdate(doc, stored, STORE_MERGE_ORIGIN);
          const changed = await this.writeState(manager, agreementId, stored, doc);
          await this.deleteLogRows(manager, agreementId, appliedLogIds);
          return changed ? 'stored' : 'unchanged';
        });
      } catch (error) {
        this.logger.error(`Storing draft of agreement ${agreementId} failed (attempt ${attempt}): ${(error as Error).message}`);
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      }
    }
  }

  /**
   * Folds every logged update of a draft into its stored state and derived JSON/text, in the
   * same row-locked way as `store`, and deletes those log rows. Resolves with their number.
   */
  async compactLog(agreementId: string): Promise<number> {
    return this.db.transaction(async (manager) => {
      const stored = await this.lockDraft(manager, agreementId);
      const log = await manager.query<Array<{ id: string; update: Buffer }>>(
        'SELECT "id", "update" FROM "agreement_draft_updates" WHERE "agreement_id" = $1 ORDER BY "id"',
        [agreementId],
      );
      if (log.length === 0) return 0;
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, stored);
        for (const row of log) Y.applyUpdate(doc, new Uint8Array(row.update));
        await this.writeState(manager, agreementId, stored, doc);
      } finally {
        doc.destroy();
      }
      await this.deleteLogRows(manager, agreementId, log.map((row) => row.id));
      return log.length;
    });
  }

  /**
   * The JSON of a draft for reading: as last stored, merged with the logged updates not yet
   * compacted into it (after a crash, or between the debounced stores of another instance),
   * so an acknowledged edit is never missing from what people read. Null when there is no
   * draft.
   */
  async storedContent(agreementId: string): Promise<JSONContent | null> {
    const [draft] = await this.db.query<Array<{ content: JSONContent; updated_at: Date; last_update: string | null }>>(
      `SELECT d."content", d."updated_at",
              (SELECT max(u."id") FROM "agreement_draft_updates" u WHERE u."agreement_id" = d."agreement_id")::text AS "last_update"
         FROM "agreement_drafts" d WHERE d."agreement_id" = $1`,
      [agreementId],
    );
    if (!draft) return null;
    if (draft.last_update === null) {
      this.merged.delete(agreementId);
      return draft.content;
    }
    const key = `${draft.updated_at.toISOString()}/${draft.last_update}`;
    const cached = this.merged.get(agreementId);
    if (cached?.key === key) return cached.content;
    const loaded = await this.loadDraft(agreementId);
    if (!loaded) return null;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, loaded.state);
      const { content } = deriveDraft(doc);
      this.merged.set(agreementId, { key, content });
      return content;
    } finally {
      doc.destroy();
    }
  }

  private async lockDraft(manager: EntityManager, agreementId: string): Promise<Uint8Array> {
    const [current] = await manager.query<Array<{ ydoc: Buffer }>>(
      'SELECT "ydoc" FROM "agreement_drafts" WHERE "agreement_id" = $1 FOR UPDATE',
      [agreementId],
    );
    if (!current) throw new Error(`agreement ${agreementId} has no draft row`);
    return new Uint8Array(current.ydoc);
  }

  /** Writes the document's state and derived JSON/text unless it equals `stored`; true when written. */
  private async writeState(manager: EntityManager, agreementId: string, stored: Uint8Array, doc: Y.Doc): Promise<boolean> {
    const state = Y.encodeStateAsUpdate(doc);
    if (sha256(stored) === sha256(state)) return false;
    const derived = deriveDraft(doc);
    await manager.query(
      `UPDATE "agreement_drafts" SET "ydoc" = $2, "content" = $3, "text" = $4, "content_hash" = $5, "updated_at" = now()
        WHERE "agreement_id" = $1`,
      [agreementId, Buffer.from(state), JSON.stringify(derived.content), derived.text, derived.contentHash],
    );
    return true;
  }

  private async deleteLogRows(manager: EntityManager, agreementId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query('DELETE FROM "agreement_draft_updates" WHERE "agreement_id" = $1 AND "id" = ANY($2::bigint[])', [agreementId, ids]);
  }
}
