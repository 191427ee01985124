import { decideSuggestions, PendingSuggestion, pendingSuggestions } from '@aftalerum/editor';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { deriveDraft, replaceDraftContent } from '../drafts/draft-codec';
import { LiveDrafts } from '../drafts/live-drafts';
import type { AuthUser } from '../users/auth-user';
import { AgreementsService } from './agreements.service';
import { DecideSuggestionsInput, SuggestionDecision } from './dtos/decide-suggestions.input';

/** How much of a decided suggestion's text the audit row keeps. */
const AUDIT_TEXT = 200;

/**
 * The secretariat's decisions on suggested changes in the live draft. A decision is made on the
 * live document itself, as a server-side edit (like restore): the suggestions are read, decided
 * and written back in one Yjs transaction, so a suggestion typed or removed meanwhile cannot be
 * half-decided, every connected editor receives the result at once, and the audit row records
 * exactly what was decided — not what a browser said it did.
 */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementsService,
    private readonly live: LiveDrafts,
    private readonly audit: AuditService,
  ) {}

  async decide(user: AuthUser, input: DecideSuggestionsInput, requestId: string | null): Promise<SuggestionDecision> {
    const agreement = await this.agreements.getManageable(user, input.agreementId);
    if (agreement.finalVersionId) throw new DomainError('CONFLICT', 'Aftalen er godkendt af alle parter, og den endelige version er låst. Forslag kan ikke godkendes eller afvises.');
    const wanted = new Set(input.suggestionIds);
    let decided: PendingSuggestion[] = [];
    let pending = 0;
    await this.live.editDraft(agreement.id, (doc) => {
      const content = deriveDraft(doc).content;
      const all = pendingSuggestions(content);
      decided = all.filter((s) => wanted.has(s.id));
      pending = all.length - decided.length;
      if (decided.length === 0) return;
      replaceDraftContent(doc, decideSuggestions(content, (attributes) => wanted.has(attributes.id), input.accept), input.accept ? 'suggestions.accept' : 'suggestions.reject');
    });
    if (decided.length === 0) {
      throw new DomainError('NOT_FOUND', 'Forslaget findes ikke længere i udkastet. Måske har en anden allerede godkendt eller afvist det.');
    }
    await this.db.transaction((manager) =>
      this.audit.record(manager, {
        actorId: user.id,
        action: input.accept ? 'suggestion.accept' : 'suggestion.reject',
        entityType: 'agreement',
        entityId: agreement.id,
        data: {
          agreementId: agreement.id,
          suggestions: decided.map((s) => ({
            id: s.id,
            authorId: s.authorId,
            authorName: s.authorName,
            blockId: s.blockId,
            inserted: s.inserted.slice(0, AUDIT_TEXT),
            deleted: s.deleted.slice(0, AUDIT_TEXT),
          })),
        },
        requestId,
      }),
    );
    return { decided: decided.map((s) => s.id), accepted: input.accept, pending };
  }
}
