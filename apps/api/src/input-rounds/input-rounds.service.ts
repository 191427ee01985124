import { formatDanishDateTime } from '@aftalerum/dates';
import { collectSections, DraftSection, JSONContent } from '@aftalerum/editor';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import { AgreementsService } from '../agreements/agreements.service';
import { Clock } from '../common/clock';
import { isUuid } from '../common/ids';
import { SectionKindEnum } from '../agreements/dtos/draft-types';
import { VersionsService } from '../agreements/versions.service';
import { AuditService } from '../audit/audit.service';
import { ScopedData } from '../access/scoped-data';
import { AuthUser } from '../users/auth-user';
import { badInput, conflict, DomainError, forbidden, notFound } from '../common/domain-error';
import { SharedLimit } from '../common/rate-limiter';
import { AppConfig } from '../config/app-config';
import { RemindersService } from '../notifications/reminders.service';
import { PubSubEngine } from 'graphql-subscriptions';
import { PUB_SUB, TOPICS } from '../common/pub-sub';
import { Cluster } from '../organisations/cluster.entity';
import { Organisation } from '../organisations/organisation.entity';
import { ClusterInputItem } from './cluster-input-item.entity';
import { ClusterInput, ClusterInputStatus } from './cluster-input.entity';
import { AssessInputItemInput } from './dtos/assess-input-item.input';
import { InputMatrix, InputRoundDeadlineChange, InputRoundParticipant } from './dtos/input-round-types';
import { ExtendInputRoundDeadlineInput, OpenInputRoundInput } from './dtos/open-input-round.input';
import { SubmitClusterInputInput } from './dtos/submit-cluster-input.input';
import { InputItemAssessment } from './input-item-assessment.entity';
import { InputSummaryModel } from '../documents/docx/input-summary';
import { buildMatrix } from '../documents/input-matrix';
import { locateItem, sectionIndex } from './input-round-summary';
import { deadlineStatus, InputRound, InputRoundStatus } from './input-round.entity';

/** A participant of a round, as the rules need it. */
interface Party {
  organisationId: string;
  clusterId: string | null;
}

interface ItemRow {
  blockId: string | null;
  sectionId: string | null;
  sectionTitle: string | null;
  theme: string;
  text: string;
  level: string | null;
}

/** The latest submission of each participant is current; earlier ones are superseded. */
const IS_CURRENT = `NOT EXISTS (SELECT 1 FROM "cluster_inputs" l WHERE l."round_id" = i."round_id" AND l."organisation_id" = i."organisation_id" AND l."number" > i."number")`;

const byDanishName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'da');

@Injectable()
export class InputRoundsService {
  private readonly writeLimiter: SharedLimit;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementsService,
    private readonly versions: VersionsService,
    private readonly audit: AuditService,
    private readonly reminders: RemindersService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    config: AppConfig,
    private readonly scoped: ScopedData,
    private readonly clock: Clock,
  ) {
    this.writeLimiter = new SharedLimit(db, { name: 'cluster-input-write', points: config.SUBMIT_RATE_PER_MINUTE, durationSeconds: 60, message: 'For mange gemninger og indsendelser på kort tid. Vent et minut, og prøv igen.' });
  }

  /** A round, or null when it does not exist. */
  async get(id: string): Promise<InputRound | null> {
    return isUuid(id) ? this.db.getRepository(InputRound).findOneBy({ id }) : null;
  }

  async getOrFail(id: string): Promise<InputRound> {
    const round = await this.get(id);
    if (!round) throw notFound('Inputrunden');
    return round;
  }

  /** A round the user may read (the agreement's readers, and the organisations asked for input); FORBIDDEN for anyone else. */
  getReadable(user: AuthUser, id: string): Promise<InputRound | null> {
    return this.scoped.find(user, 'inputRound', id);
  }

  /** The round's agreement, when the user may read it (a participant from outside its readers may not: null). */
  async agreementOf(user: AuthUser, round: InputRound): Promise<Agreement | null> {
    return this.agreements.get(user, round.agreementId);
  }

  /** The version a round asks about (part of the round: its participants read it). */
  versionOf(round: InputRound): Promise<AgreementVersion | null> {
    return round.versionId ? this.db.getRepository(AgreementVersion).findOneBy({ id: round.versionId }) : Promise.resolve(null);
  }

  clusterOf(input: ClusterInput): Promise<Cluster | null> {
    return input.clusterId ? this.db.getRepository(Cluster).findOneBy({ id: input.clusterId }) : Promise.resolve(null);
  }

  organisationOf(input: ClusterInput): Promise<Organisation> {
    return this.db.getRepository(Organisation).findOneByOrFail({ id: input.organisationId });
  }

  /** The input an item belongs to. */
  inputOf(item: ClusterInputItem): Promise<ClusterInput> {
    return this.db.getRepository(ClusterInput).findOneByOrFail({ id: item.inputId });
  }

  /** The version an item was worked into. */
  assessedVersion(assessment: InputItemAssessment): Promise<AgreementVersion | null> {
    return assessment.versionId ? this.db.getRepository(AgreementVersion).findOneBy({ id: assessment.versionId }) : Promise.resolve(null);
  }

  /** The name of who assessed an item. */
  async assessorName(assessment: InputItemAssessment): Promise<string | null> {
    if (!assessment.assessedById) return null;
    const [row] = await this.db.query<Array<{ name: string }>>('SELECT "name" FROM "users" WHERE "id" = $1', [assessment.assessedById]);
    return row?.name ?? null;
  }

  /** The rounds of an agreement, latest deadline first. */
  listForAgreement(agreementId: string): Promise<InputRound[]> {
    return this.db.getRepository(InputRound).find({ where: { agreementId }, order: { deadline: 'DESC', createdAt: 'DESC' } });
  }

  /** Open or closed by the round's deadline, on the application's clock. */
  roundStatus(round: InputRound): InputRoundStatus {
    return deadlineStatus(round.deadline, this.clock.now());
  }

  /** Whether the user runs the round (the secretariat of the agreement's region). */
  canManage(user: AuthUser, round: InputRound): Promise<boolean> {
    return this.scoped.may(user, 'inputRound', round.id, 'change');
  }

  async requireManage(user: AuthUser, round: InputRound, message = 'Kun sekretariatet for aftalen kan styre inputrunden.'): Promise<void> {
    if (!(await this.canManage(user, round))) throw forbidden(message);
  }

  /**
   * Opens a round on the live draft (or a frozen version) asking the given clusters and
   * organisations for input before the deadline; reminders are scheduled before it.
   */
  async open(user: AuthUser, input: OpenInputRoundInput, requestId: string | null): Promise<InputRound> {
    const agreement = await this.agreements.getManageable(user, input.agreementId);
    if (agreement.finalVersionId) throw conflict('Aftalen er godkendt af alle parter, og den endelige version er låst. Der kan ikke åbnes en ny inputrunde.');
    if (input.deadline.getTime() <= this.clock.now().getTime()) throw badInput('Fristen skal ligge i fremtiden.');
    const clusterIds = [...new Set(input.clusterIds)];
    const organisationIds = [...new Set(input.organisationIds ?? [])];
    if (clusterIds.length + organisationIds.length === 0) throw badInput('Vælg mindst én klynge eller organisation, der skal give input.');

    const clusters = clusterIds.length ? await this.db.getRepository(Cluster).findBy({ id: In(clusterIds) }) : [];
    if (clusters.length !== clusterIds.length) throw badInput('En eller flere af de valgte klynger findes ikke.');
    const foreign = clusters.find((c) => c.regionId !== agreement.regionId);
    if (foreign) throw badInput(`Sundhedsklynge ${foreign.name} hører ikke til aftalens region. Vælg regionens egne klynger.`);
    const organisations = organisationIds.length ? await this.db.getRepository(Organisation).findBy({ id: In(organisationIds) }) : [];
    if (organisations.length !== organisationIds.length) throw badInput('En eller flere af de valgte organisationer findes ikke.');
    // A cluster's own organisation chosen as an organisation takes part as the cluster.
    const clusterOfOrganisation = new Map(
      (organisationIds.length ? await this.db.getRepository(Cluster).findBy({ organisationId: In(organisationIds) }) : []).map((c) => [c.organisationId, c]),
    );
    const parties = new Map<string, Party>();
    for (const cluster of clusters) parties.set(cluster.organisationId, { organisationId: cluster.organisationId, clusterId: cluster.id });
    for (const organisation of organisations) {
      if (!parties.has(organisation.id)) parties.set(organisation.id, { organisationId: organisation.id, clusterId: clusterOfOrganisation.get(organisation.id)?.id ?? null });
    }

    if (input.versionId) {
      const version = await this.db.getRepository(AgreementVersion).findOneBy({ id: input.versionId });
      if (!version || version.agreementId !== agreement.id) throw badInput('Den valgte version hører ikke til aftalen.');
    }

    const opened = await this.db.transaction(async (manager) => {
      const round = manager.create(InputRound, {
        agreementId: agreement.id,
        versionId: input.versionId ?? null,
        title: input.title.trim(),
        description: input.description?.trim() || null,
        deadline: input.deadline,
        createdById: user.id,
        createdAt: this.clock.now(),
      });
      await manager.save(round);
      for (const party of parties.values()) {
        await manager.query(`INSERT INTO "input_round_participants" ("round_id", "organisation_id", "cluster_id") VALUES ($1, $2, $3)`, [
          round.id,
          party.organisationId,
          party.clusterId,
        ]);
      }
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'input-round.open',
        entityType: 'input_round',
        entityId: round.id,
        data: { agreementId: agreement.id, title: round.title, deadline: round.deadline.toISOString(), participants: parties.size, versionId: round.versionId },
        requestId,
      });
      // In the transaction: a round exists with its reminders or not at all.
      await this.reminders.scheduleDeadline(manager, 'INPUT_ROUND', round.id, round.deadline);
      return round;
    });
    return opened;
  }

  /**
   * Moves the deadline later, for the whole round or for one participant; every change is
   * logged with its reason.
   */
  async extendDeadline(user: AuthUser, input: ExtendInputRoundDeadlineInput, requestId: string | null): Promise<InputRound> {
    const round = await this.getOrFail(input.roundId);
    await this.requireManage(user, round, 'Kun sekretariatet for aftalen kan forlænge fristen.');
    if (input.clusterId && input.organisationId) throw badInput('Angiv enten en klynge eller en organisation, ikke begge.');
    if (input.deadline.getTime() <= this.clock.now().getTime()) throw badInput('Den nye frist skal ligge i fremtiden.');
    const party = input.clusterId || input.organisationId ? await this.participantOf(round.id, input.clusterId ?? null, input.organisationId ?? null) : null;
    if ((input.clusterId || input.organisationId) && !party) throw badInput('Klyngen eller organisationen er ikke bedt om input i denne runde.');
    const current = party ? party.deadline : round.deadline;
    if (input.deadline <= current) throw badInput(`Den nye frist skal ligge efter den nuværende frist (${formatDanishDateTime(current)}).`);

    const extended = await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "input_round_deadline_changes" ("round_id", "organisation_id", "previous_deadline", "deadline", "reason", "changed_by", "changed_at") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [round.id, party?.organisationId ?? null, current, input.deadline, input.reason.trim(), user.id, this.clock.now()],
      );
      if (party) {
        await manager.query(`UPDATE "input_round_participants" SET "deadline" = $3 WHERE "round_id" = $1 AND "organisation_id" = $2`, [round.id, party.organisationId, input.deadline]);
      } else {
        await manager.update(InputRound, { id: round.id }, { deadline: input.deadline });
      }
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'input-round.extend-deadline',
        entityType: 'input_round',
        entityId: round.id,
        data: { organisationId: party?.organisationId ?? null, from: current.toISOString(), to: input.deadline.toISOString(), reason: input.reason.trim() },
        requestId,
      });
      const updated = await manager.findOneByOrFail(InputRound, { id: round.id });
      if (!party) await this.reminders.scheduleDeadline(manager, 'INPUT_ROUND', updated.id, updated.deadline);
      return updated;
    });
    return extended;
  }

  /** The logged deadline changes of a round, oldest first. */
  async deadlineChanges(roundId: string): Promise<InputRoundDeadlineChange[]> {
    const rows = await this.db.query<Array<{ name: string | null; previous_deadline: Date; deadline: Date; reason: string; changed_at: Date }>>(
      `SELECT o."name", d."previous_deadline", d."deadline", d."reason", d."changed_at"
         FROM "input_round_deadline_changes" d LEFT JOIN "organisations" o ON o."id" = d."organisation_id"
        WHERE d."round_id" = $1 ORDER BY d."id"`,
      [roundId],
    );
    return rows.map((r) => ({ participantName: r.name, previousDeadline: r.previous_deadline, deadline: r.deadline, reason: r.reason, changedAt: r.changed_at }));
  }

  /** Saves what a cluster has written so far; the draft stays editable until it is submitted. */
  async saveDraft(user: AuthUser, input: SubmitClusterInputInput, requestId: string | null): Promise<ClusterInput> {
    await this.writeLimiter.hit(user.id);
    const round = await this.getOrFail(input.roundId);
    const party = await this.partyFor(user, round, input);
    const rows = await this.itemRows(round, input);
    return this.db.transaction(async (manager) => {
      await this.lockParticipant(manager, round.id, party.organisationId);
      const draft = await this.writeDraft(manager, round.id, party, input, rows);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'cluster-input.save-draft',
        entityType: 'cluster_input',
        entityId: draft.id,
        data: { roundId: round.id, organisationId: party.organisationId, items: rows.length },
        requestId,
      });
      return manager.findOneByOrFail(ClusterInput, { id: draft.id });
    });
  }

  /**
   * Submits a cluster's input before its deadline (the application's clock decides). The
   * submission is immutable; a later one supersedes it, and both are kept.
   */
  async submit(user: AuthUser, input: SubmitClusterInputInput, requestId: string | null): Promise<ClusterInput> {
    await this.writeLimiter.hit(user.id);
    const round = await this.getOrFail(input.roundId);
    const party = await this.partyFor(user, round, input);
    const rows = await this.itemRows(round, input);
    if (rows.length === 0) throw badInput('Tilføj mindst ét punkt, før I indsender.');
    const submitted = await this.db.transaction(async (manager) => {
      const { deadline, open } = await this.lockParticipant(manager, round.id, party.organisationId);
      if (!open) {
        throw new DomainError(
          'DEADLINE_PASSED',
          `Fristen for input var ${formatDanishDateTime(deadline)}, så indsendelsen er ikke modtaget. Gem jeres input som kladde, og kontakt sekretariatet for SSU, hvis I har brug for en forlængelse af fristen.`,
        );
      }
      const draft = await this.writeDraft(manager, round.id, party, input, rows);
      const [previous] = await manager.query<Array<{ id: string; number: number }>>(
        `SELECT "id", "number" FROM "cluster_inputs" WHERE "round_id" = $1 AND "organisation_id" = $2 AND "submitted_at" IS NOT NULL ORDER BY "number" DESC LIMIT 1`,
        [round.id, party.organisationId],
      );
      const number = (previous?.number ?? 0) + 1;
      await manager.query(
        `UPDATE "cluster_inputs" SET "submitted_at" = $6, "number" = $2, "submitted_by" = $3, "submitted_by_name" = $4, "supersedes_id" = $5, "updated_at" = $6 WHERE "id" = $1`,
        [draft.id, number, user.id, user.name, previous?.id ?? null, this.clock.now()],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'cluster-input.submit',
        entityType: 'cluster_input',
        entityId: draft.id,
        data: { roundId: round.id, organisationId: party.organisationId, number, items: rows.length, supersedes: previous?.id ?? null },
        requestId,
      });
      return manager.findOneByOrFail(ClusterInput, { id: draft.id });
    });
    void this.pubSub.publish(TOPICS.clusterInput(round.agreementId), {
      clusterInputSubmitted: { ...submitted, agreementId: round.agreementId },
    });
    return submitted;
  }

  /** The secretariat marks a submitted item worked in (or not), with a reason and the version. */
  async assess(user: AuthUser, input: AssessInputItemInput, requestId: string | null): Promise<ClusterInputItem> {
    const item = await this.db.getRepository(ClusterInputItem).findOneBy({ id: input.itemId });
    const owner = item ? await this.db.getRepository(ClusterInput).findOneBy({ id: item.inputId }) : null;
    // A draft's items are the cluster's own business: to anyone else they do not exist.
    if (!item || !owner?.submittedAt) throw notFound('Inputpunktet');
    const round = await this.getOrFail(owner.roundId);
    await this.requireManage(user, round, 'Kun sekretariatet for aftalen kan vurdere input.');
    if (await this.isSuperseded(owner)) {
      throw conflict('Punktet hører til et input, som er erstattet af et nyere fra samme klynge. Vurdér punkterne i det nyeste input.');
    }
    if (input.versionId) {
      const version = await this.db.getRepository(AgreementVersion).findOneBy({ id: input.versionId });
      if (!version || version.agreementId !== round.agreementId) throw badInput('Den valgte version hører ikke til aftalen. Vælg en af aftalens versioner.');
    }
    await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "input_item_assessments" ("item_id", "outcome", "reason", "version_id", "assessed_by", "assessed_at") VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ("item_id") DO UPDATE SET "outcome" = EXCLUDED."outcome", "reason" = EXCLUDED."reason", "version_id" = EXCLUDED."version_id",
           "assessed_by" = EXCLUDED."assessed_by", "assessed_at" = EXCLUDED."assessed_at"`,
        [item.id, input.outcome, input.reason.trim(), input.versionId ?? null, user.id, this.clock.now()],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'cluster-input.assess-item',
        entityType: 'cluster_input_item',
        entityId: item.id,
        data: { outcome: input.outcome, versionId: input.versionId ?? null },
        requestId,
      });
    });
    const [annotated] = await this.annotate(round.agreementId, [item]);
    return annotated;
  }

  /** Everyone asked, with their deadline and whether they have submitted; clusters first. */
  async participants(round: InputRound): Promise<InputRoundParticipant[]> {
    const now = this.clock.now();
    const rows = await this.db.query<Array<{ organisation_id: string; cluster_id: string | null; own: Date | null; deadline: Date; submissions: number; last: Date | null }>>(
      `SELECT p."organisation_id", p."cluster_id", p."deadline" AS own, GREATEST(p."deadline", r."deadline") AS deadline,
              (SELECT count(*)::int FROM "cluster_inputs" i WHERE i."round_id" = p."round_id" AND i."organisation_id" = p."organisation_id" AND i."submitted_at" IS NOT NULL) AS submissions,
              (SELECT max(i."submitted_at") FROM "cluster_inputs" i WHERE i."round_id" = p."round_id" AND i."organisation_id" = p."organisation_id") AS last
         FROM "input_round_participants" p JOIN "input_rounds" r ON r."id" = p."round_id"
        WHERE p."round_id" = $1`,
      [round.id],
    );
    const organisations = new Map((rows.length ? await this.db.getRepository(Organisation).findBy({ id: In(rows.map((r) => r.organisation_id)) }) : []).map((o) => [o.id, o]));
    const clusterIds = rows.map((r) => r.cluster_id).filter((id): id is string => Boolean(id));
    const clusters = new Map((clusterIds.length ? await this.db.getRepository(Cluster).findBy({ id: In(clusterIds) }) : []).map((c) => [c.id, c]));
    const participants = rows.map((r) => {
      const organisation = organisations.get(r.organisation_id) as Organisation;
      return {
        organisation,
        cluster: r.cluster_id ? (clusters.get(r.cluster_id) ?? null) : null,
        name: organisation.name,
        deadline: r.deadline,
        extended: r.own !== null && r.own > round.deadline,
        status: deadlineStatus(r.deadline, now),
        submitted: r.submissions > 0,
        lastSubmittedAt: r.submissions > 0 ? r.last : null,
        submissions: r.submissions,
      };
    });
    return [...participants.filter((p) => p.cluster).sort(byDanishName), ...participants.filter((p) => !p.cluster).sort(byDanishName)];
  }

  /** The user's own participation in the round, if their organisation is asked. */
  async participationOf(user: AuthUser, round: InputRound): Promise<InputRoundParticipant | null> {
    return (await this.participants(round)).find((p) => p.organisation.id === user.organisationId) ?? null;
  }

  /**
   * Submitted inputs the user may see, with their items: all of them for the secretariat, the
   * user's own organisation's otherwise. Only the current ones unless asked for all.
   */
  async inputs(user: AuthUser, round: InputRound, includeSuperseded: boolean): Promise<ClusterInput[]> {
    // Every participant's input for those the table lets read everyone's, the caller's own otherwise.
    const audience = await this.scoped.audience(user, 'inputRound', round.id, 'clusterInput');
    if (audience === 'none') return [];
    const params: unknown[] = [round.id];
    const where = [`i."round_id" = $1`, `i."submitted_at" IS NOT NULL`];
    if (audience === 'own') {
      params.push(user.organisationId);
      where.push(`i."organisation_id" = $${params.length}`);
    }
    if (!includeSuperseded) where.push(IS_CURRENT);
    const ids = await this.db.query<Array<{ id: string; current: boolean }>>(
      `SELECT i."id", ${IS_CURRENT} AS current FROM "cluster_inputs" i WHERE ${where.join(' AND ')} ORDER BY i."submitted_at" DESC`,
      params,
    );
    if (ids.length === 0) return [];
    const byId = new Map((await this.db.getRepository(ClusterInput).findBy({ id: In(ids.map((r) => r.id)) })).map((i) => [i.id, i]));
    const inputs = ids.map((r) => Object.assign(byId.get(r.id) as ClusterInput, { superseded: !r.current }));
    await this.loadItems(round.agreementId, inputs);
    return inputs;
  }

  /** The draft of the user's organisation for the round, if any. */
  async draftOf(user: AuthUser, round: InputRound): Promise<ClusterInput | null> {
    const draft = await this.db.getRepository(ClusterInput).findOneBy({ roundId: round.id, organisationId: user.organisationId, submittedAt: IsNull() });
    if (draft) await this.loadItems(round.agreementId, [draft]);
    return draft;
  }

  /** The input's items in order, each placed in the live draft, with its assessment. */
  async itemsOf(input: ClusterInput): Promise<ClusterInputItem[]> {
    if (input.loadedItems) return input.loadedItems;
    const round = await this.getOrFail(input.roundId);
    await this.loadItems(round.agreementId, [input]);
    return input.loadedItems ?? [];
  }

  statusOf(input: ClusterInput): Promise<ClusterInputStatus> | ClusterInputStatus {
    if (!input.submittedAt) return ClusterInputStatus.DRAFT;
    if (input.superseded !== undefined) return input.superseded ? ClusterInputStatus.SUPERSEDED : ClusterInputStatus.SUBMITTED;
    return this.isSuperseded(input).then((s) => (s ? ClusterInputStatus.SUPERSEDED : ClusterInputStatus.SUBMITTED));
  }

  /** The secretariat's matrix of the current submissions: participants × sections, and themes. */
  async matrix(user: AuthUser, round: InputRound): Promise<InputMatrix> {
    await this.requireManage(user, round, 'Kun sekretariatet for aftalen kan se alle klyngers input samlet.');
    const [participants, inputs, content] = await Promise.all([this.participants(round), this.inputs(user, round, false), this.versions.liveContent(round.agreementId)]);
    const items = inputs.flatMap((input) => (input.loadedItems ?? []).map((item) => ({ organisationId: input.organisationId, theme: item.theme, section: item.section ?? null })));
    const matrix = buildMatrix(
      collectSections(content),
      participants.map((p) => ({ name: p.name, organisationId: p.organisation.id, clusterId: p.cluster?.id ?? null, submitted: p.submitted })),
      items,
    );
    return { ...matrix, sections: matrix.sections.map((s) => ({ ...s, kind: s.kind as SectionKindEnum | null })) };
  }

  /**
   * The current submitted items of an agreement's rounds tied to the given blocks (for the
   * editor's side panel): all of them for the secretariat, the user's own otherwise.
   */
  async itemsForBlocks(user: AuthUser, agreementId: string, blockIds: string[]): Promise<ClusterInputItem[]> {
    const agreement = await this.scoped.one(user, 'agreement', agreementId);
    if (blockIds.length > 1000) throw badInput('Spørg efter højst 1.000 afsnit ad gangen.');
    if (blockIds.length === 0) return [];
    const params: unknown[] = [agreement.id, [...new Set(blockIds)]];
    let own = '';
    if (!(await this.scoped.may(user, 'agreement', agreement.id, 'change'))) {
      params.push(user.organisationId);
      own = `AND i."organisation_id" = $3`;
    }
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT it."id" FROM "cluster_input_items" it
         JOIN "cluster_inputs" i ON i."id" = it."input_id"
         JOIN "input_rounds" r ON r."id" = i."round_id"
        WHERE r."agreement_id" = $1 AND it."block_id" = ANY($2) AND i."submitted_at" IS NOT NULL AND ${IS_CURRENT} ${own}
        ORDER BY i."submitted_at", it."position"`,
      params,
    );
    if (rows.length === 0) return [];
    const byId = new Map((await this.db.getRepository(ClusterInputItem).findBy({ id: In(rows.map((r) => r.id)) })).map((it) => [it.id, it]));
    return this.annotate(agreement.id, rows.map((r) => byId.get(r.id) as ClusterInputItem));
  }

  /** The assessment of an item, unless the service already loaded it. */
  async assessmentOf(item: ClusterInputItem): Promise<InputItemAssessment | null> {
    if (item.assessment !== undefined) return item.assessment;
    return this.db.getRepository(InputItemAssessment).findOneBy({ itemId: item.id });
  }

  /** Everything the DOCX summary shows: participants, current items by section, assessments. */
  async summaryModel(user: AuthUser, round: InputRound): Promise<InputSummaryModel> {
    await this.requireManage(user, round, 'Kun sekretariatet for aftalen kan hente sammenfatningen af input.');
    const agreement = await this.db.getRepository(Agreement).findOneByOrFail({ id: round.agreementId });
    const [participants, inputs, content] = await Promise.all([this.participants(round), this.inputs(user, round, false), this.versions.acceptedLiveContent(round.agreementId)]);
    const version = round.versionId ? await this.db.getRepository(AgreementVersion).findOneBy({ id: round.versionId }) : null;
    const versionIds = [
      ...new Set(inputs.flatMap((i) => (i.loadedItems ?? []).map((it) => it.assessment?.versionId)).filter((id): id is string => Boolean(id))),
    ];
    const labels = new Map(
      (versionIds.length ? await this.db.getRepository(AgreementVersion).findBy({ id: In(versionIds) }) : []).map((v) => [v.id, `version ${v.number}: ${v.label}`]),
    );
    const nameOf = new Map(participants.map((p) => [p.organisation.id, p.name]));
    const current = new Map(inputs.map((i) => [i.organisationId, i]));
    return {
      agreementTitle: agreement.title,
      roundTitle: round.title,
      description: round.description,
      askedAbout: version ? `version ${version.number} (${version.label})` : 'det levende udkast',
      deadline: round.deadline,
      generatedAt: this.clock.now(),
      sections: collectSections(content),
      participants: participants.map((p) => {
        const input = current.get(p.organisation.id);
        return {
          name: p.name,
          deadline: p.deadline,
          submittedAt: input?.submittedAt ?? null,
          number: input?.number ?? null,
          meetingDate: input?.meetingDate ?? null,
          meetingItem: input?.meetingItem ?? null,
          items: input?.loadedItems?.length ?? 0,
        };
      }),
      items: inputs
        .slice()
        .sort((a, b) => (nameOf.get(a.organisationId) ?? '').localeCompare(nameOf.get(b.organisationId) ?? '', 'da'))
        .flatMap((input) =>
          (input.loadedItems ?? []).map((item) => {
            const assessment = item.assessment ?? null;
            return {
              participantName: nameOf.get(input.organisationId) ?? '',
              theme: item.theme,
              text: item.text,
              level: item.level,
              section: item.section ?? null,
              assessment: assessment
                ? { outcome: assessment.outcome, reason: assessment.reason, versionLabel: assessment.versionId ? (labels.get(assessment.versionId) ?? null) : null }
                : null,
            };
          }),
        ),
    };
  }

  // ---------------------------------------------------------------------------------------

  /**
   * Who the input is from, and whether the user may write it: only users of that cluster (or
   * organisation), and only when it is asked in the round.
   */
  private async partyFor(user: AuthUser, round: InputRound, input: SubmitClusterInputInput): Promise<Party> {
    if (Boolean(input.clusterId) === Boolean(input.organisationId)) {
      throw badInput('Angiv den klynge (clusterId), som input er fra – eller organisationen (organisationId), hvis det ikke er en klynge.');
    }
    let organisationId = input.organisationId ?? '';
    if (input.clusterId) {
      const cluster = await this.db.getRepository(Cluster).findOneBy({ id: input.clusterId });
      if (!cluster) throw notFound('Klyngen');
      organisationId = cluster.organisationId;
    }
    if (user.organisationId !== organisationId) {
      throw forbidden(
        input.clusterId
          ? 'Du kan kun skrive og indsende input for din egen klynge. Log ind som bruger i den klynge, input er fra.'
          : 'Du kan kun skrive og indsende input for din egen organisation.',
      );
    }
    const rows = await this.db.query<Array<{ cluster_id: string | null }>>(
      'SELECT "cluster_id" FROM "input_round_participants" WHERE "round_id" = $1 AND "organisation_id" = $2',
      [round.id, organisationId],
    );
    if (rows.length === 0) throw forbidden('I er ikke bedt om input i denne inputrunde. Kontakt sekretariatet for SSU, hvis I vil give input.');
    return { organisationId, clusterId: rows[0].cluster_id };
  }

  private async participantOf(roundId: string, clusterId: string | null, organisationId: string | null): Promise<{ organisationId: string; deadline: Date } | null> {
    const [row] = await this.db.query<Array<{ organisation_id: string; deadline: Date }>>(
      `SELECT p."organisation_id", GREATEST(p."deadline", r."deadline") AS deadline
         FROM "input_round_participants" p JOIN "input_rounds" r ON r."id" = p."round_id"
        WHERE p."round_id" = $1 AND (p."cluster_id" = $2 OR p."organisation_id" = $3)`,
      [roundId, clusterId, organisationId],
    );
    return row ? { organisationId: row.organisation_id, deadline: row.deadline } : null;
  }

  /**
   * Serialises the writes of one participant and tells whether its deadline has passed by
   * the application's clock.
   */
  private async lockParticipant(manager: EntityManager, roundId: string, organisationId: string): Promise<{ deadline: Date; open: boolean }> {
    const [row] = await manager.query<Array<{ deadline: Date; open: boolean }>>(
      `SELECT GREATEST(p."deadline", r."deadline") AS deadline, GREATEST(p."deadline", r."deadline") > $3 AS open
         FROM "input_round_participants" p JOIN "input_rounds" r ON r."id" = p."round_id"
        WHERE p."round_id" = $1 AND p."organisation_id" = $2 FOR UPDATE OF p`,
      [roundId, organisationId, this.clock.now()],
    );
    return row;
  }

  /** Checks every item and places its block in the draft the round asks about. */
  private async itemRows(round: InputRound, input: SubmitClusterInputInput): Promise<ItemRow[]> {
    let index: Map<string, DraftSection> | null = null;
    if (input.items.some((item) => item.blockId)) {
      index = sectionIndex(await this.versions.liveContent(round.agreementId));
      if (round.versionId) {
        const version = await this.db.getRepository(AgreementVersion).findOneByOrFail({ id: round.versionId });
        for (const [id, section] of sectionIndex(version.content as JSONContent)) if (!index.has(id)) index.set(id, section);
      }
    }
    return input.items.map((item, i) => {
      const theme = item.theme.trim();
      const text = item.text.trim();
      if (!theme) throw badInput(`Punkt ${i + 1} mangler et tema.`);
      if (!text) throw badInput(`Punkt ${i + 1} mangler en tekst.`);
      const section = item.blockId ? index?.get(item.blockId) : undefined;
      if (item.blockId && !section) throw badInput(`Punkt ${i + 1} peger på et afsnit, der ikke findes i udkastet. Vælg afsnittet igen.`);
      return { blockId: item.blockId || null, sectionId: section?.blockId ?? null, sectionTitle: section?.title ?? null, theme, text, level: item.level ?? null };
    });
  }

  /** Creates or rewrites the participant's one draft with these items. */
  private async writeDraft(manager: EntityManager, roundId: string, party: Party, input: SubmitClusterInputInput, rows: ItemRow[]): Promise<ClusterInput> {
    const meeting = { meetingDate: input.meetingDate || null, meetingItem: input.meetingItem?.trim() || null };
    let draft = await manager.findOneBy(ClusterInput, { roundId, organisationId: party.organisationId, submittedAt: IsNull() });
    if (draft) {
      await manager.query('DELETE FROM "cluster_input_items" WHERE "input_id" = $1', [draft.id]);
      await manager.query('UPDATE "cluster_inputs" SET "meeting_date" = $2, "meeting_item" = $3, "updated_at" = $4 WHERE "id" = $1', [
        draft.id,
        meeting.meetingDate,
        meeting.meetingItem,
        this.clock.now(),
      ]);
    } else {
      const at = this.clock.now();
      draft = manager.create(ClusterInput, { roundId, organisationId: party.organisationId, clusterId: party.clusterId, ...meeting, createdAt: at, updatedAt: at });
      await manager.save(draft);
    }
    for (const [position, row] of rows.entries()) {
      await manager.query(
        `INSERT INTO "cluster_input_items" ("input_id", "position", "block_id", "section_id", "section_title", "theme", "text", "level") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [draft.id, position + 1, row.blockId, row.sectionId, row.sectionTitle, row.theme, row.text, row.level],
      );
    }
    return draft;
  }

  private async isSuperseded(input: ClusterInput): Promise<boolean> {
    if (!input.number) return false;
    const rows = await this.db.query('SELECT 1 FROM "cluster_inputs" WHERE "round_id" = $1 AND "organisation_id" = $2 AND "number" > $3 LIMIT 1', [
      input.roundId,
      input.organisationId,
      input.number,
    ]);
    return rows.length > 0;
  }

  /** Loads the items of several inputs at once, placed in the live draft and assessed. */
  private async loadItems(agreementId: string, inputs: ClusterInput[]): Promise<void> {
    const items = await this.db.getRepository(ClusterInputItem).find({ where: { inputId: In(inputs.map((i) => i.id)) }, order: { position: 'ASC' } });
    await this.annotate(agreementId, items);
    for (const input of inputs) input.loadedItems = items.filter((item) => item.inputId === input.id);
  }

  private async annotate(agreementId: string, items: ClusterInputItem[]): Promise<ClusterInputItem[]> {
    if (items.length === 0) return items;
    const live = sectionIndex(await this.versions.liveContent(agreementId));
    const assessments = new Map((await this.db.getRepository(InputItemAssessment).findBy({ itemId: In(items.map((i) => i.id)) })).map((a) => [a.itemId, a]));
    for (const item of items) {
      item.section = locateItem(item, live);
      item.assessment = assessments.get(item.id) ?? null;
    }
    return items;
  }
}
