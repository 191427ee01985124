import { acceptedDocument, collectBlocks, collectSections, compareDrafts, documentText, duplicateBlockIds, JSONContent, pendingSuggestions } from '@aftalerum/editor';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../users/auth-user';
import { DraftStoreService } from '../drafts/draft-store.service';
import { LiveDrafts } from '../drafts/live-drafts';
import * as Y from 'yjs';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ScopedData } from '../access/scoped-data';
import { User } from '../users/user.entity';
import { AgreementVersion } from './agreement-version.entity';
import { Agreement } from './agreement.entity';
import { AgreementsService } from './agreements.service';
import { deriveDraft, replaceDraftContent } from '../drafts/draft-codec';
import { BlockChange } from './dtos/draft-types';

@Injectable()
export class VersionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementsService,
    private readonly live: LiveDrafts,
    private readonly audit: AuditService,
    private readonly store: DraftStoreService,
    private readonly scoped: ScopedData,
    private readonly clock: Clock,
  ) {}

  private readonly derived = new Map<string, { vector: string; content: JSONContent }>();

  /** The live draft's JSON, read from the collaboration document (what editors see now). */
  liveContent(agreementId: string): Promise<JSONContent> {
    return this.live.readDraft(agreementId, (doc) => deriveDraft(doc).content);
  }

  /** The live draft's accepted text: every pending suggestion left out (what exports and compare show). */
  async acceptedLiveContent(agreementId: string): Promise<JSONContent> {
    return acceptedDocument(await this.liveContent(agreementId));
  }

  /**
   * The draft's JSON for reading screens: from the document in memory when editors have it
   * open on this instance (the freshest), else as stored merged with the update log, so it
   * holds every acknowledged edit even after a crash or while another instance has the
   * document open. Unlike liveContent, it never loads a document just to read it.
   */
  async currentContent(agreementId: string): Promise<JSONContent> {
    const loaded = this.live.loadedDraft(agreementId);
    if (loaded) {
      const vector = Buffer.from(Y.encodeStateVector(loaded)).toString('base64');
      const cached = this.derived.get(agreementId);
      if (cached?.vector === vector) return cached.content;
      const content = deriveDraft(loaded).content;
      this.derived.set(agreementId, { vector, content });
      return content;
    }
    return (await this.store.storedContent(agreementId)) ?? this.liveContent(agreementId);
  }

  /** Versions of an agreement, newest first. */
  list(agreementId: string): Promise<AgreementVersion[]> {
    return this.db.getRepository(AgreementVersion).find({ where: { agreementId }, order: { number: 'DESC' } });
  }

  /** A version the user may read: null when there is none, FORBIDDEN when it is not theirs. */
  read(user: AuthUser, id: string): Promise<AgreementVersion | null> {
    return this.scoped.find(user, 'version', id);
  }

  /** Who froze the version, with their organisation. */
  author(version: AgreementVersion): Promise<User | null> {
    return version.createdById ? this.db.getRepository(User).findOne({ where: { id: version.createdById }, relations: { organisation: true } }) : Promise.resolve(null);
  }

  /**
   * Freezes the live draft as the next numbered version, dated by the application's clock. Refuses a draft whose block ids are
   * not unique, since comments and input anchor to them.
   */
  async create(user: AuthUser, agreementId: string, label: string, requestId: string | null): Promise<AgreementVersion> {
    const agreement = await this.agreements.getManageable(user, agreementId);
    if (agreement.finalVersionId) throw new DomainError('CONFLICT', 'Aftalen er godkendt af alle parter, og den endelige version er låst.');
    const content = await this.liveContent(agreementId);
    return this.db.transaction((manager) => this.freeze(manager, user, agreementId, label.trim(), content, requestId));
  }

  /**
   * Restores an old version: first freezes the current draft as a safety version, then
   * applies the old content to the live document as an ordinary edit, so every connected
   * editor sees it at once.
   */
  async restore(user: AuthUser, versionId: string, requestId: string | null): Promise<Agreement> {
    const version = await this.scoped.one(user, 'version', versionId, 'change');
    const agreement = await this.agreements.getManageable(user, version.agreementId);
    if (agreement.finalVersionId) throw new DomainError('CONFLICT', 'Aftalen er godkendt af alle parter, og den endelige version er låst. Den kan ikke gendannes.');
    const current = await this.liveContent(agreement.id);
    await this.db.transaction((manager) =>
      this.freeze(manager, user, agreement.id, `Før gendannelse af version ${version.number}`, current, requestId),
    );
    await this.live.editDraft(agreement.id, (doc) => replaceDraftContent(doc, version.content, 'restore'));
    await this.db.transaction((manager) =>
      this.audit.record(manager, {
        actorId: user.id,
        action: 'version.restore',
        entityType: 'agreement_version',
        entityId: version.id,
        data: { agreementId: agreement.id, number: version.number },
        requestId,
      }),
    );
    return agreement;
  }

  /**
   * Replaces the live draft with new content (an imported Word document), like restore: first
   * freezes the current draft as a safety version, then applies the content to the live
   * document as an ordinary edit, so connected editors see it at once.
   */
  async replaceDraft(
    user: AuthUser,
    agreementId: string,
    content: JSONContent,
    change: { safetyLabel: string; action: string; data: Record<string, unknown> },
    requestId: string | null,
  ): Promise<{ agreement: Agreement; safetyVersion: AgreementVersion }> {
    const agreement = await this.agreements.getManageable(user, agreementId);
    if (agreement.finalVersionId) throw new DomainError('CONFLICT', 'Aftalen er godkendt af alle parter, og den endelige version er låst. Udkastet kan ikke erstattes.');
    const current = await this.liveContent(agreement.id);
    const safetyVersion = await this.db.transaction((manager) => this.freeze(manager, user, agreement.id, change.safetyLabel, current, requestId));
    await this.live.editDraft(agreement.id, (doc) => replaceDraftContent(doc, content, change.action));
    await this.db.transaction((manager) =>
      this.audit.record(manager, {
        actorId: user.id,
        action: change.action,
        entityType: 'agreement',
        entityId: agreement.id,
        data: { ...change.data, safetyVersion: safetyVersion.number },
        requestId,
      }),
    );
    return { agreement, safetyVersion };
  }

  /** Block-by-block comparison of two versions of the same agreement, or of a version with the live draft (`toId` left out). */
  async compare(user: AuthUser, fromId: string, toId: string | null): Promise<{ from: AgreementVersion; to: AgreementVersion | null; changes: BlockChange[] }> {
    if (!toId) {
      const from = await this.scoped.one(user, 'version', fromId);
      // The live draft is the agreement's: an organisation invited to a hearing reads its version, not the draft.
      await this.scoped.one(user, 'agreement', from.agreementId);
      // Pending suggestions are not the draft's text until someone accepts them.
      return { from, to: null, changes: compareDrafts(from.content, acceptedDocument(await this.currentContent(from.agreementId))) };
    }
    const [from, to] = await Promise.all([this.scoped.one(user, 'version', fromId), this.scoped.one(user, 'version', toId)]);
    if (from.agreementId !== to.agreementId) {
      throw new DomainError('BAD_USER_INPUT', 'De to versioner hører til forskellige aftaler og kan ikke sammenlignes.');
    }
    return { from, to, changes: compareDrafts(from.content, to.content) };
  }

  private async freeze(
    manager: EntityManager,
    user: AuthUser,
    agreementId: string,
    label: string,
    draft: JSONContent,
    requestId: string | null,
  ): Promise<AgreementVersion> {
    // A version holds the accepted text; what is still only suggested is kept beside it.
    const content = acceptedDocument(draft);
    const pending = pendingSuggestions(draft);
    const duplicates = duplicateBlockIds(draft);
    if (duplicates.length > 0) {
      throw new DomainError(
        'CONFLICT',
        `Udkastet har ${duplicates.length} afsnit med samme id, så versionen kan ikke låses. Genindlæs editoren, og prøv igen.`,
        { duplicates },
      );
    }
    // Lock the agreement row so concurrent freezes get consecutive numbers.
    await manager.query('SELECT 1 FROM "agreements" WHERE "id" = $1 FOR UPDATE', [agreementId]);
    const [{ next }] = await manager.query<Array<{ next: number }>>(
      'SELECT COALESCE(MAX("number"), 0) + 1 AS next FROM "agreement_versions" WHERE "agreement_id" = $1',
      [agreementId],
    );
    const version = manager.create(AgreementVersion, {
      agreementId,
      number: next,
      label,
      content,
      pendingSuggestions: pending,
      text: documentText(content),
      createdById: user.id,
      createdAt: this.clock.now(),
    });
    await manager.save(version);
    await this.audit.record(manager, {
      actorId: user.id,
      action: 'version.create',
      entityType: 'agreement_version',
      entityId: version.id,
      data: { agreementId, number: version.number, label, pendingSuggestions: pending.length },
      requestId,
    });
    return version;
  }
}

export const sectionsOf = (content: JSONContent) => collectSections(content);
export const blocksOf = (content: JSONContent) => collectBlocks(content);
