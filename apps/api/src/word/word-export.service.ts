import type { JSONContent } from '@aftalerum/editor';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../users/auth-user';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import { AgreementsService } from '../agreements/agreements.service';
import { acceptedDocument, compareDrafts } from '@aftalerum/editor';
import { DraftCommentsService } from '../draft-comments/draft-comments.service';
import { DraftCommentStatus } from '../draft-comments/draft-comment.entity';
import { VersionsService } from '../agreements/versions.service';
import { badInput, notFound } from '../common/domain-error';
import { renderAgreementPdf } from '../documents/pdf/agreement';
import { renderAgreementDocx } from '../documents/docx/agreement';
import { renderAgreementHtml } from '../documents/html/agreement';
import { ComparisonComment, renderComparisonDocx } from '../documents/docx/comparison';
import { Region } from '../organisations/region.entity';

export interface ExportFile {
  data: Buffer;
  filename: string;
  contentType: string;
}

interface Source {
  agreement: Agreement;
  region: Region;
  content: JSONContent;
  /** 'Version 3 – Høringsudkast', or null for the live draft. */
  label: string | null;
  version: AgreementVersion | null;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const LIVE_DRAFT_LABEL = 'Arbejdsudkast';

const versionLabel = (version: AgreementVersion) => `Version ${version.number} – ${version.label}`;

/** 'Sundhedsaftale 2024–2027' → 'sundhedsaftale-2024-2027'. */
const slug = (value: string) =>
  value
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'sundhedsaftale';

/**
 * The agreement as files for people outside the platform: a clean Word document, a Word
 * comparison with tracked changes, and print-ready HTML. Every signed-in user may export.
 */
@Injectable()
export class WordExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementsService,
    private readonly versions: VersionsService,
    private readonly comments: DraftCommentsService,
  ) {}

  /** The agreement (a version, else the final version once approved, else the live draft) as DOCX. */
  async agreementDocx(user: AuthUser, agreementId: string, versionId?: string): Promise<ExportFile> {
    const source = await this.source(user, agreementId, versionId);
    const data = await renderAgreementDocx(this.documentInput(source));
    return { data, filename: `${this.baseName(source)}.docx`, contentType: DOCX_TYPE };
  }

  /** The same content as a complete, print-ready HTML page (lang="da", semantic headings). */
  async agreementHtml(user: AuthUser, agreementId: string, versionId?: string): Promise<ExportFile> {
    const source = await this.source(user, agreementId, versionId);
    const html = renderAgreementHtml(this.documentInput(source));
    return { data: Buffer.from(html, 'utf8'), filename: `${this.baseName(source)}.html`, contentType: 'text/html; charset=utf-8' };
  }

  /** The same content as a tagged PDF (structure tree, Danish language, bookmarks). */
  async agreementPdf(user: AuthUser, agreementId: string, versionId?: string): Promise<ExportFile> {
    const source = await this.source(user, agreementId, versionId);
    const data = await renderAgreementPdf(this.documentInput(source));
    return { data, filename: `${this.baseName(source)}.pdf`, contentType: 'application/pdf' };
  }

  /**
   * A Word document of version `toId` (or the live draft) with every change since version
   * `fromId` as a tracked change. Against the live draft, its pending suggestions are tracked
   * changes of their suggesters (w:author), and its open comment threads are Word comments.
   */
  async comparisonDocx(user: AuthUser, agreementId: string, fromId: string | undefined, toId?: string): Promise<ExportFile> {
    if (!fromId) throw badInput('Vælg den version, der skal sammenlignes med (from).');
    const from = await this.source(user, agreementId, fromId);
    const to = await this.source(user, agreementId, toId, { live: true });
    // The live draft as it stands, suggestions and all; the comparison itself is of the accepted texts.
    const later = to.version ? to.content : await this.versions.liveContent(agreementId);
    const data = await renderComparisonDocx({
      title: from.agreement.title,
      regionName: from.region.name,
      fromLabel: from.label ?? LIVE_DRAFT_LABEL,
      toLabel: to.label ?? `${LIVE_DRAFT_LABEL} (nu)`,
      from: from.content,
      to: later,
      changes: compareDrafts(from.content, acceptedDocument(later)),
      comments: to.version ? [] : await this.openThreads(user, agreementId),
      author: await this.changesBy(to.version),
      changedAt: to.version?.createdAt ?? new Date(),
      generatedAt: new Date(),
    });
    const toPart = to.version ? `v${to.version.number}` : 'udkast';
    return { data, filename: `${slug(from.agreement.title)}-sammenligning-v${from.version?.number}-${toPart}.docx`, contentType: DOCX_TYPE };
  }

  /**
   * Who the tracked changes are attributed to in Word: the person who saved the later version;
   * for the live draft, which many may have edited since, "Arbejdsudkast" (not the person
   * downloading, who would see others' edits under their own name).
   */
  private async changesBy(version: AgreementVersion | null): Promise<string> {
    if (!version) return LIVE_DRAFT_LABEL;
    const author = await this.versions.author(version);
    return author?.name.trim() || 'Aftalerum';
  }

  /** The live draft's open comment threads with their comments, for Word's margin. */
  private async openThreads(user: AuthUser, agreementId: string): Promise<ComparisonComment[]> {
    const threads = (await this.comments.threads(user, agreementId)).filter((thread) => thread.status === DraftCommentStatus.OPEN);
    const comments = await this.comments.commentsOf(threads.map((thread) => thread.id));
    return threads.map((thread) => ({
      blockId: thread.blockId,
      quote: thread.quote,
      comments: (comments.get(thread.id) ?? []).map((c) => ({ authorName: c.authorName, organisationName: c.organisationName, text: c.text, createdAt: c.createdAt })),
    }));
  }

  private async source(user: AuthUser, agreementId: string, versionId?: string, options: { live?: boolean } = {}): Promise<Source> {
    const agreement = await this.agreements.read(user, agreementId);
    if (!agreement) throw notFound('Aftalen');
    const region = await this.db.getRepository(Region).findOneByOrFail({ id: agreement.regionId });
    const wanted = versionId || (options.live ? null : agreement.finalVersionId);
    if (wanted) {
      const version = await this.versions.read(user, wanted);
      if (!version || version.agreementId !== agreement.id) throw notFound('Versionen');
      return { agreement, region, content: version.content, label: versionLabel(version), version };
    }
    return { agreement, region, content: await this.versions.acceptedLiveContent(agreement.id), label: null, version: null };
  }

  private documentInput(source: Source) {
    return {
      title: source.agreement.title,
      regionName: source.region.name,
      periodStart: source.agreement.periodStart,
      periodEnd: source.agreement.periodEnd,
      effectiveDate: source.agreement.effectiveDate,
      versionLabel: source.label,
      generatedAt: new Date(),
      doc: source.content,
    };
  }

  private baseName(source: Source): string {
    return `${slug(source.agreement.title)}-${source.version ? `v${source.version.number}` : 'udkast'}`;
  }
}
