import { DRAFT_FRAGMENT, draftSchema } from '@aftalerum/editor';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { absolutePositionToRelativePosition, initProseMirrorDoc } from '@tiptap/y-tiptap';
import type { Node } from '@tiptap/pm/model';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { ScopedData } from '../access/scoped-data';
import { Agreement } from '../agreements/agreement.entity';
import { AuditService } from '../audit/audit.service';
import { badInput, conflict } from '../common/domain-error';
import { xmlSafeText } from '../documents/safe-text';
import { DraftCommentsService } from '../draft-comments/draft-comments.service';
import { deriveDraft, replaceDraftContent } from '../drafts/draft-codec';
import { LiveDrafts } from '../drafts/live-drafts';
import type { AuthUser } from '../users/auth-user';
import { readWordChanges } from './word-changes-reader';
import { applySuggestions, MatchedBy, planSuggestions, PlannedComment, SuggestionPlan } from './word-suggestions';
import type { UploadedDocx } from './word-import.service';
import './word.scopes';

/** What a Word document with tracked changes will bring into the draft, for a person to confirm. */
export interface WordSuggestionsPreview {
  /** The file's SHA-256: send it back with the file to confirm. */
  importId: string;
  filename: string;
  suggestions: Array<{ blockId: string; matchedBy: MatchedBy; kind: 'insertion' | 'deletion'; text: string; wordAuthor: string }>;
  comments: Array<{ blockId: string; matchedBy: MatchedBy; quote: string; text: string; wordAuthor: string; replies: number }>;
  /** Who the suggestions and comments will be attributed to. */
  author: { name: string; organisation: string };
  warnings: string[];
}

export interface WordSuggestionsResult {
  agreementId: string;
  suggestions: number;
  comments: number;
  threadIds: string[];
  warnings: string[];
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const encode = (position: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/** A comment's text, with Word's author kept when it is not the person bringing it in. */
function commentText(text: string, wordAuthor: string, uploader: string): string {
  const clean = xmlSafeText(text).trim();
  const author = xmlSafeText(wordAuthor).trim().slice(0, 200);
  const body = author && author !== uploader ? `${clean}\n\n(Skrevet i Word af ${author})` : clean;
  return body.slice(0, 5000);
}

/**
 * "Indlæs ændringer fra Word": a case officer downloads the draft as DOCX, edits it in Word with
 * track changes and comments, and uploads it. Its insertions and deletions become suggestions
 * (insertion/deletion marks) in the live draft and its comments draft comment threads, all in
 * the uploader's name and organisation, on the paragraphs they belong to. Whoever may suggest
 * in the draft may (ScopedData's `draftSuggestions`); never in a locked final version.
 */
@Injectable()
export class WordSuggestionsService {
  private readonly logger = new Logger(WordSuggestionsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scoped: ScopedData,
    private readonly live: LiveDrafts,
    private readonly audit: AuditService,
    private readonly comments: DraftCommentsService,
  ) {}

  /** Reads the document and shows what it would bring in, and what it cannot place. */
  async preview(user: AuthUser, agreementId: string, file: UploadedDocx): Promise<WordSuggestionsPreview> {
    await this.writable(user, agreementId);
    const changes = await readWordChanges(file.buffer);
    const content = await this.live.readDraft(agreementId, (doc) => deriveDraft(doc).content);
    const plan = planSuggestions(changes, content);
    this.refuseEmpty(plan);
    return {
      importId: sha256(file.buffer),
      filename: file.filename,
      suggestions: plan.suggestions.map((s) => ({ blockId: s.blockId, matchedBy: s.matchedBy, kind: s.kind, text: s.text, wordAuthor: s.wordAuthor })),
      comments: plan.comments.map((c) => ({ blockId: c.blockId, matchedBy: c.matchedBy, quote: c.quote, text: c.text, wordAuthor: c.wordAuthor, replies: c.replies.length })),
      author: { name: user.name, organisation: await this.organisationName(user) },
      warnings: plan.warnings,
    };
  }

  /**
   * Brings the document's changes in: the suggestions as one edit of the live document (placed
   * again on the draft as it is at that moment), then each comment as a thread on its text.
   */
  async confirm(user: AuthUser, agreementId: string, file: UploadedDocx, importId: string, requestId: string | null): Promise<WordSuggestionsResult> {
    await this.writable(user, agreementId);
    if (sha256(file.buffer) !== importId) {
      throw badInput('Filen er ikke den samme som i forhåndsvisningen. Vælg filen igen, og se ændringerne igennem på ny.');
    }
    const changes = await readWordChanges(file.buffer);
    const organisation = await this.organisationName(user);
    const author = { authorId: user.id, authorName: user.name, organisation };
    let plan: SuggestionPlan = planSuggestions(changes, await this.live.readDraft(agreementId, (doc) => deriveDraft(doc).content));
    this.refuseEmpty(plan);
    let applied = 0;
    const wordAuthors = new Set<string>();
    await this.live.editDraft(agreementId, (doc) => {
      // Planned on the document as it is now, in the same turn as the edit: nothing comes between.
      const content = deriveDraft(doc).content;
      plan = planSuggestions(changes, content);
      if (plan.suggestions.length === 0) return;
      const result = applySuggestions(content, plan.suggestions, author, new Date());
      applied = result.applied.length;
      for (const s of result.applied) if (s.wordAuthor) wordAuthors.add(s.wordAuthor);
      if (applied > 0) replaceDraftContent(doc, result.content, 'word-suggestions');
    });
    await this.db.transaction((manager) =>
      this.audit.record(manager, {
        actorId: user.id,
        action: 'draft.wordSuggestions',
        entityType: 'agreement',
        entityId: agreementId,
        data: { filename: file.filename, suggestions: applied, comments: plan.comments.length, wordAuthors: [...wordAuthors].slice(0, 20) },
        requestId,
      }),
    );
    const anchors = await this.live.readDraft(agreementId, (doc) => plan.comments.map((comment) => anchorOf(doc, comment)));
    const threadIds: string[] = [];
    for (const [i, comment] of plan.comments.entries()) {
      const anchor = anchors[i];
      if (!anchor) {
        plan.warnings.push(`Kommentaren »${comment.text.slice(0, 60)}« kunne ikke placeres i udkastet.`);
        continue;
      }
      const thread = await this.comments.create(
        user,
        { agreementId, blockId: comment.blockId, ...anchor, text: commentText(comment.text, comment.wordAuthor, user.name) },
        requestId,
      );
      for (const reply of comment.replies) {
        if (!reply.text.trim()) continue;
        await this.comments.reply(user, { threadId: thread.id, text: commentText(reply.text, reply.wordAuthor, user.name) }, requestId);
      }
      threadIds.push(thread.id);
    }
    this.logger.log(`Brought ${applied} suggestions and ${threadIds.length} comments from ${file.filename} into agreement ${agreementId}`);
    return { agreementId, suggestions: applied, comments: threadIds.length, threadIds, warnings: plan.warnings };
  }

  private async writable(user: AuthUser, agreementId: string): Promise<Agreement> {
    const agreement = await this.scoped.one(user, 'draftSuggestions', agreementId, 'change');
    if (agreement.finalVersionId) throw conflict('Aftalen er godkendt af alle parter, og den endelige version er låst. Der kan ikke foreslås ændringer i den.');
    return agreement;
  }

  private refuseEmpty(plan: SuggestionPlan): void {
    if (plan.suggestions.length > 0 || plan.comments.length > 0) return;
    if (plan.warnings.length > 0) throw badInput(`Ingen af dokumentets ændringer eller kommentarer kan placeres i udkastet. ${plan.warnings[0]}`);
    throw badInput('Dokumentet har ingen registrerede ændringer eller kommentarer. Slå Spor ændringer til i Word (fanen Gennemse), ret i teksten, gem, og prøv igen.');
  }

  private async organisationName(user: AuthUser): Promise<string> {
    const [row] = await this.db.query<Array<{ name: string }>>('SELECT "name" FROM "organisations" WHERE "id" = $1', [user.organisationId]);
    return row?.name ?? '';
  }
}

/**
 * A comment's anchors in the live document, as the editor makes them (draft-comments/lib/anchors.ts):
 * the start sticks to the character after it, the end to the one before. Null when the block or
 * its text is gone.
 */
function anchorOf(doc: Y.Doc, comment: PlannedComment): { anchorStart: string; anchorEnd: string; quote: string } | null {
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
  const { doc: pm, meta } = initProseMirrorDoc(fragment, draftSchema());
  let found: { node: Node; pos: number } | null = null;
  pm.descendants((node, pos) => {
    if (found) return false;
    if (node.isTextblock && node.attrs.blockId === comment.blockId) {
      found = { node, pos };
      return false;
    }
    return true;
  });
  if (!found) return null;
  const { node, pos } = found as { node: Node; pos: number };
  // Accepted offsets → positions: pending insertions are not part of the quoted text.
  const positions: number[] = [];
  let text = '';
  node.forEach((child, offset) => {
    const inserted = child.marks.some((mark) => mark.type.name === 'insertion');
    if (child.isText && !inserted) {
      for (let i = 0; i < (child.text ?? '').length; i++) positions.push(pos + 1 + offset + i);
      text += child.text ?? '';
    } else if (child.type.name === 'hardBreak') {
      positions.push(pos + 1 + offset);
      text += '\n';
    }
  });
  let { from, to } = comment;
  if (text.slice(from, to) !== comment.quote) {
    from = 0;
    to = text.length;
  }
  if (to <= from || positions.length === 0) return null;
  const start = positions[from];
  const end = positions[to - 1] + 1;
  const caretStart = absolutePositionToRelativePosition(start, fragment, meta.mapping) as Y.RelativePosition;
  const at = Y.createAbsolutePositionFromRelativePosition(caretStart, doc);
  const anchorStart = at && at.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(at.type, at.index, 0) : caretStart;
  const anchorEnd = absolutePositionToRelativePosition(end, fragment, meta.mapping) as Y.RelativePosition;
  return { anchorStart: encode(anchorStart), anchorEnd: encode(anchorEnd), quote: text.slice(from, to).slice(0, 2000) };
}
