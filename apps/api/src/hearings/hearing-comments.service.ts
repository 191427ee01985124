import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ScopedData } from '../access/scoped-data';
import { badInput, forbidden } from '../common/domain-error';
import { isUuid } from '../common/ids';
import { OrganisationKind } from '../organisations/organisation-kind.enum';
import { Organisation } from '../organisations/organisation.entity';
import type { AuthUser } from '../users/auth-user';
import { CommentFacets, CommentFilterInput, CommentScope, HearingCommentConnection } from './dtos/comment-connection';
import { CommentOutcome, HearingComment } from './hearing-comment.entity';
import { Hearing } from './hearing.entity';

/** The most comments one page holds. */
export const MAX_PAGE = 100;

/** A comment as the connection loads it: with its organisation, so the page needs no query per comment. */
export type LoadedComment = HearingComment & { loadedOrganisation?: Organisation; loadedReference?: string };

type Dimension = 'organisation' | 'kind' | 'outcome' | 'block';

/**
 * The order of the comments: when their response arrived, then the response, then the comment's
 * place in it. The key is unique (a response's comments have distinct positions, and c.id breaks
 * any tie), so keyset paging after a comment returns every comment exactly once, even while new
 * responses arrive (they are received later, so they sort last).
 */
const ORDER_KEY = 'r."received_at", r."id", c."position", c."id"';

const FROM = `FROM "hearing_comments" c
  JOIN "hearing_responses" r ON r."id" = c."response_id"
  JOIN "organisations" o ON o."id" = r."organisation_id"`;

/** The cursor is the comment it follows, opaque to the client. */
const encodeCursor = (commentId: string) => Buffer.from(`c:${commentId}`, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith('c:') ? decoded.slice(2) : '';
  if (!isUuid(id)) throw badInput('Listen kunne ikke fortsættes: markøren (after) er ugyldig. Hent kommentarerne forfra.', { field: 'after' });
  return id;
}

/** The WHERE of a scope, leaving out the filter of one dimension (for its facet). */
function conditions(scope: CommentScope, omit?: Dimension): { where: string[]; params: unknown[] } {
  const params: unknown[] = [scope.hearingId];
  const where = ['r."hearing_id" = $1'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  const f = scope.filter;
  if (scope.ownOrganisationId) add((n) => `r."organisation_id" = ${n}`, scope.ownOrganisationId);
  if (f.organisationId && omit !== 'organisation') add((n) => `r."organisation_id" = ${n}`, f.organisationId);
  if (f.kind && omit !== 'kind') add((n) => `o."kind" = ${n}`, f.kind);
  if (omit !== 'outcome') {
    if (f.outcome) add((n) => `c."outcome" = ${n}`, f.outcome);
    if (f.unanswered) where.push('c."reply" IS NULL');
  }
  if (f.blockId && omit !== 'block') add((n) => `c."block_id" = ${n}`, f.blockId);
  const search = f.search?.trim();
  if (search) add((n) => `c."search" @@ websearch_to_tsquery('danish', ${n})`, search);
  return { where, params };
}

/**
 * The processing page's comments: a page at a time (keyset paging), filtered, and counted per
 * facet with aggregate SQL. Who sees which comments is ScopedData's: the secretariat of the
 * hearing all, an invited organisation only its own.
 */
@Injectable()
export class HearingCommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scoped: ScopedData,
  ) {}

  /** The comments of the hearing `user` may read under `filter`; FORBIDDEN when none at all. */
  async scope(user: AuthUser, hearing: Hearing, filter: CommentFilterInput | null | undefined): Promise<CommentScope> {
    const audience = await this.scoped.audience(user, 'hearing', hearing.id, 'hearingResponse');
    if (audience === 'none') throw forbidden('Du har ikke adgang til kommentarerne. De kan læses af sekretariatet og af den organisation, der har afgivet dem.');
    const clean: CommentFilterInput = { ...filter };
    if (clean.organisationId && !isUuid(clean.organisationId)) throw badInput('Organisationen findes ikke. Vælg en organisation på listen.', { field: 'organisationId' });
    return { hearingId: hearing.id, filter: clean, ownOrganisationId: audience === 'own' ? user.organisationId : null };
  }

  async page(scope: CommentScope, first: number, after: string | null | undefined): Promise<HearingCommentConnection> {
    // first: 0 asks only for the counts (totalCount, facets).
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw badInput(`Der kan hentes mellem 0 og ${MAX_PAGE} kommentarer ad gangen.`, { field: 'first' });
    const { where, params } = conditions(scope);
    if (after) {
      params.push(decodeCursor(after));
      const n = `$${params.length}`;
      const anchor = await this.db.query<Array<{ ok: boolean }>>(
        `SELECT true AS ok FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id" WHERE c."id" = $2 AND r."hearing_id" = $1`,
        [scope.hearingId, params[params.length - 1]],
      );
      if (!anchor.length) throw badInput('Listen kunne ikke fortsættes: kommentaren, den skulle fortsætte efter, findes ikke i høringen. Hent kommentarerne forfra.', { field: 'after' });
      where.push(`(${ORDER_KEY}) > (SELECT ra."received_at", ra."id", ca."position", ca."id" FROM "hearing_comments" ca JOIN "hearing_responses" ra ON ra."id" = ca."response_id" WHERE ca."id" = ${n})`);
    }
    params.push(first + 1);
    const rows = await this.db.query<
      Array<{
        id: string;
        response_id: string;
        position: number;
        block_id: string | null;
        quote: string | null;
        text: string;
        reply: string | null;
        outcome: CommentOutcome | null;
        changed_block_id: string | null;
        replied_by: string | null;
        replied_at: Date | null;
        organisation_id: string;
        organisation_name: string;
        organisation_kind: OrganisationKind;
        organisation_code: string | null;
        organisation_region_id: string | null;
        organisation_created_at: Date;
        response_reference: string;
      }>
    >(
      `SELECT c."id", c."response_id", c."position", c."block_id", c."quote", c."text", c."reply", c."outcome", c."changed_block_id", c."replied_by", c."replied_at",
              o."id" AS organisation_id, o."name" AS organisation_name, o."kind" AS organisation_kind, o."code" AS organisation_code,
              o."region_id" AS organisation_region_id, o."created_at" AS organisation_created_at, r."reference" AS response_reference
         ${FROM}
        WHERE ${where.join(' AND ')}
        ORDER BY ${ORDER_KEY}
        LIMIT $${params.length}`,
      params,
    );
    // With first: 0, whether any comment follows.
    const hasNextPage = rows.length > first;
    const edges = rows.slice(0, first).map((row) => {
      const organisation = Object.assign(new Organisation(), { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind,
        code: row.organisation_code,
        regionId: row.organisation_region_id,
        createdAt: row.organisation_created_at,
      });
      const node: LoadedComment = Object.assign(new HearingComment(), {
        id: row.id,
        responseId: row.response_id,
        position: row.position,
        blockId: row.block_id,
        quote: row.quote,
        text: row.text,
        reply: row.reply,
        outcome: row.outcome,
        changedBlockId: row.changed_block_id,
        repliedById: row.replied_by,
        repliedAt: row.replied_at,
        loadedOrganisation: organisation,
        loadedReference: row.response_reference,
      });
      return { cursor: encodeCursor(row.id), node };
    });
    return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, scope };
  }

  /** How many comments the whole scope holds (every page). */
  async totalCount(scope: CommentScope): Promise<number> {
    const { where, params } = conditions(scope);
    const [row] = await this.db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n ${FROM} WHERE ${where.join(' AND ')}`, params);
    return row.n;
  }

  /** The counts per facet, each under the filters but its own: one grouped query per facet. */
  async facets(scope: CommentScope): Promise<CommentFacets> {
    const grouped = <T>(omit: Dimension, select: string, group: string, order: string) => {
      const { where, params } = conditions(scope, omit);
      return this.db.query<T[]>(`SELECT ${select} ${FROM} WHERE ${where.join(' AND ')} GROUP BY ${group} ORDER BY ${order}`, params);
    };
    const [organisations, kinds, outcomes, blocks] = await Promise.all([
      grouped<{ id: string; name: string; kind: OrganisationKind; n: number }>('organisation', 'o."id", o."name", o."kind", count(*)::int AS n', 'o."id", o."name", o."kind"', 'o."name", o."id"'),
      grouped<{ kind: OrganisationKind; n: number }>('kind', 'o."kind", count(*)::int AS n', 'o."kind"', 'o."kind"'),
      grouped<{ outcome: CommentOutcome | null; n: number }>('outcome', 'c."outcome", count(*)::int AS n', 'c."outcome"', 'c."outcome" NULLS FIRST'),
      grouped<{ block_id: string | null; n: number; answered: number }>('block', 'c."block_id", count(*)::int AS n, count(c."reply")::int AS answered', 'c."block_id"', 'c."block_id"'),
    ]);
    return {
      organisations: organisations.map((r) => ({ organisationId: r.id, name: r.name, kind: r.kind, count: r.n })),
      kinds: kinds.map((r) => ({ kind: r.kind, count: r.n })),
      outcomes: outcomes.filter((r): r is { outcome: CommentOutcome; n: number } => r.outcome !== null).map((r) => ({ outcome: r.outcome, count: r.n })),
      unanswered: outcomes.find((r) => r.outcome === null)?.n ?? 0,
      blocks: blocks.filter((r): r is { block_id: string; n: number; answered: number } => r.block_id !== null).map((r) => ({ blockId: r.block_id, comments: r.n, answered: r.answered })),
    };
  }
}
