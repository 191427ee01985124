import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { badInput } from '../common/domain-error';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import { compareDrafts } from '@aftalerum/editor';
import { isUuid } from '../common/ids';
import { VersionsService } from '../agreements/versions.service';
import { OrganisationKind } from '../organisations/organisation-kind.enum';
import { Hearing } from './hearing.entity';
import { CommentOutcome } from './hearing-comment.entity';
import { memoDocx } from '../documents/docx/memo';
import { memoHtml } from '../documents/html/memo';
import { MemoComment, MemoModel } from '../documents/memo';
import { memoSections } from './hearing-memo';
import { memoPdf } from '../documents/pdf/memo';

/** Versions the platform froze by itself before an import or a restore: never a memo's default comparison. */
const SAFETY_LABEL = /^Før (import af|gendannelse af version) /;
export const isSafetyVersion = (version: Pick<AgreementVersion, 'label'>) => SAFETY_LABEL.test(version.label);

export interface MemoOptions {
  /** The version to compare the hearing draft with; default: the latest later version someone named. */
  compareWithVersionId?: string | null;
  /** The public page's memo: only the responses whose senders consented to publication. */
  publishedOnly?: boolean;
}

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  REGION: 'Region',
  MUNICIPALITY: 'Kommune',
  GENERAL_PRACTICE: 'Almen praksis',
  HOSPITAL: 'Hospital',
  PATIENT_ORGANISATION: 'Patientforening',
  PROFESSIONAL_ORGANISATION: 'Faglig organisation',
  COMMITTEE: 'Udvalg',
  OTHER: 'Anden',
};

@Injectable()
export class HearingMemoService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly versions: VersionsService,
  ) {}

  /**
   * Builds the memo from the responses and replies: who answered, every point by the
   * agreement's structure with the reply and outcome, and what changed since the hearing
   * draft (against the newest later version, or the live draft when there is none).
   */
  async model(hearing: Hearing, options: MemoOptions = {}): Promise<MemoModel> {
    const [agreement, version] = await Promise.all([
      this.db.getRepository(Agreement).findOneByOrFail({ id: hearing.agreementId }),
      this.db.getRepository(AgreementVersion).findOneByOrFail({ id: hearing.versionId }),
    ]);
    const responses = await this.db.query<
      Array<{
        id: string;
        reference: string;
        received_at: Date;
        late: boolean;
        summary: string | null;
        reply: string | null;
        outcome: CommentOutcome | null;
        name: string;
        kind: OrganisationKind;
        comments: number;
        campaign_id: string | null;
      }>
    >(
      `SELECT r."id", r."reference", r."received_at", r."late", r."summary", r."reply", r."outcome", o."name", o."kind",
              (SELECT m."campaign_id" FROM "hearing_campaign_responses" m WHERE m."response_id" = r."id") AS campaign_id,
              (SELECT count(*)::int FROM "hearing_comments" c WHERE c."response_id" = r."id") AS comments
         FROM "hearing_responses" r JOIN "organisations" o ON o."id" = r."organisation_id"
        WHERE r."hearing_id" = $1 AND ($2::boolean IS NOT TRUE OR r."publish") ORDER BY o."name", r."received_at"`,
      [hearing.id, Boolean(options.publishedOnly)],
    );
    const notAnswered = await this.db.query<Array<{ name: string }>>(
      `SELECT o."name" FROM "hearing_invitations" i JOIN "organisations" o ON o."id" = i."organisation_id"
        WHERE i."hearing_id" = $1 AND NOT EXISTS (SELECT 1 FROM "hearing_responses" r WHERE r."hearing_id" = i."hearing_id" AND r."organisation_id" = i."organisation_id")`,
      [hearing.id],
    );
    const comments = await this.db.query<
      Array<{ block_id: string | null; quote: string | null; text: string; reply: string | null; outcome: CommentOutcome | null; name: string; reference: string }>
    >(
      `SELECT c."block_id", c."quote", c."text", c."reply", c."outcome", o."name", r."reference"
         FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id" JOIN "organisations" o ON o."id" = r."organisation_id"
        WHERE r."hearing_id" = $1 AND ($2::boolean IS NOT TRUE OR r."publish")
          AND NOT EXISTS (SELECT 1 FROM "hearing_campaign_responses" m WHERE m."response_id" = r."id") ORDER BY r."received_at", c."position"`,
      [hearing.id, Boolean(options.publishedOnly)],
    );
    const points = comments.map((c) => ({
      blockId: c.block_id,
      organisationName: c.name,
      reference: c.reference,
      quote: c.quote,
      text: c.text,
      reply: c.reply,
      outcome: c.outcome,
    }));
    const general: MemoComment[] = [
      ...responses.filter((r) => r.summary && !r.campaign_id).map((r) => ({ organisationName: r.name, reference: r.reference, quote: null, text: r.summary ?? '', reply: r.reply, outcome: r.outcome })),
      ...points.filter((p) => !p.blockId),
    ];
    const campaigns = await this.campaigns(hearing.id, responses);
    const later = await this.comparedVersion(hearing, version, options.compareWithVersionId);
    const target = later ? later.content : await this.versions.acceptedLiveContent(agreement.id);
    const changes = compareDrafts(version.content, target);
    return {
      agreementTitle: agreement.title,
      hearingTitle: hearing.title,
      versionLabel: `version ${version.number}, ${version.label}`,
      opensAt: hearing.opensAt,
      closesAt: hearing.closesAt,
      generatedAt: new Date(),
      respondents: responses.map((r) => ({
        organisationName: r.name,
        kindLabel: ORGANISATION_KIND_LABELS[r.kind] ?? r.kind,
        reference: r.reference,
        receivedAt: r.received_at,
        late: r.late,
        summary: r.summary,
        comments: r.comments,
      })),
      notAnswered: notAnswered.map((o) => o.name).sort((a, b) => a.localeCompare(b, 'da')),
      sections: memoSections(version.content, points, changes),
      general,
      campaigns,
      changes,
      comparedWith: later ? `version ${later.number} (${later.label})` : 'det nuværende udkast',
      comparedVersionId: later?.id ?? null,
    };
  }

  /**
   * The campaigns among the memo's responses, each once with its count and senders; the reply
   * is the one its members share (null while they differ or some are unanswered).
   */
  private async campaigns(hearingId: string, responses: Array<{ id: string; name: string; campaign_id: string | null; reply: string | null; outcome: CommentOutcome | null }>) {
    const rows = await this.db.query<Array<{ id: string; sample_text: string }>>('SELECT "id", "sample_text" FROM "hearing_campaigns" WHERE "hearing_id" = $1 ORDER BY "position"', [hearingId]);
    return rows
      .map((campaign) => {
        const members = responses.filter((r) => r.campaign_id === campaign.id);
        const replies = new Set(members.map((m) => `${m.outcome}|${m.reply}`));
        const shared = replies.size === 1 && members[0]?.reply ? members[0] : null;
        return {
          size: members.length,
          senders: members.map((m) => m.name),
          text: campaign.sample_text,
          reply: shared?.reply ?? null,
          outcome: shared?.outcome ?? null,
        };
      })
      .filter((c) => c.size > 0);
  }

  /**
   * The version the memo compares the hearing draft with: the one asked for (a version of the
   * same agreement), else the latest later version someone named (never a safety version the
   * platform froze by itself); null: the live draft.
   */
  async comparedVersion(hearing: Hearing, hearingVersion: AgreementVersion, requested?: string | null): Promise<AgreementVersion | null> {
    if (requested) {
      if (!isUuid(requested)) throw badInput('Den valgte version findes ikke. Vælg en af aftalens versioner.');
      const chosen = await this.db.getRepository(AgreementVersion).findOneBy({ id: requested, agreementId: hearing.agreementId });
      if (!chosen) throw badInput('Den valgte version hører ikke til aftalen. Vælg en af aftalens versioner.');
      return chosen;
    }
    const later = await this.db.getRepository(AgreementVersion).find({
      where: { agreementId: hearing.agreementId, number: MoreThan(hearingVersion.number) },
      order: { number: 'DESC' },
    });
    return later.find((v) => !isSafetyVersion(v)) ?? null;
  }

  /** The versions the memo can be compared with: every version of the agreement, newest first, with the default marked. */
  async comparableVersions(hearing: Hearing): Promise<{ versions: AgreementVersion[]; defaultId: string | null }> {
    const hearingVersion = await this.db.getRepository(AgreementVersion).findOneByOrFail({ id: hearing.versionId });
    const versions = await this.db.getRepository(AgreementVersion).find({ where: { agreementId: hearing.agreementId }, order: { number: 'DESC' } });
    return { versions, defaultId: (await this.comparedVersion(hearing, hearingVersion))?.id ?? null };
  }

  async html(hearing: Hearing, options: MemoOptions = {}): Promise<string> {
    return memoHtml(await this.model(hearing, options));
  }

  async docx(hearing: Hearing, options: MemoOptions = {}): Promise<Buffer> {
    return memoDocx(await this.model(hearing, options));
  }

  async pdf(hearing: Hearing, options: MemoOptions = {}): Promise<Buffer> {
    return memoPdf(await this.model(hearing, options));
  }
}
