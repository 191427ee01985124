import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSubEngine } from 'graphql-subscriptions';
import { DataSource, EntityManager, In } from 'typeorm';
import * as Y from 'yjs';
import { ScopedData } from '../access/scoped-data';
import { AuditService } from '../audit/audit.service';
import { badInput, conflict } from '../common/domain-error';
import { PUB_SUB, TOPICS } from '../common/pub-sub';
import type { AuthUser } from '../users/auth-user';
import { DraftComment, DraftCommentStatus, DraftCommentThread, DraftCommentThreadEvent } from './draft-comment.entity';
import { CreateDraftCommentThreadInput, ReplyToDraftCommentThreadInput } from './dtos/draft-comment.inputs';

/** Whether `value` is base64 of an encoded Yjs relative position (one that names a type or an item). */
export function isEncodedRelativePosition(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  try {
    const position = Y.decodeRelativePosition(new Uint8Array(Buffer.from(value, 'base64')));
    return Boolean(position.item || position.type || position.tname);
  } catch {
    return false;
  }
}

const blank = (text: string) => text.trim().length === 0;

/**
 * Comment threads on the live draft: opened on a selection, answered, resolved and reopened by
 * anyone who may read the draft (ScopedData's `draftComments` / `draftCommentThread` kinds). Every
 * change is audited in its transaction and announced on the agreement's topic, so other editors
 * fetch the threads again.
 */
@Injectable()
export class DraftCommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scoped: ScopedData,
    private readonly audit: AuditService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /** The agreement's threads, oldest first (FORBIDDEN / NOT_FOUND for someone who may not read the draft). */
  async threads(user: AuthUser, agreementId: string): Promise<DraftCommentThread[]> {
    await this.scoped.one(user, 'draftComments', agreementId, 'read');
    return this.db.getRepository(DraftCommentThread).find({ where: { agreementId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The comments of these threads, each thread's in order. */
  async commentsOf(threadIds: readonly string[]): Promise<Map<string, DraftComment[]>> {
    const rows = threadIds.length ? await this.db.getRepository(DraftComment).find({ where: { threadId: In([...threadIds]) }, order: { createdAt: 'ASC', id: 'ASC' } }) : [];
    const byThread = new Map<string, DraftComment[]>(threadIds.map((id) => [id, []]));
    for (const row of rows) byThread.get(row.threadId)?.push(row);
    return byThread;
  }

  async create(user: AuthUser, input: CreateDraftCommentThreadInput, requestId: string | null): Promise<DraftCommentThread> {
    if (blank(input.text)) throw badInput('Skriv en kommentar.', { field: 'text' });
    if (blank(input.quote)) throw badInput('Markér den tekst, du vil kommentere.', { field: 'quote' });
    for (const field of ['anchorStart', 'anchorEnd'] as const) {
      if (!isEncodedRelativePosition(input[field])) throw badInput('Kommentarens placering i udkastet kan ikke læses. Markér teksten igen.', { field });
    }
    const thread = await this.db.transaction(async (manager) => {
      await this.scoped.one(user, 'draftComments', input.agreementId, 'change', { manager });
      const row = await manager.save(
        manager.create(DraftCommentThread, {
          agreementId: input.agreementId,
          blockId: input.blockId ?? null,
          anchorStart: input.anchorStart,
          anchorEnd: input.anchorEnd,
          quote: input.quote,
          status: DraftCommentStatus.OPEN,
          createdById: user.id,
        }),
      );
      await this.addComment(manager, user, row.id, input.text);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'draftComment.open',
        entityType: 'draftCommentThread',
        entityId: row.id,
        data: { agreementId: row.agreementId, blockId: row.blockId, quote: row.quote },
        requestId,
      });
      return row;
    });
    this.announce(thread, 'CREATED');
    return thread;
  }

  async reply(user: AuthUser, input: ReplyToDraftCommentThreadInput, requestId: string | null): Promise<DraftCommentThread> {
    if (blank(input.text)) throw badInput('Skriv et svar.', { field: 'text' });
    const thread = await this.db.transaction(async (manager) => {
      const row = await this.scoped.one(user, 'draftCommentThread', input.threadId, 'change', { manager });
      const comment = await this.addComment(manager, user, row.id, input.text);
      await this.audit.record(manager, { actorId: user.id, action: 'draftComment.reply', entityType: 'draftCommentThread', entityId: row.id, data: { commentId: comment.id }, requestId });
      return row;
    });
    this.announce(thread, 'REPLIED');
    return thread;
  }

  /** Resolves an open thread (CONFLICT when it is resolved already) or reopens a resolved one. */
  async setStatus(user: AuthUser, threadId: string, status: DraftCommentStatus, requestId: string | null): Promise<DraftCommentThread> {
    const thread = await this.db.transaction(async (manager) => {
      const row = await this.scoped.one(user, 'draftCommentThread', threadId, 'change', { manager });
      const locked = await manager.findOneOrFail(DraftCommentThread, { where: { id: row.id }, lock: { mode: 'pessimistic_write' } });
      if (locked.status === status) throw conflict(status === DraftCommentStatus.RESOLVED ? 'Tråden er allerede løst.' : 'Tråden er allerede åben.');
      const resolved = status === DraftCommentStatus.RESOLVED;
      Object.assign(locked, { status, resolvedById: resolved ? user.id : null, resolvedByName: resolved ? user.name : null, resolvedAt: resolved ? new Date() : null });
      await manager.save(locked);
      await this.audit.record(manager, { actorId: user.id, action: resolved ? 'draftComment.resolve' : 'draftComment.reopen', entityType: 'draftCommentThread', entityId: row.id, requestId });
      return locked;
    });
    this.announce(thread, status === DraftCommentStatus.RESOLVED ? 'RESOLVED' : 'REOPENED');
    return thread;
  }

  private async addComment(manager: EntityManager, user: AuthUser, threadId: string, text: string): Promise<DraftComment> {
    const [organisation] = await manager.query<Array<{ name: string }>>('SELECT "name" FROM "organisations" WHERE "id" = $1', [user.organisationId]);
    return manager.save(manager.create(DraftComment, { threadId, authorId: user.id, authorName: user.name, organisationName: organisation?.name ?? '', text: text.trim() }));
  }

  private announce(thread: DraftCommentThread, action: string): void {
    const event: DraftCommentThreadEvent = { agreementId: thread.agreementId, threadId: thread.id, action };
    void this.pubSub.publish(TOPICS.draftComments(thread.agreementId), { draftCommentThreadChanged: event }).catch(() => undefined);
  }
}
