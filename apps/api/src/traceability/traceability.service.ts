import { JSONContent } from '@aftalerum/editor';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ScopedData } from '../access/scoped-data';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { BlockChange } from '../agreements/dtos/draft-types';
import { VersionsService } from '../agreements/versions.service';
import { badInput } from '../common/domain-error';
import type { AuthUser } from '../users/auth-user';
import { blockChange, BlockTexts, blockTexts } from './block-change';

/** Where an anchor was made: the agreement, the version it was made on (if known) and its block. */
export interface AnchorOrigin {
  agreementId: string;
  versionId: string | null;
  blockId: string;
}

/** The version (or the live draft: version null) an anchor is followed to. */
export interface Target {
  version: AgreementVersion | null;
  texts: BlockTexts;
  label: string;
}

export interface AnchorCount {
  blockId: string;
  hearingComments: number;
  clusterInputs: number;
}

export interface OrphanedAnchor extends AnchorCount {
  lastText: string | null;
  versionNumber: number | null;
}

@Injectable()
export class TraceabilityService {
  /** Versions are frozen: their block texts are read once (the newest 100 kept). */
  private readonly versionTexts = new Map<string, { number: number; texts: BlockTexts }>();
  private readonly liveTexts = new WeakMap<JSONContent, BlockTexts>();
  /** A response's hearing, agreement and version never change: learnt once per response (the newest 10,000 kept). */
  private readonly responseOrigins = new Map<string, Promise<{ agreement_id: string; version_id: string } | undefined>>();
  /** Within one request, the target of every comment of the same draft is found once. */
  private readonly requestTargets = new WeakMap<object, Map<string, Promise<Target>>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly versions: VersionsService,
    private readonly scoped: ScopedData,
  ) {}

  /** A hearing comment's origin: the hearing's version. */
  async commentOrigin(comment: { responseId: string; blockId: string | null }): Promise<AnchorOrigin | null> {
    if (!comment.blockId) return null;
    let origin = this.responseOrigins.get(comment.responseId);
    if (!origin) {
      origin = this.db
        .query<Array<{ agreement_id: string; version_id: string }>>(
          'SELECT h."agreement_id", h."version_id" FROM "hearing_responses" r JOIN "hearings" h ON h."id" = r."hearing_id" WHERE r."id" = $1',
          [comment.responseId],
        )
        .then((rows) => rows[0]);
      // A failed read is not remembered.
      origin.catch(() => this.responseOrigins.delete(comment.responseId));
      if (this.responseOrigins.size >= 10_000) this.responseOrigins.delete(this.responseOrigins.keys().next().value as string);
      this.responseOrigins.set(comment.responseId, origin);
    }
    const row = await origin;
    return row ? { agreementId: row.agreement_id, versionId: row.version_id, blockId: comment.blockId } : null;
  }

  /**
   * A cluster input item's origin: the round's version when it was opened on one, else the
   * newest version frozen before the input was sent (the draft the cluster read), else none.
   */
  async itemOrigin(item: { inputId: string; blockId: string | null }): Promise<AnchorOrigin | null> {
    if (!item.blockId) return null;
    const [row] = await this.db.query<Array<{ agreement_id: string; version_id: string | null }>>(
      `SELECT r."agreement_id", COALESCE(r."version_id", (
          SELECT v."id" FROM "agreement_versions" v WHERE v."agreement_id" = r."agreement_id" AND v."created_at" <= COALESCE(ci."submitted_at", now())
           ORDER BY v."number" DESC LIMIT 1)) AS "version_id"
         FROM "cluster_inputs" ci JOIN "input_rounds" r ON r."id" = ci."round_id" WHERE ci."id" = $1`,
      [item.inputId],
    );
    return row ? { agreementId: row.agreement_id, versionId: row.version_id, blockId: item.blockId } : null;
  }

  /**
   * The draft an anchor is followed to, for a user who may read it: `toVersionId`, or by default
   * the newest version after the anchor's own, or the live draft when there is none.
   */
  async target(user: AuthUser, origin: { agreementId: string; versionId: string | null }, toVersionId?: string | null): Promise<Target> {
    let version: AgreementVersion | null = null;
    if (toVersionId) {
      version = await this.scoped.one(user, 'version', toVersionId);
      if (version.agreementId !== origin.agreementId) throw badInput('Versionen hører til en anden aftale end kommentaren.');
    } else {
      const from = origin.versionId ? await this.textsOf(origin.versionId) : null;
      const [newest] = await this.db.query<Array<{ id: string }>>(
        'SELECT "id" FROM "agreement_versions" WHERE "agreement_id" = $1 AND "number" > $2 ORDER BY "number" DESC LIMIT 1',
        [origin.agreementId, from?.number ?? 0],
      );
      if (newest) version = await this.scoped.one(user, 'version', newest.id);
    }
    if (version) return { version, texts: (await this.textsOf(version.id)).texts, label: `version ${version.number}, ${version.label}` };
    await this.scoped.one(user, 'agreement', origin.agreementId);
    const content = await this.versions.currentContent(origin.agreementId);
    let texts = this.liveTexts.get(content);
    if (!texts) {
      texts = blockTexts(content);
      this.liveTexts.set(content, texts);
    }
    return { version: null, texts, label: 'det nuværende udkast' };
  }

  /** Like target, but found once per request (`request`: the GraphQL context) for all the anchors of one draft. */
  targetInRequest(request: object, user: AuthUser, origin: { agreementId: string; versionId: string | null }, toVersionId?: string | null): Promise<Target> {
    let targets = this.requestTargets.get(request);
    if (!targets) this.requestTargets.set(request, (targets = new Map()));
    const key = `${user.id}:${origin.agreementId}:${origin.versionId}:${toVersionId ?? ''}`;
    let target = targets.get(key);
    if (!target) targets.set(key, (target = this.target(user, origin, toVersionId)));
    return target;
  }

  /** What became of the anchor's block in the target. */
  async change(origin: AnchorOrigin, target: Target): Promise<BlockChange> {
    const from = origin.versionId ? (await this.textsOf(origin.versionId)).texts : null;
    return blockChange(origin.blockId, from, target.texts);
  }

  /**
   * How many hearing comments and submitted cluster input items point to each block of the
   * agreement; those whose block is no longer in the live draft are orphaned, with the text the
   * block last had where they were made. For the agreement's secretariat.
   */
  async anchors(user: AuthUser, agreementId: string): Promise<{ counts: AnchorCount[]; orphaned: OrphanedAnchor[] }> {
    await this.scoped.one(user, 'agreement', agreementId, 'change');
    const rows = await this.db.query<Array<{ block_id: string; comments: number; inputs: number; version_id: string | null }>>(
      `WITH anchors AS (
         SELECT c."block_id", 1 AS comment, 0 AS input, h."version_id"
           FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id" JOIN "hearings" h ON h."id" = r."hearing_id"
          WHERE h."agreement_id" = $1 AND c."block_id" IS NOT NULL
         UNION ALL
         SELECT i."block_id", 0, 1, ir."version_id"
           FROM "cluster_input_items" i JOIN "cluster_inputs" ci ON ci."id" = i."input_id" JOIN "input_rounds" ir ON ir."id" = ci."round_id"
          WHERE ir."agreement_id" = $1 AND i."block_id" IS NOT NULL AND ci."submitted_at" IS NOT NULL)
       SELECT "block_id", sum(comment)::int AS comments, sum(input)::int AS inputs, (array_agg("version_id") FILTER (WHERE "version_id" IS NOT NULL))[1] AS version_id
         FROM anchors GROUP BY "block_id"`,
      [agreementId],
    );
    const live = blockTexts(await this.versions.currentContent(agreementId));
    const counts: AnchorCount[] = [];
    const orphaned: OrphanedAnchor[] = [];
    for (const row of rows) {
      const count = { blockId: row.block_id, hearingComments: row.comments, clusterInputs: row.inputs };
      if (live.texts.has(row.block_id)) {
        counts.push(count);
        continue;
      }
      const made = row.version_id ? await this.textsOf(row.version_id) : null;
      orphaned.push({ ...count, lastText: made?.texts.texts.get(row.block_id)?.text ?? null, versionNumber: made?.number ?? null });
    }
    return { counts, orphaned: orphaned.sort((a, b) => (a.lastText ?? '').localeCompare(b.lastText ?? '', 'da')) };
  }

  private async textsOf(versionId: string): Promise<{ number: number; texts: BlockTexts }> {
    let entry = this.versionTexts.get(versionId);
    if (!entry) {
      const version = await this.db.getRepository(AgreementVersion).findOneByOrFail({ id: versionId });
      entry = { number: version.number, texts: blockTexts(version.content) };
      if (this.versionTexts.size >= 100) this.versionTexts.delete(this.versionTexts.keys().next().value as string);
      this.versionTexts.set(versionId, entry);
    }
    return entry;
  }
}
