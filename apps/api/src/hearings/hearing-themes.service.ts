import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { ScopedData } from '../access/scoped-data';
import { AuditService } from '../audit/audit.service';
import { badInput, conflict, notFound } from '../common/domain-error';
import type { AuthUser } from '../users/auth-user';
import { CommentTheme, HearingAnalysis, ReplyTemplate, ResponseCampaign } from './dtos/analysis-types';
import { BulkReplyInput, CampaignReplyInput, MergeHearingThemesInput, MoveCommentsToThemeInput, RenameHearingThemeInput, SaveReplyTemplateInput } from './dtos/themes.input';
import { CommentOutcome, HearingComment } from './hearing-comment.entity';
import { HearingResponse } from './hearing-response.entity';
import { Hearing } from './hearing.entity';

interface ThemeRow {
  id: string;
  label: string;
  terms: string[];
  renamed: boolean;
  comment_ids: string[] | null;
  answered: number;
}

/**
 * The processing of a hearing at scale: its campaigns and themes as the analysis job stored them
 * (hearing-analysis.service.ts), the secretariat's renames, merges and moves of themes, one reply
 * to many comments (a theme, a selection, a campaign), and the region's reply templates. Every
 * change is audited, one audit row per comment or response it answers.
 */
@Injectable()
export class HearingThemesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scoped: ScopedData,
    private readonly audit: AuditService,
  ) {}

  async analysis(hearingId: string): Promise<HearingAnalysis | null> {
    const [row] = await this.db.query<Array<{ computed_at: Date; responses: number; comments: number; duration_ms: number }>>(
      'SELECT "computed_at", "responses", "comments", "duration_ms" FROM "hearing_analyses" WHERE "hearing_id" = $1',
      [hearingId],
    );
    return row ? { computedAt: row.computed_at, responseCount: row.responses, commentCount: row.comments, durationMs: row.duration_ms } : null;
  }

  async themes(hearingId: string, themeIds?: string[]): Promise<CommentTheme[]> {
    const rows = await this.db.query<ThemeRow[]>(
      `SELECT t."id", t."label", t."terms", t."renamed",
              array_agg(m."comment_id" ORDER BY r."received_at", c."position") FILTER (WHERE m."comment_id" IS NOT NULL) AS comment_ids,
              count(c."reply")::int AS answered
         FROM "hearing_themes" t
         LEFT JOIN "hearing_theme_comments" m ON m."theme_id" = t."id"
         LEFT JOIN "hearing_comments" c ON c."id" = m."comment_id"
         LEFT JOIN "hearing_responses" r ON r."id" = c."response_id"
        WHERE t."hearing_id" = $1 AND ($2::uuid[] IS NULL OR t."id" = ANY($2))
        GROUP BY t."id" ORDER BY t."position"`,
      [hearingId, themeIds ?? null],
    );
    return rows.map((r) => ({ id: r.id, label: r.label, terms: r.terms, renamed: r.renamed, size: r.comment_ids?.length ?? 0, answered: r.answered, commentIds: r.comment_ids ?? [] }));
  }

  private async theme(hearingId: string, themeId: string): Promise<CommentTheme> {
    const [theme] = await this.themes(hearingId, [themeId]);
    if (!theme) throw notFound('Temaet');
    return theme;
  }

  async campaigns(hearingId: string, campaignIds?: string[]): Promise<ResponseCampaign[]> {
    const rows = await this.db.query<
      Array<{ id: string; sample_text: string; response_ids: string[]; senders: string[]; answered: number; replies: number; reply: string | null; outcome: CommentOutcome | null }>
    >(
      `SELECT k."id", k."sample_text",
              array_agg(r."id" ORDER BY r."received_at", r."id") AS response_ids,
              array_agg(o."name" ORDER BY r."received_at", r."id") AS senders,
              count(r."reply")::int AS answered,
              count(DISTINCT (r."reply", r."outcome"))::int AS replies,
              min(r."reply") AS reply, min(r."outcome") AS outcome
         FROM "hearing_campaigns" k
         JOIN "hearing_campaign_responses" m ON m."campaign_id" = k."id"
         JOIN "hearing_responses" r ON r."id" = m."response_id"
         JOIN "organisations" o ON o."id" = r."organisation_id"
        WHERE k."hearing_id" = $1 AND ($2::uuid[] IS NULL OR k."id" = ANY($2))
        GROUP BY k."id" ORDER BY k."position"`,
      [hearingId, campaignIds ?? null],
    );
    return rows.map((r) => {
      const shared = r.answered === r.response_ids.length && r.replies === 1;
      return {
        id: r.id,
        sampleText: r.sample_text,
        size: r.response_ids.length,
        responseIds: r.response_ids,
        senders: r.senders,
        answered: r.answered,
        reply: shared ? r.reply : null,
        outcome: shared ? r.outcome : null,
      };
    });
  }

  /** The comments of the given ids, in that order. */
  async commentsByIds(ids: string[]): Promise<HearingComment[]> {
    if (!ids.length) return [];
    const byId = new Map((await this.db.getRepository(HearingComment).findBy({ id: In(ids) })).map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id)).filter((c): c is HearingComment => Boolean(c));
  }

  /** The responses of the given ids, in that order. */
  async responsesByIds(ids: string[]): Promise<HearingResponse[]> {
    if (!ids.length) return [];
    const byId = new Map((await this.db.getRepository(HearingResponse).findBy({ id: In(ids) })).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is HearingResponse => Boolean(r));
  }

  /**
   * The one hearing all the comments belong to, which the user must process: NOT_FOUND when
   * one of them does not exist, BAD_USER_INPUT when they span hearings.
   */
  private async hearingOfComments(user: AuthUser, commentIds: string[], manager: EntityManager = this.db.manager): Promise<{ hearing: Hearing; ids: string[] }> {
    const ids = [...new Set(commentIds)];
    const rows = await manager.query<Array<{ hearing_id: string; n: number }>>(
      `SELECT r."hearing_id", count(*)::int AS n FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id"
        WHERE c."id" = ANY($1::uuid[]) GROUP BY r."hearing_id"`,
      [ids],
    );
    if (rows.length > 1) throw badInput('Kommentarerne hører til forskellige høringer. Vælg kommentarer fra én høring ad gangen.');
    const found = rows[0]?.n ?? 0;
    if (found !== ids.length) throw notFound(ids.length === 1 ? 'Kommentaren' : `${ids.length - found} af kommentarerne`);
    const hearing = await this.scoped.one(user, 'hearing', rows[0].hearing_id, 'change', { manager });
    return { hearing, ids };
  }

  /** One reply to many comments: each gets the reply and the outcome, and its own audit row. */
  async replyToComments(user: AuthUser, input: BulkReplyInput, requestId: string | null): Promise<HearingComment[]> {
    const { ids } = await this.hearingOfComments(user, input.commentIds);
    const reply = input.reply.trim();
    if (!reply) throw badInput('Skriv et svar, før du gemmer.');
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE "hearing_comments" SET "reply" = $2, "outcome" = $3, "replied_by" = $4, "replied_at" = now() WHERE "id" = ANY($1::uuid[])`,
        [ids, reply, input.outcome, user.id],
      );
      await this.audit.recordMany(
        manager,
        ids.map((id) => ({ actorId: user.id, action: 'hearing.comment.reply', entityType: 'hearing_comment', entityId: id, data: { outcome: input.outcome, bulk: ids.length }, requestId })),
      );
    });
    return this.commentsByIds(ids);
  }

  /** One reply to a campaign: every member response (its general remarks) and every comment of theirs. */
  async replyToCampaign(user: AuthUser, input: CampaignReplyInput, requestId: string | null): Promise<ResponseCampaign> {
    const campaign = await this.scoped.one(user, 'hearingCampaign', input.campaignId, 'change');
    const reply = input.reply.trim();
    if (!reply) throw badInput('Skriv et svar, før du gemmer.');
    await this.db.transaction(async (manager) => {
      const [responses] = await manager.query<[Array<{ id: string }>, number]>(
        `UPDATE "hearing_responses" r SET "reply" = $2, "outcome" = $3, "replied_by" = $4, "replied_at" = now()
           FROM "hearing_campaign_responses" m WHERE m."response_id" = r."id" AND m."campaign_id" = $1 RETURNING r."id"`,
        [campaign.id, reply, input.outcome, user.id],
      );
      const [comments] = await manager.query<[Array<{ id: string }>, number]>(
        `UPDATE "hearing_comments" c SET "reply" = $2, "outcome" = $3, "replied_by" = $4, "replied_at" = now()
           FROM "hearing_campaign_responses" m WHERE m."response_id" = c."response_id" AND m."campaign_id" = $1 RETURNING c."id"`,
        [campaign.id, reply, input.outcome, user.id],
      );
      const data = { outcome: input.outcome, campaignId: campaign.id };
      await this.audit.recordMany(manager, [
        ...responses.map((r) => ({ actorId: user.id, action: 'hearing.response.reply', entityType: 'hearing_response', entityId: r.id, data, requestId })),
        ...comments.map((c) => ({ actorId: user.id, action: 'hearing.comment.reply', entityType: 'hearing_comment', entityId: c.id, data, requestId })),
      ]);
    });
    const [updated] = await this.campaigns(campaign.hearingId, [campaign.id]);
    return updated;
  }

  /** Marks the themes as the secretariat's (the analysis then only places new comments) and holds them for this change. */
  private async editing(manager: EntityManager, hearingId: string) {
    await manager.query(
      `INSERT INTO "hearing_analyses" ("hearing_id", "responses", "comments", "duration_ms", "themes_edited_at") VALUES ($1, 0, 0, 0, now())
       ON CONFLICT ("hearing_id") DO UPDATE SET "themes_edited_at" = now()`,
      [hearingId],
    );
  }

  async rename(user: AuthUser, input: RenameHearingThemeInput, requestId: string | null): Promise<CommentTheme> {
    const theme = await this.scoped.one(user, 'hearingTheme', input.themeId, 'change');
    const label = input.label.trim();
    if (!label) throw badInput('Giv temaet et navn.');
    await this.db.transaction(async (manager) => {
      await this.editing(manager, theme.hearingId);
      await manager.query('UPDATE "hearing_themes" SET "label" = $2, "renamed" = true WHERE "id" = $1', [theme.id, label]);
      await this.audit.record(manager, { actorId: user.id, action: 'hearing.theme.rename', entityType: 'hearing_theme', entityId: theme.id, data: { from: theme.label, to: label }, requestId });
    });
    return this.theme(theme.hearingId, theme.id);
  }

  async merge(user: AuthUser, input: MergeHearingThemesInput, requestId: string | null): Promise<CommentTheme> {
    const ids = [...new Set(input.themeIds)];
    if (ids.length < 2) throw badInput('Vælg mindst to forskellige temaer at lægge sammen.');
    const themes = [];
    for (const id of ids) themes.push(await this.scoped.one(user, 'hearingTheme', id, 'change'));
    if (new Set(themes.map((t) => t.hearingId)).size > 1) throw badInput('Temaerne hører til forskellige høringer. Læg kun temaer fra samme høring sammen.');
    const [target, ...others] = themes;
    const label = input.label?.trim() || null;
    await this.db.transaction(async (manager) => {
      await this.editing(manager, target.hearingId);
      await manager.query('UPDATE "hearing_theme_comments" SET "theme_id" = $1 WHERE "theme_id" = ANY($2::uuid[])', [target.id, others.map((t) => t.id)]);
      await manager.query('DELETE FROM "hearing_themes" WHERE "id" = ANY($1::uuid[])', [others.map((t) => t.id)]);
      if (label) await manager.query('UPDATE "hearing_themes" SET "label" = $2, "renamed" = true WHERE "id" = $1', [target.id, label]);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'hearing.theme.merge',
        entityType: 'hearing_theme',
        entityId: target.id,
        data: { merged: others.map((t) => ({ id: t.id, label: t.label })), label: label ?? target.label },
        requestId,
      });
    });
    return this.theme(target.hearingId, target.id);
  }

  async move(user: AuthUser, input: MoveCommentsToThemeInput, requestId: string | null): Promise<CommentTheme> {
    if (Boolean(input.themeId) === Boolean(input.newThemeLabel?.trim())) throw badInput('Vælg det tema, kommentarerne skal flyttes til, eller giv et nyt tema et navn.');
    const { hearing, ids } = await this.hearingOfComments(user, input.commentIds);
    let themeId: string;
    if (input.themeId) {
      const theme = await this.scoped.one(user, 'hearingTheme', input.themeId, 'change');
      if (theme.hearingId !== hearing.id) throw badInput('Temaet hører til en anden høring end kommentarerne.');
      themeId = theme.id;
    } else {
      themeId = randomUUID();
    }
    await this.db.transaction(async (manager) => {
      await this.editing(manager, hearing.id);
      if (!input.themeId) {
        await manager.query(
          `INSERT INTO "hearing_themes" ("id", "hearing_id", "label", "position", "renamed")
           SELECT $1, $2, $3, COALESCE(max("position") + 1, 0), true FROM "hearing_themes" WHERE "hearing_id" = $2`,
          [themeId, hearing.id, input.newThemeLabel?.trim()],
        );
      }
      const left = await manager.query<Array<{ theme_id: string }>>(
        'SELECT DISTINCT "theme_id" FROM "hearing_theme_comments" WHERE "comment_id" = ANY($1::uuid[]) AND "theme_id" <> $2',
        [ids, themeId],
      );
      await manager.query(
        `INSERT INTO "hearing_theme_comments" ("comment_id", "theme_id") SELECT unnest($1::uuid[]), $2
         ON CONFLICT ("comment_id") DO UPDATE SET "theme_id" = EXCLUDED."theme_id"`,
        [ids, themeId],
      );
      // A theme left without comments is gone.
      await manager.query(
        `DELETE FROM "hearing_themes" t WHERE t."id" = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM "hearing_theme_comments" m WHERE m."theme_id" = t."id")`,
        [left.map((l) => l.theme_id)],
      );
      await this.audit.recordMany(
        manager,
        ids.map((id) => ({ actorId: user.id, action: 'hearing.theme.move', entityType: 'hearing_comment', entityId: id, data: { themeId }, requestId })),
      );
    });
    return this.theme(hearing.id, themeId);
  }

  async templates(hearing: Hearing): Promise<ReplyTemplate[]> {
    return this.db.query<ReplyTemplate[]>(
      `SELECT t."id", t."title", t."body", t."outcome" FROM "reply_templates" t JOIN "agreements" a ON a."region_id" = t."region_id"
        WHERE a."id" = $1 ORDER BY t."title"`,
      [hearing.agreementId],
    );
  }

  async saveTemplate(user: AuthUser, input: SaveReplyTemplateInput, requestId: string | null): Promise<ReplyTemplate> {
    const hearing = await this.scoped.one(user, 'hearing', input.hearingId, 'change');
    const [{ region_id: regionId }] = await this.db.query<Array<{ region_id: string }>>('SELECT "region_id" FROM "agreements" WHERE "id" = $1', [hearing.agreementId]);
    const title = input.title.trim();
    const body = input.body.trim();
    if (!title || !body) throw badInput('Giv skabelonen en titel og en tekst.');
    if (input.id) {
      const existing = await this.scoped.one(user, 'replyTemplate', input.id, 'change');
      if (existing.regionId !== regionId) throw badInput('Skabelonen hører til en anden region end høringen.');
    }
    const id = input.id ?? randomUUID();
    try {
      await this.db.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO "reply_templates" ("id", "region_id", "title", "body", "outcome", "created_by") VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT ("id") DO UPDATE SET "title" = EXCLUDED."title", "body" = EXCLUDED."body", "outcome" = EXCLUDED."outcome", "updated_at" = now()`,
          [id, regionId, title, body, input.outcome ?? null, user.id],
        );
        await this.audit.record(manager, { actorId: user.id, action: 'reply-template.save', entityType: 'reply_template', entityId: id, data: { title }, requestId });
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw conflict(`Der findes allerede en svarskabelon med titlen »${title}«. Vælg en anden titel.`);
      throw error;
    }
    return { id, title, body, outcome: input.outcome ?? null };
  }

  async deleteTemplate(user: AuthUser, id: string, requestId: string | null): Promise<ReplyTemplate> {
    const template = await this.scoped.one(user, 'replyTemplate', id, 'change');
    await this.db.transaction(async (manager) => {
      await manager.query('DELETE FROM "reply_templates" WHERE "id" = $1', [template.id]);
      await this.audit.record(manager, { actorId: user.id, action: 'reply-template.delete', entityType: 'reply_template', entityId: template.id, data: { title: template.title }, requestId });
    });
    return { id: template.id, title: template.title, body: template.body, outcome: template.outcome };
  }
}
