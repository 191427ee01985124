import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import { PublicHearing, PublishedResponse } from './dtos/hearing-types';
import { hearingStatus, HearingStatus } from './hearing.entity';
import { HearingsService } from './hearings.service';
import { HearingMemoService } from './hearing-memo.service';
import { CommentOutcome } from './hearing-comment.entity';

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/gi;

/** Removes e-mail addresses from text that is published. */
export const redactEmails = (text: string) => text.replace(EMAIL, '[e-mailadresse fjernet]');

/** The public page of a hearing: the one view of hearing data open to everyone, so it lives apart from the scoped reads. */
@Injectable()
export class PublicHearingService {
  constructor(
    private readonly hearings: HearingsService,
    private readonly memo: HearingMemoService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * What anyone may see without signing in, once the hearing has opened: the hearing draft,
   * the deadline (and its extensions), how to answer, and, once the hearing has closed, the
   * responses whose senders consented, under the organisation's name only. A hearing that has
   * not opened yet is not public (null).
   */
  async view(id: string): Promise<PublicHearing | null> {
    const hearing = await this.hearings.get(id);
    if (!hearing) return null;
    const status = hearingStatus(hearing);
    if (status === HearingStatus.SCHEDULED) return null;
    const [agreement, version] = await Promise.all([
      this.db.getRepository(Agreement).findOneByOrFail({ id: hearing.agreementId }),
      this.db.getRepository(AgreementVersion).findOneByOrFail({ id: hearing.versionId }),
    ]);
    let publishedResponses: PublishedResponse[] = [];
    // The secretariat's replies become public with the memo.
    const published = status === HearingStatus.CLOSED && Boolean(hearing.memoPublishedAt);
    const replied = (text: string | null) => (published && text ? redactEmails(text) : null);
    if (status === HearingStatus.CLOSED) {
      const rows = await this.db.query<Array<{ id: string; reference: string; received_at: Date; summary: string | null; reply: string | null; outcome: CommentOutcome | null; name: string }>>(
        `SELECT r."id", r."reference", r."received_at", r."summary", r."reply", r."outcome", o."name"
           FROM "hearing_responses" r JOIN "organisations" o ON o."id" = r."organisation_id"
          WHERE r."hearing_id" = $1 AND r."publish" ORDER BY o."name", r."received_at"`,
        [hearing.id],
      );
      publishedResponses = await Promise.all(
        rows.map(async (row) => ({
          reference: row.reference,
          organisationName: row.name,
          receivedAt: row.received_at,
          summary: row.summary ? redactEmails(row.summary) : null,
          comments: (await this.hearings.commentsOf(row.id)).map((c) => ({
            blockId: c.blockId,
            text: redactEmails(c.text),
            reply: replied(c.reply),
            outcome: published ? c.outcome : null,
          })),
          reply: replied(row.reply),
          outcome: published ? row.outcome : null,
        })),
      );
    }
    return {
      id: hearing.id,
      title: hearing.title,
      agreementTitle: agreement.title,
      opensAt: hearing.opensAt,
      closesAt: hearing.closesAt,
      status,
      content: JSON.stringify(version.content),
      deadlineChanges: await this.hearings.deadlineChanges(hearing.id),
      publishedResponses,
      memoPublishedAt: published ? hearing.memoPublishedAt : null,
      memoHtml: published ? redactEmails(await this.memo.html(hearing, { compareWithVersionId: hearing.memoComparedVersionId, publishedOnly: true })) : null,
    };
  }
}
