import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import type { AuthUser } from '../users/auth-user';
import { forbidden, notFound } from '../common/domain-error';
import { Attachment } from '../hearings/attachment.entity';
import { HearingComment } from '../hearings/hearing-comment.entity';
import { HearingResponse } from '../hearings/hearing-response.entity';
import { Hearing } from '../hearings/hearing.entity';
import { ClusterInput } from '../input-rounds/cluster-input.entity';
import { InputRound } from '../input-rounds/input-round.entity';
import { AccessSubject, DataKind, invitationBinding, mayChange, mayRead } from './access-policy';

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

/** The scoped kinds of row, their entity and how to learn their facts in one statement. */
interface ScopeDefinition<T extends ObjectLiteral> {
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

const INVITED = (hearing: string) => `EXISTS (SELECT 1 FROM "hearing_invitations" i WHERE i."hearing_id" = ${hearing} AND i."organisation_id" = $2)`;

const SCOPES = {
  agreement: {
    entity: Agreement,
    read: ['agreement'],
    change: 'agreement',
    what: 'Aftalen',
    refusedRead: 'Du har ikke adgang til aftalen. Den kan læses af sekretariatet, klyngerne og kommunerne i aftalens region.',
    refusedChange: 'Kun sekretariatet i aftalens region kan ændre aftalen.',
    facts: `SELECT a."region_id", NULL::uuid AS hearing_id, false AS invited, false AS own, false AS participant FROM "agreements" a WHERE a."id" = $1`,
  },
  /** A version: part of the agreement; a hearing's frozen version is also the invited organisations'. */
  version: {
    entity: AgreementVersion,
    read: ['agreement', 'hearing'],
    change: 'agreement',
    what: 'Versionen',
    refusedRead: 'Du har ikke adgang til versionen. Den kan læses af sekretariatet, klyngerne og kommunerne i aftalens region og af dem, der er inviteret til en høring over den.',
    refusedChange: 'Kun sekretariatet i aftalens region kan ændre aftalens versioner.',
    facts: `SELECT a."region_id", h."id" AS hearing_id, (h."id" IS NOT NULL AND ${INVITED('h."id"')}) AS invited, false AS own, false AS participant
              FROM "agreement_versions" v JOIN "agreements" a ON a."id" = v."agreement_id"
              LEFT JOIN LATERAL (SELECT h."id" FROM "hearings" h WHERE h."version_id" = v."id" AND ${INVITED('h."id"')} ORDER BY h."opens_at" DESC LIMIT 1) h ON true
             WHERE v."id" = $1`,
  },
  inputRound: {
    entity: InputRound,
    read: ['inputRound'],
    change: 'inputRound',
    what: 'Inputrunden',
    refusedRead: 'Du har ikke adgang til inputrunden. Den kan læses af aftalens region og de organisationer, der er bedt om input.',
    refusedChange: 'Kun sekretariatet for aftalen kan styre inputrunden.',
    facts: `SELECT a."region_id", NULL::uuid AS hearing_id, false AS invited, false AS own,
                   EXISTS (SELECT 1 FROM "input_round_participants" p WHERE p."round_id" = r."id" AND p."organisation_id" = $2) AS participant
              FROM "input_rounds" r JOIN "agreements" a ON a."id" = r."agreement_id" WHERE r."id" = $1`,
  },
  clusterInput: {
    entity: ClusterInput,
    read: ['clusterInput'],
    change: 'clusterInput',
    what: 'Inputtet',
    refusedRead: 'Du har ikke adgang til inputtet. Det kan læses af den klynge, der giver det, og sekretariatet.',
    refusedChange: 'Kun den klynge eller organisation, der giver inputtet, kan ændre det.',
    facts: `SELECT a."region_id", NULL::uuid AS hearing_id, false AS invited, ci."organisation_id" = $2 AS own, false AS participant
              FROM "cluster_inputs" ci JOIN "input_rounds" r ON r."id" = ci."round_id" JOIN "agreements" a ON a."id" = r."agreement_id"
             WHERE ci."id" = $1`,
  },
  /** A hearing: read by the invited and the secretariat; processed (changed) by the secretariat of the agreement. */
  hearing: {
    entity: Hearing,
    read: ['hearing'],
    change: 'agreement',
    what: 'Høringen',
    refusedRead: 'Du har ikke adgang til høringen. Den kan læses af de inviterede organisationer og sekretariatet for aftalen.',
    refusedChange: 'Kun sekretariatet for aftalen kan behandle høringen.',
    facts: `SELECT a."region_id", h."id" AS hearing_id, ${INVITED('h."id"')} AS invited, false AS own, false AS participant
              FROM "hearings" h JOIN "agreements" a ON a."id" = h."agreement_id" WHERE h."id" = $1`,
  },
  hearingResponse: {
    entity: HearingResponse,
    read: ['hearingResponse'],
    change: 'agreement',
    what: 'Høringssvaret',
    refusedRead: 'Du har ikke adgang til høringssvaret. Det kan læses af den organisation, der har afgivet det, og sekretariatet.',
    refusedChange: 'Kun sekretariatet for aftalen kan behandle høringssvaret.',
    facts: `SELECT a."region_id", h."id" AS hearing_id, false AS invited, r."organisation_id" = $2 AS own, false AS participant
              FROM "hearing_responses" r JOIN "hearings" h ON h."id" = r."hearing_id" JOIN "agreements" a ON a."id" = h."agreement_id"
             WHERE r."id" = $1`,
  },
  hearingComment: {
    entity: HearingComment,
    read: ['hearingResponse'],
    change: 'agreement',
    what: 'Kommentaren',
    refusedRead: 'Du har ikke adgang til kommentaren. Den kan læses af den organisation, der har afgivet den, og sekretariatet.',
    refusedChange: 'Kun sekretariatet for aftalen kan besvare kommentaren.',
    facts: `SELECT a."region_id", h."id" AS hearing_id, false AS invited, r."organisation_id" = $2 AS own, false AS participant
              FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id"
              JOIN "hearings" h ON h."id" = r."hearing_id" JOIN "agreements" a ON a."id" = h."agreement_id"
             WHERE c."id" = $1`,
  },
  /**
   * An uploaded file: a hearing response's attachment (the response's readers) or an approval's
   * decision document (the agreement's secretariat and the deciding organisation); before it is
   * filed, only its organisation's. An upload by an account bound to a hearing belongs to that hearing.
   */
  attachment: {
    entity: Attachment,
    read: ['hearingResponse'],
    change: 'hearingResponse',
    what: 'Bilaget',
    refusedRead: 'Du har ikke adgang til bilaget. Det kan hentes af den organisation, der har indsendt det, og sekretariatet.',
    refusedChange: 'Du har ikke adgang til bilaget.',
    facts: `SELECT COALESCE(ha."region_id", aa."region_id") AS region_id, COALESCE(hr."hearing_id", u."hearing_id") AS hearing_id,
                   false AS invited, f."organisation_id" = $2 AS own, false AS participant
              FROM "attachments" f
              JOIN "users" u ON u."id" = f."uploaded_by"
              LEFT JOIN "hearing_response_attachments" x ON x."attachment_id" = f."id"
              LEFT JOIN "hearing_responses" hr ON hr."id" = x."response_id"
              LEFT JOIN "hearings" h ON h."id" = hr."hearing_id"
              LEFT JOIN "agreements" ha ON ha."id" = h."agreement_id"
              LEFT JOIN "approvals" ap ON ap."document_id" = f."id"
              LEFT JOIN "agreements" aa ON aa."id" = ap."agreement_id"
             WHERE f."id" = $1
             LIMIT 1`,
  },
} satisfies Record<string, ScopeDefinition<ObjectLiteral>>;

export type ScopedKind = keyof typeof SCOPES;
type EntityOf<K extends ScopedKind> = InstanceType<(typeof SCOPES)[K]['entity']>;

interface FactsRow {
  region_id: string | null;
  hearing_id: string | null;
  invited: boolean;
  own: boolean;
  participant: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    if (!row) throw notFound(SCOPES[kind].what);
    return row;
  }

  /** Like `one`, but null when there is no such row (nullable queries); still FORBIDDEN when it is not theirs. */
  find<K extends ScopedKind>(user: AuthUser | null, kind: K, id: string, intent: Intent = 'read'): Promise<EntityOf<K> | null> {
    return this.load(user, kind, id, intent);
  }

  /** The row when the user may have it, null when there is none; FORBIDDEN when it is not theirs. */
  private async load<K extends ScopedKind>(user: AuthUser | null, kind: K, id: string, intent: Intent, manager: EntityManager = this.db.manager): Promise<EntityOf<K> | null> {
    const definition: ScopeDefinition<ObjectLiteral> = SCOPES[kind];
    const facts = await this.facts(kind, id, user, manager);
    if (!facts) return null;
    if (!allowed(definition, intent, user, subjectOf(facts))) throw forbidden(intent === 'read' ? definition.refusedRead : definition.refusedChange);
    return (await manager.findOne(definition.entity, { where: { id } })) as EntityOf<K> | null;
  }

  /** Whether the user may read (or change) the row; false when there is none. */
  async may(user: AuthUser | null, kind: ScopedKind, id: string, intent: Intent = 'read'): Promise<boolean> {
    const facts = await this.facts(kind, id, user);
    return Boolean(facts && allowed(SCOPES[kind], intent, user, subjectOf(facts)));
  }

  /** Whether the user may change the agreement of a region (creating one there). */
  mayChangeRegion(user: AuthUser, regionId: string): boolean {
    return mayChange('agreement', user, { regionId });
  }

  /** Whether the user may record the decision of `organisationId` on the agreement: its secretariat any, a municipality its own. */
  mayRecordApproval(user: AuthUser, agreement: Agreement, organisationId: string): boolean {
    return mayChange('approval', user, { regionId: agreement.regionId, submittedByOwnOrganisation: user.organisationId === organisationId });
  }

  /** Whether the user may type in the live draft: may change the agreement and it is not locked. */
  mayEditDraft(user: AuthUser, agreement: Agreement): boolean {
    return !agreement.finalVersionId && mayChange('agreement', user, { regionId: agreement.regionId });
  }

  /** Whether the user may act in this hearing at all: an account made from an invitation link only in its own. */
  mayActInHearing(user: AuthUser, hearingId: string): boolean {
    return invitationBinding.allows(user, hearingId);
  }

  /** Every agreement the user may read, newest period first. */
  async agreements(user: AuthUser): Promise<Agreement[]> {
    const rows = await this.db.getRepository(Agreement).find({ order: { periodStart: 'DESC', title: 'ASC' } });
    return rows.filter((agreement) => mayRead('agreement', user, { regionId: agreement.regionId }));
  }

  /**
   * Every hearing the user may read, newest first; for an account made from an invitation
   * link only the hearing it is bound to.
   */
  async hearings(user: AuthUser): Promise<Hearing[]> {
    const rows = await this.db.query<FactsRow[]>(
      `SELECT h."id" AS hearing_id, a."region_id", ${INVITED('h."id"').replace('$2', '$1')} AS invited, false AS own, false AS participant
         FROM "hearings" h JOIN "agreements" a ON a."id" = h."agreement_id"
        ORDER BY h."opens_at" DESC, h."id"`,
      [user.organisationId],
    );
    const ids = rows.filter((row) => allowed(SCOPES.hearing, 'read', user, subjectOf(row))).map((row) => row.hearing_id as string);
    return this.inOrder(Hearing, ids);
  }

  /** The responses of a readable hearing the user may read: all for its secretariat, their own organisation's otherwise. */
  async hearingResponses(user: AuthUser, hearing: Hearing): Promise<HearingResponse[]> {
    const audience = await this.audience(user, 'hearing', hearing.id, 'hearingResponse');
    if (audience === 'none') return [];
    const where = audience === 'all' ? { hearingId: hearing.id } : { hearingId: hearing.id, organisationId: user.organisationId };
    return this.db.getRepository(HearingResponse).find({ where, order: { receivedAt: 'ASC' } });
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
  async clusterInputs(user: AuthUser, round: InputRound, where: { submitted?: boolean } = {}): Promise<ClusterInput[]> {
    const audience = await this.audience(user, 'inputRound', round.id, 'clusterInput');
    if (audience === 'none') return [];
    const query = this.db
      .getRepository(ClusterInput)
      .createQueryBuilder('ci')
      .where('ci.roundId = :round', { round: round.id })
      .orderBy('ci.submittedAt', 'ASC', 'NULLS LAST');
    if (audience === 'own') query.andWhere('ci.organisationId = :organisation', { organisation: user.organisationId });
    if (where.submitted === true) query.andWhere('ci.submittedAt IS NOT NULL');
    if (where.submitted === false) query.andWhere('ci.submittedAt IS NULL');
    return query.getMany();
  }

  private async facts(kind: ScopedKind, id: string, user: AuthUser | null, manager: EntityManager = this.db.manager): Promise<FactsRow | null> {
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    // The caller's organisation ($2) is typed once here: not every kind's statement uses it.
    const rows = await manager.query<FactsRow[]>(`WITH "caller" AS (SELECT $2::uuid AS "organisation_id") ${SCOPES[kind].facts}`, [id, user?.organisationId ?? null]);
    return rows[0] ?? null;
  }

  private async inOrder<T extends { id: string }>(entity: EntityTarget<T>, ids: string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.getRepository(entity).findBy({ id: In(ids) } as never);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is T => Boolean(row));
  }
}
