import { danishDate, danishToday, daysBetween } from '@aftalerum/dates';
import { Inject, Injectable } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { PUB_SUB, TOPICS } from '../common/pub-sub';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AgreementPhase } from '../agreements/agreement-phase.enum';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import { AgreementsService } from '../agreements/agreements.service';
import { AuditService } from '../audit/audit.service';
import { ScopedData } from '../access/scoped-data';
import { AuthUser } from '../users/auth-user';
import { parseIsoDate } from '../common/date.scalar';
import { badInput, forbidden, notFound } from '../common/domain-error';
import { CollaborationService } from '../collaboration/collaboration.service';
import { RemindersService } from '../notifications/reminders.service';
import { OrganisationKind } from '../organisations/organisation-kind.enum';
import { Organisation } from '../organisations/organisation.entity';
import { CreateMilestoneInput, RecordApprovalInput } from './dtos/timeline.inputs';
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
}

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
  ) {}

  /**
   * The timeline: milestones entered by the secretariat, plus the dates that input rounds
   * and hearings put there themselves, in date order.
   */
  async milestones(agreementId: string): Promise<Milestone[]> {
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
      done: m.done as boolean,
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
    const rows = await this.db.query<ApprovalRow[]>(
      `SELECT "id", "organisation_id", "decision", to_char("decided_at", 'YYYY-MM-DD') AS "decided_at", "meeting_reference", "note", "document_id", "recorded_at"
         FROM "approvals" WHERE "agreement_id" = $1 ORDER BY "decided_at", "recorded_at"`,
      [agreementId],
    );
    const orgs = new Map((await this.db.getRepository(Organisation).findBy({ id: In(rows.map((r) => r.organisation_id)) })).map((o) => [o.id, o]));
    return rows.map((r) => this.toApproval(r, orgs.get(r.organisation_id) as Organisation));
  }

  private toApproval(r: ApprovalRow, organisation: Organisation): Approval {
    return {
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
    const decisions = new Map((await this.approvals(agreement.id)).map((a) => [a.organisation.id, a]));
    const approved = parties.filter((p) => decisions.get(p.id)?.decision === ApprovalDecision.APPROVED);
    const rejected = parties.filter((p) => decisions.get(p.id)?.decision === ApprovalDecision.REJECTED);
    return {
      required: parties.length,
      approved: approved.length,
      rejected: rejected.length,
      pending: parties.filter((p) => !decisions.has(p.id)),
      rejectedBy: rejected,
      parties: parties.map((organisation) => ({
        organisation,
        decision: decisions.get(organisation.id)?.decision ?? null,
        decidedAt: decisions.get(organisation.id)?.decidedAt ?? null,
      })),
    };
  }

  /**
   * Records a party's decision. A municipality records its own; the secretariat any party's.
   * When the last required party approves, the agreement moves on to SUBMITTED and the
   * newest version (or the live draft, frozen now) becomes the final, locked version.
   */
  async recordApproval(user: AuthUser, input: RecordApprovalInput, requestId: string | null): Promise<Approval> {
    const agreement = await this.scoped.one(user, 'agreement', input.agreementId);
    parseIsoDate(input.decidedAt);
    const parties = await this.requiredParties(agreement);
    const party = parties.find((p) => p.id === input.organisationId);
    if (!party) throw badInput('Organisationen skal ikke godkende denne aftale.');
    if (!this.scoped.mayRecordApproval(user, agreement, party.id)) throw forbidden('Du kan kun registrere din egen kommunes beslutning.');
    if (agreement.finalVersionId) throw badInput('Aftalen er allerede godkendt af alle parter; beslutningerne kan ikke ændres.');
    if (input.documentId) {
      const [doc] = await this.db.query<Array<{ organisation_id: string }>>('SELECT "organisation_id" FROM "attachments" WHERE "id" = $1', [input.documentId]);
      if (!doc) throw badInput('Beslutningsdokumentet findes ikke. Upload det igen.');
      // A party's decision is documented by the party or by the secretariat recording it, never
      // by a file someone else uploaded (its id could have leaked through another approval).
      if (doc.organisation_id !== user.organisationId && doc.organisation_id !== party.id) {
        throw forbidden('Beslutningsdokumentet er uploadet af en anden organisation. Upload jeres eget dokument, og prøv igen.');
      }
    }

    let lockedNow = false;
    const approval = await this.db.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM "agreements" WHERE "id" = $1 FOR UPDATE', [agreement.id]);
      const [row] = await manager.query<ApprovalRow[]>(
        `INSERT INTO "approvals" ("agreement_id", "organisation_id", "decision", "decided_at", "meeting_reference", "note", "document_id", "recorded_by")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ("agreement_id", "organisation_id") DO UPDATE SET "decision" = EXCLUDED."decision", "decided_at" = EXCLUDED."decided_at",
           "meeting_reference" = EXCLUDED."meeting_reference", "note" = EXCLUDED."note", "document_id" = EXCLUDED."document_id",
           "recorded_by" = EXCLUDED."recorded_by", "recorded_at" = now()
         RETURNING "id", "organisation_id", "decision", to_char("decided_at", 'YYYY-MM-DD') AS "decided_at", "meeting_reference", "note", "document_id", "recorded_at"`,
        [agreement.id, party.id, input.decision, input.decidedAt, input.meetingReference?.trim() || null, input.note?.trim() || null, input.documentId ?? null, user.id],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'approval.record',
        entityType: 'approval',
        entityId: row.id,
        data: { agreementId: agreement.id, organisationId: party.id, decision: input.decision, decidedAt: input.decidedAt },
        requestId,
      });
      const [{ approved }] = await manager.query<Array<{ approved: number }>>(
        `SELECT count(*)::int AS approved FROM "approvals" WHERE "agreement_id" = $1 AND "decision" = 'APPROVED' AND "organisation_id" = ANY($2::uuid[])`,
        [agreement.id, parties.map((p) => p.id)],
      );
      if (approved === parties.length) {
        const final = await manager.findOne(AgreementVersion, { where: { agreementId: agreement.id }, order: { number: 'DESC' } });
        if (!final) throw badInput('Aftalen har ingen version at låse. Lås en version af udkastet først.');
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
    const recorded = this.toApproval(approval, party);
    void this.pubSub.publish(TOPICS.approval(agreement.id), { approvalRecorded: { ...recorded, agreementId: agreement.id } });
    return recorded;
  }

  /** Moves the agreement to a phase (the secretariat's decision); approval requests go out on APPROVAL. */
  async setPhase(user: AuthUser, agreementId: string, phase: AgreementPhase, requestId: string | null): Promise<Agreement> {
    const agreement = await this.agreements.getManageable(user, agreementId);
    if (agreement.finalVersionId && phase !== AgreementPhase.SUBMITTED && phase !== AgreementPhase.IN_FORCE) {
      throw badInput('Aftalen er godkendt af alle parter og kan ikke føres tilbage til en tidligere fase.');
    }
    await this.db.transaction(async (manager) => {
      await manager.update(Agreement, { id: agreement.id }, { phase });
      await this.audit.record(manager, { actorId: user.id, action: 'agreement.phase', entityType: 'agreement', entityId: agreement.id, data: { from: agreement.phase, to: phase }, requestId });
      if (phase === AgreementPhase.APPROVAL) await this.reminders.requestApprovals(manager, agreement.id);
    });
    return this.db.getRepository(Agreement).findOneByOrFail({ id: agreement.id });
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
