import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { createQueue } from '../common/job-queues';
import { AppConfig } from '../config/app-config';
import { FoundCampaign } from './campaigns';
import { analyseInWorker } from './hearing-analysis';
import { ThemeResult } from './themes';

export const ANALYSIS_QUEUE = 'hearing-analysis';
/** Requests for one hearing within this time make one job (see HearingAnalysisService.request). */
export const ANALYSIS_REQUEST_WINDOW_MS = 1_000;

export interface AnalysisResult {
  responses: number;
  comments: number;
  campaigns: number;
  themes: number;
  durationMs: number;
  /** The input was the same as the last run's: nothing was computed or stored. */
  unchanged: boolean;
}

/** A UUID-shaped id derived from its parts: the same parts give the same id. */
const stableId = (...parts: string[]) => {
  const hex = createHash('md5').update(parts.join(':')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
/** A stable id for a campaign: the same first member gives the same id, so replies in progress keep their campaign. */
const campaignId = (hearingId: string, firstResponseId: string) => stableId(hearingId, firstResponseId);
/** A stable id for a computed theme, by its first comment: a theme that begins with the same comment stays the same theme across runs. */
const themeId = (hearingId: string, firstCommentId: string) => stableId(hearingId, 'theme', firstCommentId);

/**
 * Campaigns and themes of a hearing, computed by a job (pg-boss, queue `hearing-analysis`) each
 * time responses arrive, never while the processing page asks: the page reads what the last run
 * stored. The queue is "stately": at most one run waits per hearing, and a run that waits sees
 * every response filed before it starts. A run holds the hearing's analysis row, so the
 * secretariat's edits of the themes (hearing-themes.service.ts) and a run never interleave.
 */
@Injectable()
export class HearingAnalysisService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HearingAnalysisService.name);
  private boss: PgBoss | null = null;
  /** The hearings whose request window is open, and whether another request came in it. */
  private readonly windows = new Map<string, { again: boolean; timer: NodeJS.Timeout }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const options = this.db.options as { url?: string };
    this.boss = new PgBoss({ connectionString: options.url, schema: 'pgboss', max: 2 });
    this.boss.on('error', (error: Error) => this.logger.error(`Job queue: ${error.message}`));
    await this.boss.start();
    await createQueue(this.boss, ANALYSIS_QUEUE, { policy: 'stately' });
    await this.boss.work<{ hearingId: string }>(ANALYSIS_QUEUE, { pollingIntervalSeconds: this.config.JOB_POLL_SECONDS }, async (jobs) => {
      for (const job of jobs) await this.analyse(job.data.hearingId);
    });
    // Hearings whose analysis has not seen every response (filed before there was one, or in
    // the last window before a stop): analysed once.
    const waiting = await this.db.query<Array<{ id: string }>>(
      `SELECT h."id" FROM "hearings" h LEFT JOIN "hearing_analyses" a ON a."hearing_id" = h."id"
        WHERE EXISTS (SELECT 1 FROM "hearing_responses" r WHERE r."hearing_id" = h."id")
          AND (a."hearing_id" IS NULL OR a."responses" <> (SELECT count(*) FROM "hearing_responses" r WHERE r."hearing_id" = h."id"))`,
    );
    for (const { id } of waiting) await this.request(id);
  }

  async onModuleDestroy(): Promise<void> {
    // Requests still waiting for their window go out before the queue stops.
    const due = [...this.windows].filter(([, window]) => window.again).map(([hearingId]) => hearingId);
    for (const window of this.windows.values()) clearTimeout(window.timer);
    this.windows.clear();
    for (const hearingId of due) await this.send(hearingId);
    await this.boss?.stop({ graceful: true, timeout: 5_000 });
  }

  /**
   * Asks for the hearing to be analysed again (responses arrived); a run already waiting covers
   * it. The first request of a hearing goes to the queue at once; those that follow within
   * {@link ANALYSIS_REQUEST_WINDOW_MS} go as one, when the window ends. A burst of filings near a
   * deadline so costs one job row a second, not one each, and every filing is still followed by
   * a request made after it.
   */
  async request(hearingId: string): Promise<void> {
    const open = this.windows.get(hearingId);
    if (open) {
      open.again = true;
      return;
    }
    const timer = setTimeout(() => {
      const window = this.windows.get(hearingId);
      this.windows.delete(hearingId);
      if (window?.again) void this.request(hearingId);
    }, ANALYSIS_REQUEST_WINDOW_MS);
    timer.unref();
    this.windows.set(hearingId, { again: false, timer });
    await this.send(hearingId);
  }

  /** Whether a request for the hearing still waits for its window to end. */
  requestWaiting(hearingId: string): boolean {
    return this.windows.get(hearingId)?.again ?? false;
  }

  private async send(hearingId: string): Promise<void> {
    if (!this.boss) return;
    try {
      await this.boss.send(ANALYSIS_QUEUE, { hearingId }, { singletonKey: hearingId, retryLimit: 3, retryBackoff: true });
    } catch (error) {
      // The response is filed either way; the next one (or the next start) asks again.
      this.logger.error(`Could not queue the analysis of hearing ${hearingId}: ${(error as Error).message}`);
    }
  }

  /** One run: finds the campaigns and themes of every response and comment so far and stores them. */
  async analyse(hearingId: string): Promise<AnalysisResult> {
    const started = performance.now();
    return this.db.transaction(async (manager) => {
      const hearing = await manager.query<unknown[]>('SELECT 1 FROM "hearings" WHERE "id" = $1', [hearingId]);
      if (!hearing.length) return { responses: 0, comments: 0, campaigns: 0, themes: 0, durationMs: 0, unchanged: true };
      await manager.query(
        `INSERT INTO "hearing_analyses" ("hearing_id", "responses", "comments", "duration_ms") VALUES ($1, 0, 0, 0) ON CONFLICT ("hearing_id") DO NOTHING`,
        [hearingId],
      );
      const [{ themes_edited_at: edited, input_digest: lastDigest }] = await manager.query<Array<{ themes_edited_at: Date | null; input_digest: string | null }>>(
        'SELECT "themes_edited_at", "input_digest" FROM "hearing_analyses" WHERE "hearing_id" = $1 FOR UPDATE',
        [hearingId],
      );
      const responses = await manager.query<Array<{ id: string; text: string }>>(
        `SELECT r."id", concat_ws(E'\\n', r."summary", (SELECT string_agg(c."text", E'\\n' ORDER BY c."position") FROM "hearing_comments" c WHERE c."response_id" = r."id")) AS text
           FROM "hearing_responses" r WHERE r."hearing_id" = $1 ORDER BY r."received_at", r."id"`,
        [hearingId],
      );
      const comments = await manager.query<Array<{ id: string; blockId: string | null; text: string }>>(
        `SELECT c."id", c."block_id" AS "blockId", c."text" FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id"
          WHERE r."hearing_id" = $1 ORDER BY r."received_at", c."position"`,
        [hearingId],
      );
      // The same responses and comments as the last run: its campaigns and themes stand as they
      // are, ids and all (a theme the secretariat has open stays that theme).
      const digest = createHash('sha256').update(JSON.stringify([responses, comments])).digest('hex');
      if (digest === lastDigest) {
        const [stored] = await manager.query<Array<{ campaigns: number; themes: number }>>(
          `SELECT (SELECT count(*) FROM "hearing_campaigns" WHERE "hearing_id" = $1)::int AS campaigns, (SELECT count(*) FROM "hearing_themes" WHERE "hearing_id" = $1)::int AS themes`,
          [hearingId],
        );
        return { responses: responses.length, comments: comments.length, ...stored, durationMs: Math.round(performance.now() - started), unchanged: true };
      }
      const existing = edited ? await this.existingThemes(manager, hearingId) : [];
      const { campaigns, themes } = await analyseInWorker({ responses, comments, existing });
      await this.storeCampaigns(manager, hearingId, campaigns);
      await this.storeThemes(manager, hearingId, themes, Boolean(edited), existing.map((t) => t.id));
      const durationMs = Math.round(performance.now() - started);
      await manager.query(
        `UPDATE "hearing_analyses" SET "computed_at" = now(), "responses" = $2, "comments" = $3, "duration_ms" = $4, "input_digest" = $5 WHERE "hearing_id" = $1`,
        [hearingId, responses.length, comments.length, durationMs, digest],
      );
      return { responses: responses.length, comments: comments.length, campaigns: campaigns.length, themes: themes.created.length + existing.length, durationMs, unchanged: false };
    });
  }

  private async storeCampaigns(manager: EntityManager, hearingId: string, campaigns: FoundCampaign[]) {
    await manager.query('DELETE FROM "hearing_campaigns" WHERE "hearing_id" = $1', [hearingId]);
    if (!campaigns.length) return;
    const ids = campaigns.map((c) => campaignId(hearingId, c.memberIds[0]));
    await manager.query(
      `INSERT INTO "hearing_campaigns" ("id", "hearing_id", "sample_text", "position")
       SELECT id, $1, sample, position FROM unnest($2::uuid[], $3::text[], $4::int[]) AS t(id, sample, position)`,
      [hearingId, ids, campaigns.map((c) => c.sampleText), campaigns.map((_, i) => i)],
    );
    const members = campaigns.flatMap((c, i) => c.memberIds.map((responseId) => [responseId, ids[i]]));
    await manager.query(
      `INSERT INTO "hearing_campaign_responses" ("response_id", "campaign_id") SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [members.map((m) => m[0]), members.map((m) => m[1])],
    );
  }

  private async existingThemes(manager: EntityManager, hearingId: string) {
    const rows = await manager.query<Array<{ id: string; comment_ids: string[] | null }>>(
      `SELECT t."id", array_agg(m."comment_id") FILTER (WHERE m."comment_id" IS NOT NULL) AS comment_ids
         FROM "hearing_themes" t LEFT JOIN "hearing_theme_comments" m ON m."theme_id" = t."id"
        WHERE t."hearing_id" = $1 GROUP BY t."id"`,
      [hearingId],
    );
    return rows.map((r) => ({ id: r.id, commentIds: r.comment_ids ?? [] }));
  }

  private async storeThemes(manager: EntityManager, hearingId: string, result: ThemeResult, edited: boolean, existingIds: string[]) {
    // A comment the secretariat took out of its theme may begin a new one: never the id of a theme that stays.
    const taken = new Set(edited ? existingIds : []);
    const uniqueId = (id: string) => {
      let candidate = id;
      for (let n = 1; taken.has(candidate); n++) candidate = stableId(id, String(n));
      taken.add(candidate);
      return candidate;
    };
    // Until the secretariat edits the themes, each run replaces them; after, it only places new comments.
    if (!edited) await manager.query('DELETE FROM "hearing_themes" WHERE "hearing_id" = $1', [hearingId]);
    const [{ next }] = await manager.query<Array<{ next: number }>>(
      'SELECT COALESCE(max("position") + 1, 0)::int AS next FROM "hearing_themes" WHERE "hearing_id" = $1',
      [hearingId],
    );
    const created = [...result.created].sort((a, b) => b.commentIds.length - a.commentIds.length).map((theme, i) => ({ ...theme, id: uniqueId(themeId(hearingId, theme.commentIds[0] ?? `${theme.label}:${i}`)) }));
    if (created.length) {
      await manager.query(
        `INSERT INTO "hearing_themes" ("id", "hearing_id", "label", "terms", "position")
         SELECT id, $1, label, ARRAY(SELECT jsonb_array_elements_text(terms)), position
           FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::int[]) AS t(id, label, terms, position)`,
        [hearingId, created.map((t) => t.id), created.map((t) => t.label), created.map((t) => JSON.stringify(t.terms)), created.map((_, i) => next + i)],
      );
    }
    const members: Array<[string, string]> = [
      ...created.flatMap((t) => t.commentIds.map((c): [string, string] => [c, t.id])),
      ...[...result.joined].flatMap(([themeId, commentIds]) => commentIds.map((c): [string, string] => [c, themeId])),
    ];
    if (members.length) {
      await manager.query(
        `INSERT INTO "hearing_theme_comments" ("comment_id", "theme_id") SELECT * FROM unnest($1::uuid[], $2::uuid[])
         ON CONFLICT ("comment_id") DO NOTHING`,
        [members.map((m) => m[0]), members.map((m) => m[1])],
      );
    }
  }
}
