import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ScopedData } from '../access/scoped-data';
import { Agreement } from '../agreements/agreement.entity';
import { notFound } from '../common/domain-error';
import { isUuid } from '../common/ids';
import { TraceModel } from '../documents/docx/trace';
import { OUTCOME_LABELS, MemoOutcome } from '../documents/memo';
import type { AuthUser } from '../users/auth-user';
import { ChangeTrace } from './traceability-types';
import { TraceabilityService } from './traceability.service';

interface SaidRow {
  block_id: string | null;
  text: string;
  reply: string | null;
  outcome: MemoOutcome | null;
}

/** "What we said — what changed": per organisation of a hearing and per cluster of an input round, for the secretariat. */
@Injectable()
export class TraceReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly trace: TraceabilityService,
    private readonly scoped: ScopedData,
  ) {}

  async forHearing(user: AuthUser, hearingId: string, organisationId: string, toVersionId?: string | null): Promise<ChangeTrace> {
    const hearing = await this.scoped.one(user, 'hearing', hearingId, 'change');
    const organisation = await this.organisationName(organisationId);
    const rows = await this.db.query<SaidRow[]>(
      `SELECT NULL AS block_id, r."summary" AS text, r."reply", r."outcome", r."received_at", 0 AS position
         FROM "hearing_responses" r WHERE r."hearing_id" = $1 AND r."organisation_id" = $2 AND r."summary" IS NOT NULL
       UNION ALL
       SELECT c."block_id", c."text", c."reply", c."outcome", r."received_at", c."position"
         FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id" WHERE r."hearing_id" = $1 AND r."organisation_id" = $2
       ORDER BY "received_at", "position"`,
      [hearing.id, organisationId],
    );
    const origin = { agreementId: hearing.agreementId, versionId: hearing.versionId };
    return this.report(user, origin, toVersionId, rows, {
      title: `Høringssvar fra ${organisation}`,
      about: hearing.title,
      docxUrl: `/files/hearings/${hearing.id}/trace/${organisationId}.docx${toVersionId ? `?to=${encodeURIComponent(toVersionId)}` : ''}`,
    });
  }

  async forInputRound(user: AuthUser, roundId: string, organisationId: string, toVersionId?: string | null): Promise<ChangeTrace> {
    const round = await this.scoped.one(user, 'inputRound', roundId, 'change');
    const organisation = await this.organisationName(organisationId);
    const rows = await this.db.query<Array<SaidRow & { input_id: string }>>(
      `SELECT i."input_id", i."block_id", i."text", a."reason" AS reply, a."outcome"
         FROM "cluster_input_items" i JOIN "cluster_inputs" ci ON ci."id" = i."input_id" LEFT JOIN "input_item_assessments" a ON a."item_id" = i."id"
        WHERE ci."round_id" = $1 AND ci."organisation_id" = $2 AND ci."submitted_at" IS NOT NULL
        ORDER BY ci."submitted_at", i."position"`,
      [round.id, organisationId],
    );
    const made = rows[0] ? await this.trace.itemOrigin({ inputId: rows[0].input_id, blockId: rows[0].block_id ?? 'general' }) : null;
    const origin = { agreementId: round.agreementId, versionId: made?.versionId ?? round.versionId };
    return this.report(user, origin, toVersionId, rows, {
      title: `Input fra ${organisation}`,
      about: round.title,
      docxUrl: `/files/input-rounds/${round.id}/trace/${organisationId}.docx${toVersionId ? `?to=${encodeURIComponent(toVersionId)}` : ''}`,
    });
  }

  /** The report as the Word writer takes it. */
  async model(trace: ChangeTrace): Promise<TraceModel> {
    return {
      title: trace.title,
      agreementTitle: trace.agreementTitle,
      about: trace.about,
      comparedWith: trace.comparedWith,
      generatedAt: new Date(),
      entries: trace.entries.map((e) => ({ said: e.said, paragraph: e.paragraph, reply: e.reply, outcomeLabel: e.outcome, change: e.change ? { kind: e.change.change, after: e.change.after, words: e.change.words } : null })),
    };
  }

  private async report(
    user: AuthUser,
    origin: { agreementId: string; versionId: string | null },
    toVersionId: string | null | undefined,
    rows: SaidRow[],
    about: { title: string; about: string; docxUrl: string },
  ): Promise<ChangeTrace> {
    const target = await this.trace.target(user, origin, toVersionId);
    const agreement = await this.db.getRepository(Agreement).findOneByOrFail({ id: origin.agreementId });
    const entries = await Promise.all(
      rows.map(async (row) => {
        const change = row.block_id ? await this.trace.change({ ...origin, blockId: row.block_id }, target) : null;
        return { said: row.text, paragraph: change?.before ?? null, reply: row.reply, outcome: row.outcome ? OUTCOME_LABELS[row.outcome] : null, change };
      }),
    );
    return { ...about, agreementTitle: agreement.title, comparedWith: target.label, entries };
  }

  private async organisationName(id: string): Promise<string> {
    const rows = isUuid(id) ? await this.db.query<Array<{ name: string }>>('SELECT "name" FROM "organisations" WHERE "id" = $1', [id]) : [];
    if (!rows[0]) throw notFound('Organisationen');
    return rows[0].name;
  }
}
