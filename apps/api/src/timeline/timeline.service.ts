import { danishDate, danishToday, daysBetween, formatDanishDate } from '@aftalerum/dates';
import { Inject, Injectable } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { PUB_SUB, TOPICS } from '../common/pub-sub';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AgreementPhase, nextPhase, PHASE_NAMES, PHASE_ORDER } from '../agreements/agreement-phase.enum';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import { AgreementsService } from '../agreements/agreements.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { ScopedData } from '../access/scoped-data';
import { AuthUser } from '../users/auth-user';
import { parseIsoDate } from '../common/date.scalar';
import { badInput, conflict, forbidden, notFound } from '../common/domain-error';
import { CollaborationService } from '../collaboration/collaboration.service';
import { RemindersService } from '../notifications/reminders.service';
import { OrganisationKind } from '../organisations/organisation-kind.enum';
import { Organisation } from '../organisations/organisation.entity';
import { CreateMilestoneInput, LockFinalVersionInput, RecordApprovalInput } from './dtos/timeline.inputs';
import { Approval, ApprovalDecision, ApprovalStatus, Milestone, MilestoneKind, MilestoneLink } from './timeline-types';

const byName = (a: Organisation, b: Organisation) => a.name.localeCompare(b.name, 'da');

interface ApprovalRow {
  id: string;
  organisation_id: string;
  decision: ApprovalDecision;
  decided_at: string;
  meeting_reference: string | null;
  note: string | null;
  document_id: string | null;
  recorded_at: Date;
  version_id: string;
}

const APPROVAL_COLUMNS = `"id", "organisation_id", "decision", to_char("decided_at", 'YYYY-MM-DD') AS "decided_at", "meeting_reference", "note", "document_id", "recorded_at", "version_id"`;

const phaseIndex = (phase: string | null | undefined) => PHASE_ORDER.indexOf(phase as AgreementPhase);

@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementsService,
    private readonly audit: AuditService,
    private readonly reminders: RemindersService,
    private readonly collaboration: CollaborationService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly scoped: ScopedData,
    private readonly clock: Clock,
  ) {}

  /**
   * The timeline: milestones entered by the secretariat, plus the dates that input rounds
   * and hearings put there themselves, in date order.
   */
  async milestones(agreementId: string): Promise<Milestone[]> {
    const agreement = await this.db.getRepository(Agreement).findOneBy({ id: agreementId });
    const current = agreement ? phaseIndex(this.effectivePhase(agreement)) : -1;
    const stored = await this.db.query<Array<Record<string, unknown>>>(
      `SELECT "id", "title", "kind", to_char("date", 'YYYY-MM-DD') AS "date", "phase", "description", "link_type", "link_id", "done"
         FROM "milestones" WHERE "agreement_id" = $1`,
      [agreementId],
    );
    const result: Milestone[] = stored.map((m) => ({
      id: m.id as string,
      title: m.title as string,
      kind: m.kind as MilestoneKind,
      date: m.date as string,
      phase: (m.phase as string) ?? null,
      description: (m.description as string) ?? null,
      linkType: (m.link_type as MilestoneLink) ?? null,
      linkId: (m.link_id as string) ?? null,
      done: this.happened(m.kind as MilestoneKind, (m.phase as string) ?? null, m.done as boolean, current),
      derived: false,
    }));
    const hearings = await this.db.query<Array<{ id: string; title: string; opens_at: Date; closes_at: Date }>>(
      'SELECT "id", "title", "opens_at", "closes_at" FROM "hearings" WHERE "agreement_id" = $1',
      [agreementId],
    );
    for (const h of hearings) {
      result.push(this.derived(`hearing-open:${h.id}`, `${h.title} åbner`, MilestoneKind.MEETING, h.opens_at, 'HEARING', MilestoneLink.HEARING, h.id));
      result.push(this.derived(`hearing-close:${h.id}`, `Høringsfrist: ${h.title}`, MilestoneKind.DEADLINE, h.closes_at, 'HEARING', MilestoneLink.HEARING, h.id));
    }
    const [{ exists }] = await this.db.query<Array<{ exists: boolean }>>(`SELECT to_regclass('input_rounds') IS NOT NULL AS exists`);
    if (exists) {
      const rounds = await this.db.query<Array<{ id: string; title: string; deadline: Date }>>(
        'SELECT "id", "title", "deadline" FROM "input_rounds" WHERE "agreement_id" = $1',
        [agreementId],
      );
      for (const r of rounds) {
        result.push(this.derived(`input-round:${r.id}`, `Frist for input: ${r.title}`, MilestoneKind.DEADLINE, r.deadline, 'INPUT_ROUND', MilestoneLink.INPUT_ROUND, r.id));
      }
    }
    return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.title.localeCompare(b.title, 'da')));
  }

  /**
   * Whether a milestone's event has happened, not whether its date has passed: a deadline, a
   * decision or a submission of a phase is done once the agreement has gone past that phase (the
   * approvals are in when it has left APPROVAL), the effective date once it is in force. A meeting
   * of a phase that has begun, and a milestone of no phase, keep what the secretariat marked.
   */
  private happened(kind: MilestoneKind, phase: string | null, marked: boolean, current: number): boolean {
    const of = phaseIndex(phase);
    if (of < 0) return marked;
    if (of === PHASE_ORDER.length - 1) return current >= of;
    if (kind === MilestoneKind.MEETING) return marked && current >= of;
    return current > of;
  }

  private derived(id: string, title: string, kind: MilestoneKind, at: Date, phase: string, linkType: MilestoneLink, linkId: string): Milestone {
    return { id, title, kind, date: danishDate(at), phase, description: null, linkType, linkId, done: at.getTime() <= Date.now(), derived: true };
  }

  async createMilestone(user: AuthUser, input: CreateMilestoneInput, requestId: string | null): Promise<Milestone> {
    await this.agreements.getManageable(user, input.agreementId);
    parseIsoDate(input.date);
    if ((input.linkType == null) !== (input.linkId == null)) throw badInput('Angiv både hvad milepælen vedrører og hvilken (eller ingen af dem).');
    const id = await this.db.transaction(async (manager) => {
      const [row] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO "milestones" ("agreement_id", "title", "kind", "date", "phase", "description", "link_type", "link_id")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING "id"`,
        [input.agreementId, input.title.trim(), input.kind, input.date, input.phase ?? null, input.description ?? null, input.linkType ?? null, input.linkId ?? null],
      );
      await this.audit.record(manager, { actorId: user.id, action: 'milestone.create', entityType: 'milestone', entityId: row.id, data: { title: input.title, date: input.date }, requestId });
      return row.id;
    });
    const created = (await this.milestones(input.agreementId)).find((m) => m.id === id);
    if (!created) throw notFound('Milepælen');
    return created;
  }

  /** The parties that must approve: the SSU, the regional council and every municipality. */
  async requiredParties(agreement: Agreement): Promise<Organisation[]> {
    const orgs = await this.db.getRepository(Organisation).find({
      where: { regionId: agreement.regionId, kind: In([OrganisationKind.MUNICIPALITY, OrganisationKind.REGION, OrganisationKind.COMMITTEE]) },
    });
    const ssu = orgs.filter((o) => o.kind === OrganisationKind.COMMITTEE && o.name.startsWith('Sundhedssamarbejdsudvalget'));
    const council = orgs.filter((o) => o.kind === OrganisationKind.REGION);
    const municipalities = orgs.filter((o) => o.kind === OrganisationKind.MUNICIPALITY).sort(byName);
    return [...ssu, ...council, ...municipalities];
  }

  async approvals(agreementId: string): Promise<Approval[]> {
    const rows = await this.db.query<ApprovalRow[]>(`SELECT ${APPROVAL_COLUMNS} FROM "approvals" WHERE "agreement_id" = $1 ORDER BY "decided_at", "recorded_at"`, [agreementId]);
    const orgs = new Map((await this.db.getRepository(Organisation).findBy({ id: In(rows.map((r) => r.organisation_id)) })).map((o) => [o.id, o]));
    const versions = new Map((await this.db.getRepository(AgreementVersion).findBy({ id: In(rows.map((r) => r.version_id)) })).map((v) => [v.id, v]));
    const final = await this.lockedFinalVersion(agreementId);
    return rows.map((r) => this.toApproval(agreementId, r, orgs.get(r.organisation_id) as Organisation, versions.get(r.version_id) as AgreementVersion, final));
  }

  /** The final version the parties approve now: the newest version the secretariat locked as final. */
  lockedFinalVersion(agreementId: string, manager = this.db.manager): Promise<AgreementVersion | null> {
    return manager
      .getRepository(AgreementVersion)
      .createQueryBuilder('v')
      .where('v.agreementId = :agreementId AND v.finalLockedAt IS NOT NULL', { agreementId })
      .orderBy('v.number', 'DESC')
      .getOne();
  }

  private toApproval(agreementId: string, r: ApprovalRow, organisation: Organisation, version: AgreementVersion, final: AgreementVersion | null): Approval {
    const superseded = Boolean(final && final.id !== r.version_id);
    return {
      versionId: r.version_id,
      version,
      superseded,
      changesUrl: superseded && final ? `/files/agreements/${agreementId}/compare.docx?from=${r.version_id}&to=${final.id}` : null,
      id: r.id,
      organisation,
      decision: r.decision,
      decidedAt: r.decided_at,
      meetingReference: r.meeting_reference,
      note: r.note,
      documentId: r.document_id,
      recordedAt: r.recorded_at,
    };
  }

  async approvalStatus(agreement: Agreement): Promise<ApprovalStatus> {
    const parties = await this.requiredParties(agreement);
    const all = await this.approvals(agreement.id);
    // Only a decision on the final version locked now counts; one on an earlier final version is to be made again.
    const decisions = new Map(all.filter((a) => !a.superseded).map((a) => [a.organisation.id, a]));
    const superseded = new Set(all.filter((a) => a.superseded).map((a) => a.organisation.id));
    const approved = parties.filter((p) => decisions.get(p.id)?.decision === ApprovalDecision.APPROVED);
    const rejected = parties.filter((p) => decisions.get(p.id)?.decision === ApprovalDecision.REJECTED);
    return {
      required: parties.length,
      approved: approved.length,
      rejected: rejected.length,
      pending: parties.filter((p) => !decisions.has(p.id)),
      rejectedBy: rejected,
      onSupersededVersion: parties.filter((p) => superseded.has(p.id)),
      parties: parties.map((organisation) => ({
        organisation,
        decision: decisions.get(organisation.id)?.decision ?? null,
        decidedAt: decisions.get(organisation.id)?.decidedAt ?? null,
        superseded: superseded.has(organisation.id),
      })),
    };
  }

  /**
   * Records a party's decision on the locked final version. A municipality records its own; the
   * secretariat any party's. Only in phase APPROVAL with a final version locked; the decision
   * records that version. When every required party has approved it, the agreement moves on to
   * SUBMITTED and that version becomes the approved one (the draft is locked for good).
   */
  async recordApproval(user: AuthUser, input: RecordApprovalInput, requestId: string | null): Promise<Approval> {
    const agreement = await this.scoped.one(user, 'agreement', input.agreementId);
    parseIsoDate(input.decidedAt);
    const parties = await this.requiredParties(agreement);
    const party = parties.find((p) => p.id === input.organisationId);
    if (!party) throw badInput('Organisationen skal ikke godkende denne aftale.');
    if (!this.scoped.mayRecordApproval(user, agreement, party.id)) throw forbidden('Du kan kun registrere din egen kommunes beslutning.');
    if (agreement.finalVersionId) throw conflict('Aftalen er allerede godkendt af alle parter; beslutningerne kan ikke ændres.');
    if (agreement.phase !== AgreementPhase.APPROVAL) {
      throw conflict(
        `Beslutninger kan først registreres, når aftalen er i fasen Godkendelse med en låst endelig version. Aftalen er i fasen ${PHASE_NAMES[agreement.phase]}: sekretariatet fører den frem til Godkendelse og låser den endelige version.`,
      );
    }
    if (input.documentId) {
      const [doc] = await this.db.query<Array<{ organisation_id: string }>>('SELECT "organisation_id" FROM "attachments" WHERE "id" = $1', [input.documentId]);
      if (!doc) throw badInput('Beslutningsdokumentet findes ikke. Upload det igen.');
      // A party's decision is documented by the party's own upload, or one the region's secretariat
      // made on its behalf while recording it (most parties have no accounts), never by a file a
      // third organisation uploaded (its id could have leaked through another approval).
      const onBehalf = doc.organisation_id === user.organisationId && (await this.scoped.may(user, 'agreement', agreement.id, 'change'));
      if (doc.organisation_id !== party.id && !onBehalf) {
        throw forbidden(`Beslutningsdokumentet skal være uploadet af ${party.name} selv. Upload partens eget dokument, og prøv igen.`);
      }
    }

    let lockedNow = false;
    const approval = await this.db.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM "agreements" WHERE "id" = $1 FOR UPDATE', [agreement.id]);
      const final = await this.lockedFinalVersion(agreement.id, manager);
      if (!final) {
        throw conflict('Der er ikke låst en endelig version endnu. Sekretariatet låser den endelige version under Godkendelser; derefter kan beslutningerne registreres.');
      }
      const [row] = await manager.query<ApprovalRow[]>(
        `INSERT INTO "approvals" ("agreement_id", "organisation_id", "decision", "decided_at", "meeting_reference", "note", "document_id", "recorded_by", "version_id", "recorded_at")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT ("agreement_id", "organisation_id") DO UPDATE SET "decision" = EXCLUDED."decision", "decided_at" = EXCLUDED."decided_at",
           "meeting_reference" = EXCLUDED."meeting_reference", "note" = EXCLUDED."note", "document_id" = EXCLUDED."document_id",
           "recorded_by" = EXCLUDED."recorded_by", "recorded_at" = EXCLUDED."recorded_at", "version_id" = EXCLUDED."version_id"
         RETURNING ${APPROVAL_COLUMNS}`,
        [agreement.id, party.id, input.decision, input.decidedAt, input.meetingReference?.trim() || null, input.note?.trim() || null, input.documentId ?? null, user.id, final.id, this.clock.now()],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'approval.record',
        entityType: 'approval',
        entityId: row.id,
        data: { agreementId: agreement.id, organisationId: party.id, decision: input.decision, decidedAt: input.decidedAt, versionId: final.id },
        requestId,
      });
      const [{ approved }] = await manager.query<Array<{ approved: number }>>(
        `SELECT count(*)::int AS approved FROM "approvals" WHERE "agreement_id" = $1 AND "decision" = 'APPROVED' AND "version_id" = $3 AND "organisation_id" = ANY($2::uuid[])`,
        [agreement.id, parties.map((p) => p.id), final.id],
      );
      if (approved === parties.length) {
        await manager.update(Agreement, { id: agreement.id }, { finalVersionId: final.id, phase: AgreementPhase.SUBMITTED });
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'agreement.approved-by-all',
          entityType: 'agreement',
          entityId: agreement.id,
          data: { finalVersionId: final.id, number: final.number },
          requestId,
        });
        lockedNow = true;
      }
      return row;
    });
    if (lockedNow) {
      // Editors on every instance are closed and reconnect read-only from now on.
      this.collaboration.draftAccessChanged({ agreementId: agreement.id });
    }
    const version = await this.db.getRepository(AgreementVersion).findOneByOrFail({ id: approval.version_id });
    const recorded = this.toApproval(agreement.id, approval, party, version, version);
    void this.pubSub.publish(TOPICS.approval(agreement.id), { approvalRecorded: { ...recorded, agreementId: agreement.id } });
    return recorded;
  }

  /** Moves the agreement to a phase (the secretariat's decision); approval requests go out on APPROVAL. */
  async setPhase(user: AuthUser, agreementId: string, phase: AgreementPhase, requestId: string | null): Promise<Agreement> {
    const agreement = await this.agreements.getManageable(user, agreementId);
    if (agreement.finalVersionId && phase !== AgreementPhase.SUBMITTED && phase !== AgreementPhase.IN_FORCE) {
      throw badInput('Aftalen er godkendt af alle parter og kan ikke føres tilbage til en tidligere fase.');
    }
    this.checkStep(agreement, phase);
    await this.db.transaction(async (manager) => {
      await manager.update(Agreement, { id: agreement.id }, { phase });
      await this.audit.record(manager, { actorId: user.id, action: 'agreement.phase', entityType: 'agreement', entityId: agreement.id, data: { from: agreement.phase, to: phase }, requestId });
      if (phase === AgreementPhase.APPROVAL) await this.reminders.requestApprovals(manager, agreement.id);
    });
    return this.db.getRepository(Agreement).findOneByOrFail({ id: agreement.id });
  }

  /**
   * The process goes one step at a time: forward only to the next phase (back to an earlier one
   * to revise is allowed until every party has approved). SUBMITTED follows from the approvals.
   */
  private checkStep(agreement: Agreement, phase: AgreementPhase): void {
    const from = phaseIndex(agreement.phase);
    const to = phaseIndex(phase);
    if (to <= from) return;
    const next = nextPhase(agreement.phase);
    if (to > from + 1) {
      throw conflict(
        `Aftalen kan ikke springe fra ${PHASE_NAMES[agreement.phase]} til ${PHASE_NAMES[phase]}. Næste trin er ${next ? PHASE_NAMES[next] : 'ingen'}; faserne følges i rækkefølge.`,
      );
    }
    if (phase === AgreementPhase.SUBMITTED && !agreement.finalVersionId) {
      throw conflict('Aftalen sendes til Sundhedsstyrelsen, når alle parter har godkendt den endelige version; det sker af sig selv ved den sidste godkendelse.');
    }
  }

  /**
   * Locks a version as the final version the parties approve, in phase APPROVAL. A later final
   * version supersedes the decisions made on an earlier one: those parties decide again.
   */
  async lockFinalVersion(user: AuthUser, input: LockFinalVersionInput, requestId: string | null): Promise<AgreementVersion> {
    const agreement = await this.agreements.getManageable(user, input.agreementId);
    if (agreement.finalVersionId) throw conflict('Aftalen er godkendt af alle parter, og den endelige version er låst.');
    if (agreement.phase !== AgreementPhase.APPROVAL) {
      throw conflict(`Den endelige version låses i fasen Godkendelse. Aftalen er i fasen ${PHASE_NAMES[agreement.phase]}; før den frem til Godkendelse først.`);
    }
    const version = await this.scoped.one(user, 'version', input.versionId);
    if (version.agreementId !== agreement.id) throw notFound('Versionen');
    await this.db.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM "agreements" WHERE "id" = $1 FOR UPDATE', [agreement.id]);
      const current = await this.lockedFinalVersion(agreement.id, manager);
      if (current && current.number >= version.number) {
        throw conflict(
          current.id === version.id
            ? `Version ${version.number} er allerede låst som endelig version.`
            : `Version ${current.number} er låst som endelig version. Vælg en nyere version end den, eller gem udkastet som en ny version først.`,
        );
      }
      await manager.update(AgreementVersion, { id: version.id }, { finalLockedAt: this.clock.now(), finalLockedById: user.id });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'agreement.final-version',
        entityType: 'agreement',
        entityId: agreement.id,
        data: { versionId: version.id, number: version.number, supersedes: current?.id ?? null },
        requestId,
      });
    });
    return this.db.getRepository(AgreementVersion).findOneByOrFail({ id: version.id });
  }

  /** What is true about the effective date for the phase the agreement is in, in Danish. */
  effectiveDateStatus(agreement: Agreement, today = danishToday()): string {
    const phase = this.effectivePhase(agreement);
    const date = formatDanishDate(agreement.effectiveDate);
    const days = daysBetween(today, agreement.effectiveDate);
    if (phase === AgreementPhase.IN_FORCE) return `Trådt i kraft ${date}`;
    if (phase === AgreementPhase.SUBMITTED) return days > 0 ? `Godkendt af alle parter; træder i kraft ${date} (om ${days === 1 ? '1 dag' : `${days} dage`})` : `Godkendt af alle parter; træder i kraft ${date}`;
    if (days >= 0) return `Planlagt ikrafttræden ${date} (om ${days === 1 ? '1 dag' : `${days} dage`}); aftalen er ikke godkendt endnu`;
    return `Planlagt ikrafttræden var ${date}; aftalen er ikke godkendt endnu og er ikke trådt i kraft`;
  }

  /** The phase as of today: a submitted agreement is in force from its effective date. */
  effectivePhase(agreement: Agreement, today = new Date()): AgreementPhase {
    if (agreement.phase === AgreementPhase.SUBMITTED && danishDate(today) >= agreement.effectiveDate) return AgreementPhase.IN_FORCE;
    return agreement.phase;
  }

  async outbox(user: AuthUser, agreementId: string) {
    // All of it for the agreement's secretariat; for anyone else only what was sent to their own
    // organisation (its own mail: a reminder to an invited patient organisation, say), which
    // tells nothing about the agreement they could not read otherwise.
    const agreement = await this.agreements.findById(agreementId);
    if (!agreement) throw notFound('Aftalen');
    const all = await this.scoped.may(user, 'agreement', agreement.id, 'change');
    const rows = await this.db.query<Array<{ id: string; kind: string; subject: string; body: string; recipients: string[]; created_at: Date; sent_at: Date | null }>>(
      `SELECT "id", "kind", "subject", "body", "recipients", "created_at", "sent_at" FROM "notifications"
        WHERE "agreement_id" = $1 AND ($2 OR "organisation_id" = $3) ORDER BY "created_at" DESC LIMIT 500`,
      [agreementId, all, user.organisationId],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, subject: r.subject, body: r.body, recipients: r.recipients, createdAt: r.created_at, sentAt: r.sent_at }));
  }

  async dashboard(agreement: Agreement) {
    const milestones = await this.milestones(agreement.id);
    const today = danishToday();
    const next = milestones.find((m) => m.kind === MilestoneKind.DEADLINE && m.date >= today) ?? null;
    const [counts] = await this.db.query<Array<{ responses: number; comments: number; answered: number }>>(
      `SELECT (SELECT count(*)::int FROM "hearing_responses" r JOIN "hearings" h ON h."id" = r."hearing_id" WHERE h."agreement_id" = $1) AS responses,
              count(c."id")::int AS comments, count(c."reply")::int AS answered
         FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id" JOIN "hearings" h ON h."id" = r."hearing_id"
        WHERE h."agreement_id" = $1`,
      [agreement.id],
    );
    const [{ exists }] = await this.db.query<Array<{ exists: boolean }>>(`SELECT to_regclass('cluster_inputs') IS NOT NULL AS exists`);
    const inputs = exists
      ? (await this.db.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM "cluster_inputs" i JOIN "input_rounds" r ON r."id" = i."round_id" WHERE r."agreement_id" = $1 AND i."submitted_at" IS NOT NULL`,
          [agreement.id],
        ).catch(() => [{ n: 0 }]))[0].n
      : 0;
    return {
      phase: this.effectivePhase(agreement),
      nextDeadline: next,
      daysToEffectiveDate: daysBetween(today, agreement.effectiveDate),
      effectiveDateStatus: this.effectiveDateStatus(agreement, today),
      inputsReceived: inputs,
      hearingResponses: counts.responses,
      hearingComments: counts.comments,
      hearingCommentsAnswered: counts.answered,
      approvals: await this.approvalStatus(agreement),
    };
  }

  finalVersion(agreement: Agreement): Promise<AgreementVersion | null> {
    return agreement.finalVersionId ? this.db.getRepository(AgreementVersion).findOneBy({ id: agreement.finalVersionId }) : Promise.resolve(null);
  }
}
