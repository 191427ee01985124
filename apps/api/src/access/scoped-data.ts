import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { forbidden, notFound } from '../common/domain-error';
import { isUuid } from '../common/ids';
import type { AuthUser } from '../users/auth-user';
import { AccessSubject, accessPolicy, DataKind, invitationBinding, mayChange, mayRead } from './access-policy';

/**
 * The one way features read and write the rows the contract's table governs. Every row is
 * loaded together with the facts the policy needs (its region, whether the caller's
 * organisation is invited, submitted it, takes part in it, which hearing it belongs to), and
 * handed out only when the policy (access-policy.ts) allows the caller to read it, or to change
 * it. The model is Twenty's workspace-scoped repositories: a feature cannot forget the scope,
 * because it never gets the row without it.
 */

/** What is being done with the row. */
export type Intent = 'read' | 'change';

/** A scoped kind of row: its entity and how to learn its facts in one statement. */
export interface ScopeDefinition<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  /** Readers: any party allowed on any of these kinds of the table. */
  read: readonly DataKind[];
  /** Who may change it: the parties of this kind of the table. */
  change: DataKind;
  /** The Danish name used in NOT_FOUND ("Høringen blev ikke fundet"). */
  what: string;
  /** Danish refusals. */
  refusedRead: string;
  refusedChange: string;
  /**
   * One row: region_id, hearing_id, invited, own, participant of the row with id $1, for the
   * caller's organisation $2.
   */
  facts: string;
}

/** A scoped kind of row: its entity and how to learn its facts in one statement. */
export interface ScopeDefinition<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  /** Readers: any party allowed on any of these kinds of the table. */
  read: readonly DataKind[];
  /** Who may change it: the parties of this kind of the table. */
  change: DataKind;
  /** The Danish name used in NOT_FOUND ("Høringen blev ikke fundet"). */
  what: string;
  /** Danish refusals. */
  refusedRead: string;
  refusedChange: string;
  /**
   * One row: region_id, hearing_id, invited, own, participant of the row with id $1, for the
   * caller's organisation $2.
   */
  facts: string;
}

/**
 * The scoped kinds of row and the entity of each. The feature that owns a kind adds it here
 * (declaration merging in its `*.scopes.ts`) and registers its definition with `registerScopes`,
 * so the access layer knows the contract's table but no feature's code.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScopedRows {}

export type ScopedKind = keyof ScopedRows & string;
type EntityOf<K extends ScopedKind> = ScopedRows[K];

/** `EXISTS` the caller's organisation ($2) is invited to the hearing `hearing` (an SQL expression). */
export const INVITED = (hearing: string) => `EXISTS (SELECT 1 FROM "hearing_invitations" i WHERE i."hearing_id" = ${hearing} AND i."organisation_id" = $2)`;

const SCOPES = new Map<string, ScopeDefinition<ObjectLiteral>>();

/** Adds a feature's scoped kinds; a kind is defined once. */
export function registerScopes(definitions: { [K in ScopedKind]?: ScopeDefinition<ScopedRows[K]> }): void {
  for (const [kind, definition] of Object.entries(definitions) as Array<[string, ScopeDefinition<ObjectLiteral>]>) {
    if (SCOPES.has(kind) && SCOPES.get(kind) !== definition) throw new Error(`The scoped kind ${kind} is defined twice`);
    SCOPES.set(kind, definition);
  }
}

function scopeOf<K extends ScopedKind>(kind: K): ScopeDefinition<EntityOf<K>> {
  const definition = SCOPES.get(kind);
  if (!definition) throw new Error(`No scope is registered for ${kind}: import its feature's *.scopes.ts`);
  return definition as ScopeDefinition<EntityOf<K>>;
}

interface FactsRow {
  region_id: string | null;
  hearing_id: string | null;
  invited: boolean;
  own: boolean;
  participant: boolean;
}

/** The facts of a row as the policy takes them. */
const subjectOf = (row: FactsRow): AccessSubject => ({
  // A row of no region (an upload not yet filed) is nobody's region.
  regionId: row.region_id ?? '',
  invited: row.invited,
  submittedByOwnOrganisation: row.own,
  participant: row.participant,
  hearingId: row.hearing_id,
});

const allowed = (definition: ScopeDefinition<ObjectLiteral>, intent: Intent, user: AuthUser | null, subject: AccessSubject) =>
  intent === 'read' ? definition.read.some((kind) => mayRead(kind, user, subject)) : mayChange(definition.change, user, subject);

@Injectable()
export class ScopedData {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The row of `kind` with this id, if the user may read it (or change it): NOT_FOUND when there
   * is no such row, FORBIDDEN (with the reason in Danish) when it is not theirs. Pass the
   * transaction's manager to load it inside that transaction.
   */
  async one<K extends ScopedKind>(user: AuthUser | null, kind: K, id: string, intent: Intent = 'read', options: { manager?: EntityManager } = {}): Promise<EntityOf<K>> {
    const row = await this.load(user, kind, id, intent, options.manager);
    if (!row) throw notFound(scopeOf(kind).what);
    return row;
  }

  /** Like `one`, but null when there is no such row (nullable queries); still FORBIDDEN when it is not theirs. */
  find<K extends ScopedKind>(user: AuthUser | null, kind: K, id: string, intent: Intent = 'read'): Promise<EntityOf<K> | null> {
    return this.load(user, kind, id, intent);
  }

  /** The row when the user may have it, null when there is none; FORBIDDEN when it is not theirs. */
  private async load<K extends ScopedKind>(user: AuthUser | null, kind: K, id: string, intent: Intent, manager: EntityManager = this.db.manager): Promise<EntityOf<K> | null> {
    const definition: ScopeDefinition<ObjectLiteral> = scopeOf(kind);
    const facts = await this.facts(kind, id, user, manager);
    if (!facts) return null;
    if (!allowed(definition, intent, user, subjectOf(facts))) throw forbidden(intent === 'read' ? definition.refusedRead : definition.refusedChange);
    return (await manager.findOne(definition.entity, { where: { id } })) as EntityOf<K> | null;
  }

  /** Whether the user may read (or change) the row; false when there is none. */
  async may(user: AuthUser | null, kind: ScopedKind, id: string, intent: Intent = 'read'): Promise<boolean> {
    const facts = await this.facts(kind, id, user);
    return Boolean(facts && allowed(scopeOf(kind), intent, user, subjectOf(facts)));
  }

  /** Whether the user may change the agreement of a region (creating one there). */
  mayChangeRegion(user: AuthUser, regionId: string): boolean {
    return mayChange('agreement', user, { regionId });
  }

  /** Whether the user may record the decision of `organisationId` on the agreement: its secretariat any, a municipality its own. */
  mayRecordApproval(user: AuthUser, agreement: { regionId: string }, organisationId: string): boolean {
    return mayChange('approval', user, { regionId: agreement.regionId, submittedByOwnOrganisation: user.organisationId === organisationId });
  }

  /** Whether the user may type in the live draft: may change the agreement and it is not locked. */
  mayEditDraft(user: AuthUser, agreement: { regionId: string; finalVersionId: string | null }): boolean {
    return !agreement.finalVersionId && mayChange('agreement', user, { regionId: agreement.regionId });
  }

  /** What a socket of the user on the agreement's live draft may do: write, only suggest, or read. */
  draftMode(user: AuthUser, agreement: { regionId: string; finalVersionId: string | null }): 'write' | 'suggest' | 'read' {
    const level = accessPolicy.draftLevel(user, agreement);
    return level === 'none' ? 'read' : level;
  }

  /** Whether the user may act in this hearing at all: an account made from an invitation link only in its own. */
  mayActInHearing(user: AuthUser, hearingId: string): boolean {
    return invitationBinding.allows(user, hearingId);
  }

  /** Every agreement the user may read, newest period first. */
  async agreements(user: AuthUser): Promise<Array<EntityOf<'agreement'>>> {
    const rows = await this.db.getRepository(scopeOf('agreement').entity).find({ order: { periodStart: 'DESC', title: 'ASC' } });
    return rows.filter((agreement) => mayRead('agreement', user, { regionId: agreement.regionId }));
  }

  /**
   * Every hearing the user may read, newest first; for an account made from an invitation
   * link only the hearing it is bound to.
   */
  async hearings(user: AuthUser): Promise<Array<EntityOf<'hearing'>>> {
    const rows = await this.db.query<FactsRow[]>(
      `SELECT h."id" AS hearing_id, a."region_id", ${INVITED('h."id"').replace('$2', '$1')} AS invited, false AS own, false AS participant
         FROM "hearings" h JOIN "agreements" a ON a."id" = h."agreement_id"
        ORDER BY h."opens_at" DESC, h."id"`,
      [user.organisationId],
    );
    const ids = rows.filter((row) => allowed(scopeOf('hearing'), 'read', user, subjectOf(row))).map((row) => row.hearing_id as string);
    return this.inOrder(scopeOf('hearing').entity, ids);
  }

  /** The responses of a readable hearing the user may read: all for its secretariat, their own organisation's otherwise. */
  async hearingResponses(user: AuthUser, hearing: { id: string }): Promise<Array<EntityOf<'hearingResponse'>>> {
    const audience = await this.audience(user, 'hearing', hearing.id, 'hearingResponse');
    if (audience === 'none') return [];
    const where = audience === 'all' ? { hearingId: hearing.id } : { hearingId: hearing.id, organisationId: user.organisationId };
    return this.db.getRepository(scopeOf('hearingResponse').entity).find({ where, order: { receivedAt: 'ASC' } });
  }

  /**
   * Whose rows of `data` under the row `kind`/`id` the user may read: everyone's (the
   * secretariat of the region, ADMIN), only their own organisation's (the submitter), or none.
   */
  async audience(user: AuthUser, kind: ScopedKind, id: string, data: DataKind): Promise<'all' | 'own' | 'none'> {
    const facts = await this.facts(kind, id, user);
    if (!facts) return 'none';
    const base = subjectOf(facts);
    if (mayRead(data, user, { ...base, submittedByOwnOrganisation: false })) return 'all';
    return mayRead(data, user, { ...base, submittedByOwnOrganisation: true }) ? 'own' : 'none';
  }

  /** The cluster inputs of a round the user may read: all for its secretariat, their own organisation's otherwise. */
  async clusterInputs(user: AuthUser, round: { id: string }, where: { submitted?: boolean } = {}): Promise<Array<EntityOf<'clusterInput'>>> {
    const audience = await this.audience(user, 'inputRound', round.id, 'clusterInput');
    if (audience === 'none') return [];
    const query = this.db
      .getRepository(scopeOf('clusterInput').entity)
      .createQueryBuilder('ci')
      .where('ci.roundId = :round', { round: round.id })
      .orderBy('ci.submittedAt', 'ASC', 'NULLS LAST');
    if (audience === 'own') query.andWhere('ci.organisationId = :organisation', { organisation: user.organisationId });
    if (where.submitted === true) query.andWhere('ci.submittedAt IS NOT NULL');
    if (where.submitted === false) query.andWhere('ci.submittedAt IS NULL');
    return query.getMany();
  }

  private async facts(kind: ScopedKind, id: string, user: AuthUser | null, manager: EntityManager = this.db.manager): Promise<FactsRow | null> {
    if (!isUuid(id)) return null;
    // The caller's organisation ($2) is typed once here: not every kind's statement uses it.
    const rows = await manager.query<FactsRow[]>(`WITH "caller" AS (SELECT $2::uuid AS "organisation_id") ${scopeOf(kind).facts}`, [id, user?.organisationId ?? null]);
    return rows[0] ?? null;
  }

  private async inOrder<T extends { id: string }>(entity: EntityTarget<T>, ids: string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.getRepository(entity).findBy({ id: In(ids) } as never);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is T => Boolean(row));
  }
}
