import type { JSONContent } from '@aftalerum/editor';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { AgreementDraft } from '../agreements/agreement-draft.entity';
import { deriveDraft, yDocFromJson } from '../agreements/draft-codec';

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

/**
 * The database side of the live drafts: the stored Yjs state, the append-only log of
 * incoming updates, and compaction of the log into the state.
 */
@Injectable()
export class DraftStoreService {
  private readonly logger = new Logger(DraftStoreService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The full Yjs state of a draft: the stored state merged with every logged update not yet
   * compacted into it. Null when the agreement has no draft.
   */
  async loadState(agreementId: string): Promise<Uint8Array | null> {
    const [draft] = await this.db.query<Array<{ ydoc: Buffer }>>(
      'SELECT "ydoc" FROM "agreement_drafts" WHERE "agreement_id" = $1',
      [agreementId],
    );
    if (!draft) return null;
    const log = await this.db.query<Array<{ update: Buffer }>>(
      'SELECT "update" FROM "agreement_draft_updates" WHERE "agreement_id" = $1 ORDER BY "id"',
      [agreementId],
    );
    if (log.length === 0) return new Uint8Array(draft.ydoc);
    return Y.mergeUpdates([new Uint8Array(draft.ydoc), ...log.map((row) => new Uint8Array(row.update))]);
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
   * nothing changed. Retries transient failures.
   */
  async store(agreementId: string, doc: Y.Doc, appliedLogIds: string[]): Promise<'stored' | 'unchanged'> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (manager) => {
          const [current] = await manager.query<Array<{ ydoc: Buffer }>>(
            'SELECT "ydoc" FROM "agreement_drafts" WHERE "agreement_id" = $1 FOR UPDATE',
            [agreementId],
          );
          if (!current) throw new Error(`agreement ${agreementId} has no draft row`);
          const stored = new Uint8Array(current.ydoc);
          // Another instance may have stored edits this one has not received yet: merge them
          // in rather than overwrite them (a CRDT merge loses nothing).
          Y.applyUpdate(doc, stored, STORE_MERGE_ORIGIN);
          const state = Y.encodeStateAsUpdate(doc);
          const unchanged = sha256(stored) === sha256(state);
          if (!unchanged) {
            const derived = deriveDraft(doc);
            await manager.query(
              `UPDATE "agreement_drafts" SET "ydoc" = $2, "content" = $3, "text" = $4, "content_hash" = $5, "updated_at" = now()
                WHERE "agreement_id" = $1`,
              [agreementId, Buffer.from(state), JSON.stringify(derived.content), derived.text, derived.contentHash],
            );
          }
          if (appliedLogIds.length > 0) {
            await manager.query('DELETE FROM "agreement_draft_updates" WHERE "agreement_id" = $1 AND "id" = ANY($2::bigint[])', [
              agreementId,
              appliedLogIds,
            ]);
          }
          return unchanged ? 'unchanged' : 'stored';
        });
      } catch (error) {
        this.logger.error(`Storing draft of agreement ${agreementId} failed (attempt ${attempt}): ${(error as Error).message}`);
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      }
    }
  }

  /** The stored JSON of a draft (as of the last store). */
  async storedContent(agreementId: string): Promise<JSONContent | null> {
    const draft = await this.db.getRepository(AgreementDraft).findOne({ where: { agreementId }, select: { content: true, agreementId: true } });
    return draft?.content ?? null;
  }
}
