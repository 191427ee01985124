import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import { compareDrafts } from '@aftalerum/editor';
import { VersionsService } from '../agreements/versions.service';
import { OrganisationKind } from '../organisations/organisation-kind.enum';
import { Hearing } from './hearing.entity';
import { CommentOutcome } from './hearing-comment.entity';
import { memoDocx } from '../documents/docx/memo';
import { memoHtml } from '../documents/html/memo';
import { MemoComment, MemoModel } from '../documents/memo';
import { memoSections } from './hearing-memo';
import { memoPdf } from '../documents/pdf/memo';

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
  async model(hearing: Hearing): Promise<MemoModel> {
    const [agreement, version] = await Promise.all([
      this.db.getRepository(Agreement).findOneByOrFail({ id: hearing.agreementId }),
      this.db.getRepository(AgreementVersion).findOneByOrFail({ id: hearing.versionId }),
    ]);
    const responses = await this.db.query<
      Array<{ id: string; reference: string; received_at: Date; late: boolean; summary: string | null; name: string; kind: OrganisationKind; comments: number }>
    >(
      `SELECT r."id", r."reference", r."received_at", r."late", r."summary", o."name", o."kind",
              (SELECT count(*)::int FROM "hearing_comments" c WHERE c."response_id" = r."id") AS comments
         FROM "hearing_responses" r JOIN "organisations" o ON o."id" = r."organisation_id"
        WHERE r."hearing_id" = $1 ORDER BY o."name", r."received_at"`,
      [hearing.id],
    );
    const comments = await this.db.query<
      Array<{ block_id: string | null; quote: string | null; text: string; reply: string | null; outcome: CommentOutcome | null; name: string; reference: string }>
    >(
      `SELECT c."block_id", c."quote", c."text", c."reply", c."outcome", o."name", r."reference"
         FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id" JOIN "organisations" o ON o."id" = r."organisation_id"
        WHERE r."hearing_id" = $1 ORDER BY r."received_at", c."position"`,
      [hearing.id],
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
      ...responses.filter((r) => r.summary).map((r) => ({ organisationName: r.name, reference: r.reference, quote: null, text: r.summary ?? '', reply: null, outcome: null })),
      ...points.filter((p) => !p.blockId),
    ];
    const later = await this.db.getRepository(AgreementVersion).findOne({
      where: { agreementId: agreement.id, number: MoreThan(version.number) },
      order: { number: 'DESC' },
    });
    const target = later ? later.content : await this.versions.liveContent(agreement.id);
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
      sections: memoSections(version.content, points),
      general,
      changes: compareDrafts(version.content, target),
      comparedWith: later ? `version ${later.number} (${later.label})` : 'det nuværende udkast',
    };
  }

  async html(hearing: Hearing): Promise<string> {
    return memoHtml(await this.model(hearing));
  }

  async docx(hearing: Hearing): Promise<Buffer> {
    return memoDocx(await this.model(hearing));
  }

  async pdf(hearing: Hearing): Promise<Buffer> {
    return memoPdf(await this.model(hearing));
  }
}
