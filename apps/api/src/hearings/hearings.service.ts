import { collectBlocks, DraftBlock } from '@aftalerum/editor';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import { AgreementsService } from '../agreements/agreements.service';
import { isUuid } from '../common/ids';
import { Clock } from '../common/clock';
import { AuditService } from '../audit/audit.service';
import { ScopedData } from '../access/scoped-data';
import { AuthUser } from '../users/auth-user';
import { badInput, conflict, DomainError, forbidden, notFound } from '../common/domain-error';
import { SharedLimit } from '../common/rate-limiter';
import { AppConfig } from '../config/app-config';
import { PubSubEngine } from 'graphql-subscriptions';
import { PUB_SUB, TOPICS } from '../common/pub-sub';
import { RemindersService } from '../notifications/reminders.service';
import { OrganisationKind } from '../organisations/organisation-kind.enum';
import { Organisation } from '../organisations/organisation.entity';
import { Region } from '../organisations/region.entity';
import { ExtendHearingDeadlineInput, OpenHearingInput } from './dtos/open-hearing.input';
import { PublishHearingMemoInput, ReplyInput, ResponseReplyInput } from './dtos/reply.input';
import { SubmitHearingResponseInput } from './dtos/submit-hearing-response.input';
import { Attachment } from './attachment.entity';
import { HearingComment } from './hearing-comment.entity';
import { receiptPdf } from '../documents/pdf/receipt';
import { canonicalResponse, responseSha256 } from './response-digest';
import { UploadLimits } from './upload-limits';
import { FilingBatch } from './filing-batch';
import { HearingResponse } from './hearing-response.entity';
import { Hearing, hearingStatus, HearingStatus } from './hearing.entity';
import { HearingInvitation } from './dtos/hearing-types';
import { invitationToken, tokenHash } from './invitation-token';
import { disableUnconfirmedAccounts } from './invitation-codes.service';
import { HearingAnalysisService } from './hearing-analysis.service';

export interface SubmitOptions {
  /** Registered by the secretariat after the deadline, flagged late. */
  late?: boolean;
}

@Injectable()
export class HearingsService {
  private readonly blockCache = new Map<string, Map<string, DraftBlock>>();
  private readonly hearingVersions = new Map<string, string>();
  private readonly submitLimiter: SharedLimit;
  private readonly filings: FilingBatch;
  /** The key of invitation links, apart from the login secret. */
  private readonly invitationSecret: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementsService,
    private readonly audit: AuditService,
    private readonly uploadLimits: UploadLimits,
    private readonly reminders: RemindersService,
    config: AppConfig,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly scoped: ScopedData,
    private readonly analysis: HearingAnalysisService,
    private readonly clock: Clock,
  ) {
    if (!config.INVITATION_SECRET) throw new Error('INVITATION_SECRET is not set (startServer sets it)');
    this.invitationSecret = config.INVITATION_SECRET;
    this.filings = new FilingBatch(db);
    this.submitLimiter = new SharedLimit(db, { name: 'hearing-submit', points: config.SUBMIT_RATE_PER_MINUTE, durationSeconds: 60, message: 'For mange indsendelser på kort tid. Vent et minut, og prøv igen.' });
  }

  async get(id: string): Promise<Hearing | null> {
    return isUuid(id) ? this.db.getRepository(Hearing).findOneBy({ id }) : null;
  }

  /**
   * A hearing the user may read (the invited organisations, the secretariat of the agreement's
   * region, ADMIN); null when there is no such hearing, FORBIDDEN for anyone else (the public
   * page, public-hearing.service.ts, is the way for them).
   */
  getReadable(user: AuthUser, id: string): Promise<Hearing | null> {
    return this.scoped.find(user, 'hearing', id);
  }

  async getOrFail(id: string): Promise<Hearing> {
    const hearing = await this.get(id);
    if (!hearing) throw notFound('Høringen');
    return hearing;
  }

  async responseCount(hearingId: string): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM "hearing_responses" WHERE "hearing_id" = $1', [hearingId]);
    return row.n;
  }

  version(hearing: Hearing): Promise<AgreementVersion | null> {
    return this.db.getRepository(AgreementVersion).findOneBy({ id: hearing.versionId });
  }

  /** The hearings of an agreement the user may read, newest first (the agreement's other readers do not see its hearings). */
  async listForAgreement(user: AuthUser, agreementId: string): Promise<Hearing[]> {
    return (await this.scoped.hearings(user)).filter((hearing) => hearing.agreementId === agreementId);
  }

  /** Every hearing the user may read, newest first. */
  listReadable(user: AuthUser): Promise<Hearing[]> {
    return this.scoped.hearings(user);
  }

  /** Whether the user may process the hearing (the secretariat of the agreement's region). */
  canManage(user: AuthUser, hearing: Hearing): Promise<boolean> {
    return this.scoped.may(user, 'hearing', hearing.id, 'change');
  }

  async requireManage(user: AuthUser, hearing: Hearing): Promise<void> {
    await this.scoped.one(user, 'hearing', hearing.id, 'change');
  }

  /** The title of the agreement a hearing is about (whoever reads the hearing may know it; not the live draft). */
  async agreementTitle(hearing: Hearing): Promise<string> {
    return (await this.db.getRepository(Agreement).findOneByOrFail({ id: hearing.agreementId })).title;
  }

  /**
   * Stores an upload of the caller's organisation (checked by content before) within its quota,
   * with its audit row, in one transaction; returns what the client needs to attach it.
   */
  async storeAttachment(
    user: AuthUser,
    file: { filename: string; contentType: string; data: Buffer },
    requestId: string | null,
  ): Promise<{ id: string; filename: string; contentType: string; size: number }> {
    const size = file.data.length;
    return this.db.transaction(async (manager) => {
      await this.uploadLimits.reserve(manager, user.organisationId, size);
      const [row] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO "attachments" ("organisation_id", "uploaded_by", "filename", "content_type", "size", "sha256", "data")
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING "id"`,
        [user.organisationId, user.id, file.filename, file.contentType, size, createHash('sha256').update(file.data).digest('hex'), file.data],
      );
      await this.audit.record(manager, { actorId: user.id, action: 'attachment.upload', entityType: 'attachment', entityId: row.id, data: { filename: file.filename, size }, requestId });
      return { id: row.id, filename: file.filename, contentType: file.contentType, size };
    });
  }

  /** The stored bytes of an attachment the caller was allowed (ScopedData.one(…, 'attachment', …)). */
  async attachmentWithData(attachment: Attachment): Promise<Attachment> {
    return this.db.getRepository(Attachment).createQueryBuilder('a').addSelect('a.data').where('a.id = :id', { id: attachment.id }).getOneOrFail();
  }

  /**
   * The attachments filed with a response, for whoever may read the response (its organisation,
   * the secretariat of the region, ADMIN); FORBIDDEN for anyone else.
   */
  async attachmentsOf(user: AuthUser, response: HearingResponse): Promise<Attachment[]> {
    const readable = await this.scoped.one(user, 'hearingResponse', response.id);
    return this.db
      .getRepository(Attachment)
      .createQueryBuilder('a')
      .innerJoin('hearing_response_attachments', 'x', 'x.attachment_id = a.id')
      .where('x.response_id = :id', { id: readable.id })
      .orderBy('a.createdAt', 'ASC')
      .addOrderBy('a.filename', 'ASC')
      .getMany();
  }

  /** The response as filed, in the canonical text its receipt's SHA-256 is the hash of (response-digest.ts). */
  async filedText(response: HearingResponse): Promise<string> {
    const attachments = await this.db.query<Array<{ filename: string; sha256: string }>>(
      'SELECT a."filename", a."sha256" FROM "hearing_response_attachments" x JOIN "attachments" a ON a."id" = x."attachment_id" WHERE x."response_id" = $1',
      [response.id],
    );
    return canonicalResponse({
      reference: response.reference,
      hearingId: response.hearingId,
      organisationId: response.organisationId,
      receivedAt: response.receivedAt,
      summary: response.summary,
      publish: response.publish,
      late: response.late,
      comments: (await this.commentsOf(response.id)).map((c) => ({ position: c.position, blockId: c.blockId, quote: c.quote, text: c.text })),
      attachments: attachments.map((a) => ({ fileName: a.filename, sha256: a.sha256 })),
    });
  }

  async sha256(response: HearingResponse): Promise<string> {
    return responseSha256(await this.filedText(response));
  }

  /** Who sends a response's receipt: the SSU secretariat of the region of the hearing's agreement. */
  async senderOf(response: HearingResponse): Promise<string> {
    const [row] = await this.db.query<Array<{ name: string }>>(
      `SELECT g."name" FROM "hearings" h JOIN "agreements" a ON a."id" = h."agreement_id" JOIN "regions" g ON g."id" = a."region_id" WHERE h."id" = $1`,
      [response.hearingId],
    );
    return secretariatName(row);
  }

  /** The receipt of a response the caller was allowed, as PDF. */
  async receiptPdf(response: HearingResponse): Promise<Buffer> {
    const hearing = await this.getOrFail(response.hearingId);
    const agreement = await this.db.getRepository(Agreement).findOneByOrFail({ id: hearing.agreementId });
    const [organisation, region, version, comments] = await Promise.all([
      this.organisationOf(response),
      this.db.getRepository(Region).findOneByOrFail({ id: agreement.regionId }),
      this.db.getRepository(AgreementVersion).findOneByOrFail({ id: hearing.versionId }),
      this.commentsOf(response.id),
    ]);
    const attachments = await this.db.query<Array<{ filename: string }>>(
      'SELECT a."filename" FROM "hearing_response_attachments" x JOIN "attachments" a ON a."id" = x."attachment_id" WHERE x."response_id" = $1 ORDER BY a."created_at", a."filename"',
      [response.id],
    );
    const blocks = await this.versionBlocks(version.id);
    return receiptPdf({
      reference: response.reference,
      receivedAt: response.receivedAt,
      senderName: secretariatName(region),
      organisationName: organisation.name,
      submittedByName: response.submittedByName,
      hearingTitle: hearing.title,
      agreementTitle: agreement.title,
      versionLabel: `version ${version.number}, ${version.label}`,
      summary: response.summary,
      comments: comments.map((c) => ({ about: c.blockId ? blockLabel(blocks.get(c.blockId)?.text) : 'Generel bemærkning', quote: c.quote, text: c.text })),
      attachments: attachments.map((a) => a.filename),
      publish: response.publish,
      late: response.late,
      sha256: await this.sha256(response),
    });
  }

  /** The organisation that filed a response. */
  organisationOf(response: Pick<HearingResponse, 'organisationId'>): Promise<Organisation> {
    return this.db.getRepository(Organisation).findOneByOrFail({ id: response.organisationId });
  }

  /** The organisation that made a comment. */
  async organisationOfComment(comment: HearingComment): Promise<Organisation> {
    return this.organisationOf(await this.responseOf(comment));
  }

  /** The response a comment is part of. */
  responseOf(comment: Pick<HearingComment, 'responseId'>): Promise<HearingResponse> {
    return this.db.getRepository(HearingResponse).findOneByOrFail({ id: comment.responseId });
  }

  /**
   * Opens a hearing on a frozen version, inviting organisations. Its status follows the clock
   * from then on. A reference sequence is created for the hearing's receipts.
   */
  async open(user: AuthUser, input: OpenHearingInput, requestId: string | null): Promise<Hearing> {
    if (input.closesAt <= input.opensAt) throw badInput('Høringsfristen skal ligge efter åbningstidspunktet.');
    if (input.closesAt.getTime() <= this.clock.now().getTime()) throw badInput('Høringsfristen skal ligge i fremtiden.');
    const version = isUuid(input.versionId) ? await this.db.getRepository(AgreementVersion).findOneBy({ id: input.versionId }) : null;
    if (!version) throw notFound('Versionen');
    const agreement = await this.agreements.getManageable(user, version.agreementId);
    const invited = [...new Set(input.invitedOrganisationIds)];
    const organisations = invited.length ? await this.db.getRepository(Organisation).findBy({ id: In(invited) }) : [];
    if (organisations.length !== invited.length) throw badInput('En eller flere inviterede organisationer findes ikke.');
    // The SSU and similar bodies, and regions (their secretariats), run the hearing; they do not answer it.
    const ineligible = organisations.filter((o) => NOT_INVITABLE.has(o.kind)).map((o) => o.name);
    if (ineligible.length) {
      throw badInput(`${ineligible.sort((a, b) => a.localeCompare(b, 'da')).join(', ')} kan ikke inviteres til at afgive høringssvar: udvalg og regioner behandler høringen.`);
    }
    const region = await this.db.getRepository(Region).findOneByOrFail({ id: agreement.regionId });

    const opened = await this.db.transaction(async (manager) => {
      // Receipt references are journal numbers: SA24-H-0001 for the agreement's first hearing,
      // SA24-H2-0001 for a second one, and so on.
      await manager.query('SELECT 1 FROM "agreements" WHERE "id" = $1 FOR UPDATE', [agreement.id]);
      const [{ n }] = await manager.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM "hearings" WHERE "agreement_id" = $1', [agreement.id]);
      const hearing = manager.create(Hearing, {
        agreementId: agreement.id,
        versionId: version.id,
        title: input.title?.trim() || `Bred høring over ${version.label}`,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        referencePrefix: `SA${String(agreement.periodStart).slice(-2)}-${region.code}${n === 0 ? '' : n + 1}`,
        createdById: user.id,
        createdAt: this.clock.now(),
      });
      await manager.save(hearing);
      await manager.query(`CREATE SEQUENCE "${sequenceName(hearing.id)}" START 1`);
      for (const organisation of organisations) {
        const id = randomUUID();
        const nonce = newNonce();
        await manager.query(
          `INSERT INTO "hearing_invitations" ("id", "hearing_id", "organisation_id", "nonce", "token_hash") VALUES ($1, $2, $3, $4, $5)`,
          [id, hearing.id, organisation.id, nonce, tokenHash(invitationToken(this.invitationSecret, id, nonce))],
        );
      }
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'hearing.open',
        entityType: 'hearing',
        entityId: hearing.id,
        data: { versionId: version.id, opensAt: input.opensAt.toISOString(), closesAt: input.closesAt.toISOString(), invited: invited.length },
        requestId,
      });
      // In the transaction: a hearing exists with its reminders or not at all.
      await this.reminders.scheduleDeadline(manager, 'HEARING', hearing.id, hearing.closesAt);
      return hearing;
    });
    return opened;
  }

  /** Moves the deadline; logged and shown on the public page. */
  async extendDeadline(user: AuthUser, input: ExtendHearingDeadlineInput, requestId: string | null): Promise<Hearing> {
    const hearing = await this.getOrFail(input.hearingId);
    await this.requireManage(user, hearing);
    if (input.closesAt <= hearing.closesAt) throw badInput('Den nye frist skal ligge efter den nuværende frist.');
    const extended = await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "hearing_deadline_changes" ("hearing_id", "previous_closes_at", "closes_at", "reason", "changed_by") VALUES ($1, $2, $3, $4, $5)`,
        [hearing.id, hearing.closesAt, input.closesAt, input.reason.trim(), user.id],
      );
      await manager.update(Hearing, { id: hearing.id }, { closesAt: input.closesAt });
      this.hearingVersions.delete(hearing.id);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'hearing.extend-deadline',
        entityType: 'hearing',
        entityId: hearing.id,
        data: { from: hearing.closesAt.toISOString(), to: input.closesAt.toISOString(), reason: input.reason },
        requestId,
      });
      const updated = await manager.findOneByOrFail(Hearing, { id: hearing.id });
      await this.reminders.scheduleDeadline(manager, 'HEARING', updated.id, updated.closesAt);
      return updated;
    });
    return extended;
  }

  async deadlineChanges(hearingId: string) {
    const rows = await this.db.query<Array<{ previous_closes_at: Date; closes_at: Date; reason: string; changed_at: Date }>>(
      `SELECT "previous_closes_at", "closes_at", "reason", "changed_at" FROM "hearing_deadline_changes" WHERE "hearing_id" = $1 ORDER BY "id"`,
      [hearingId],
    );
    return rows.map((r) => ({ previousClosesAt: r.previous_closes_at, closesAt: r.closes_at, reason: r.reason, changedAt: r.changed_at }));
  }

  /** The invitations with their links (for the secretariat to send); a withdrawn one has none. */
  async invitations(hearingId: string): Promise<HearingInvitation[]> {
    const rows = await this.db.query<InvitationRow[]>(`${INVITATION_SELECT} WHERE i."hearing_id" = $1`, [hearingId]);
    return rows.map((r) => this.invitationOf(r)).sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'da'));
  }

  private invitationOf(r: InvitationRow): HearingInvitation {
    return {
      id: r.id,
      organisationId: r.organisation_id,
      organisationName: r.name,
      link: r.withdrawn_at ? null : `/hoering/invitation/${invitationToken(this.invitationSecret, r.id, r.nonce)}`,
      answered: r.answered,
      issuedAt: r.issued_at,
      withdrawnAt: r.withdrawn_at,
    };
  }

  /** An invitation with the hearing it belongs to, for the secretariat of that hearing only. */
  private async manageableInvitation(user: AuthUser, invitationId: string) {
    const rows = isUuid(invitationId) ? await this.db.query<InvitationRow[]>(`${INVITATION_SELECT} WHERE i."id" = $1`, [invitationId]) : [];
    if (rows.length === 0) throw notFound('Invitationen');
    const hearing = await this.getOrFail(rows[0].hearing_id);
    if (!(await this.canManage(user, hearing))) throw forbidden('Kun sekretariatet for aftalen kan trække invitationer tilbage og udstede nye links.');
    return { row: rows[0], hearing };
  }

  /**
   * Withdraws an invitation's link: it stops working at once, and so do the accounts created
   * through it that are not confirmed yet (see disableUnconfirmedAccounts). The organisation
   * stays invited.
   */
  async withdrawInvitation(user: AuthUser, invitationId: string, requestId: string | null): Promise<HearingInvitation> {
    const { row } = await this.manageableInvitation(user, invitationId);
    if (row.withdrawn_at) return this.invitationOf(row);
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE "hearing_invitations" SET "withdrawn_at" = now(), "withdrawn_by" = $2 WHERE "id" = $1`, [row.id, user.id]);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'hearing.invitation-withdrawn',
        entityType: 'hearing_invitation',
        entityId: row.id,
        data: { hearingId: row.hearing_id, organisationId: row.organisation_id },
        requestId,
      });
      await disableUnconfirmedAccounts(manager, this.audit, row.id, user.id, requestId);
    });
    return this.reloadInvitation(row.id);
  }

  /** A new link for an invitation (also after a withdrawal); every earlier link stops working. */
  async reissueInvitation(user: AuthUser, invitationId: string, requestId: string | null): Promise<HearingInvitation> {
    const { row, hearing } = await this.manageableInvitation(user, invitationId);
    if (hearingStatus(hearing) === HearingStatus.CLOSED) throw conflict('Høringen er afsluttet, så der kan ikke udstedes nye invitationslinks.');
    const nonce = newNonce();
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE "hearing_invitations" SET "nonce" = $2, "token_hash" = $3, "issued_at" = now(), "withdrawn_at" = NULL, "withdrawn_by" = NULL WHERE "id" = $1`,
        [row.id, nonce, tokenHash(invitationToken(this.invitationSecret, row.id, nonce))],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'hearing.invitation-reissued',
        entityType: 'hearing_invitation',
        entityId: row.id,
        data: { hearingId: row.hearing_id, organisationId: row.organisation_id, wasWithdrawn: Boolean(row.withdrawn_at) },
        requestId,
      });
    });
    return this.reloadInvitation(row.id);
  }

  private async reloadInvitation(id: string): Promise<HearingInvitation> {
    const [row] = await this.db.query<InvitationRow[]>(`${INVITATION_SELECT} WHERE i."id" = $1`, [id]);
    return this.invitationOf(row);
  }

  async isInvited(hearingId: string, organisationId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM "hearing_invitations" WHERE "hearing_id" = $1 AND "organisation_id" = $2', [hearingId, organisationId]);
    return rows.length > 0;
  }

  /**
   * Files a response on behalf of an organisation in one transaction: the response, its
   * comments (each anchored to a block of the hearing version) and its attachments, with a
   * unique reference. The same idempotency key returns the same receipt. The database work is
   * one call of the `submit_hearing_response` function, and the calls that arrive together go
   * as one statement (filing-batch.ts), so a burst near the deadline costs few round trips.
   */
  async submit(user: AuthUser, input: SubmitHearingResponseInput, requestId: string | null, options: SubmitOptions = {}): Promise<HearingResponse> {
    // An organisation's people file within one allowance together, so accounts made from one
    // link cannot multiply it; the secretariat registering late responses counts as itself.
    await this.submitLimiter.hit(options.late || !user.organisationId ? `user:${user.id}` : `organisation:${user.organisationId}`);
    if (options.late) {
      await this.requireManage(user, await this.getOrFail(input.hearingId));
    } else if (user.organisationId !== input.organisationId) {
      throw forbidden('Du kan kun afgive høringssvar på vegne af din egen organisation.');
    }
    if (!this.scoped.mayActInHearing(user, input.hearingId)) throw forbidden(BOUND_ELSEWHERE);
    if (input.comments.length === 0 && !input.summary?.trim()) {
      throw badInput('Skriv et resumé eller mindst én kommentar, før du indsender.');
    }
    const versionId = await this.hearingVersionId(input.hearingId);
    const blocks = await this.versionBlocks(versionId);
    input.comments.forEach((comment, index) => {
      if (comment.blockId) {
        const block = blocks.get(comment.blockId);
        if (!block) throw badInput(`Kommentar ${index + 1} peger på et afsnit, der ikke findes i høringsudkastet.`);
        if (comment.quote && !block.text.includes(comment.quote)) {
          throw badInput(`Citatet i kommentar ${index + 1} findes ikke i det afsnit, kommentaren peger på.`);
        }
      }
    });
    const summary = input.summary?.trim() || null;
    const comments = input.comments.map((c) => ({ blockId: c.blockId || null, quote: c.quote || null, text: c.text.trim() }));
    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    const row = await this.filings.file({
      hearingId: input.hearingId,
      organisationId: input.organisationId,
      idempotencyKey: input.idempotencyKey,
      summary,
      publish: input.publish,
      late: Boolean(options.late),
      userId: user.id,
      userName: user.name,
      comments,
      attachmentIds,
      requestId,
      checkDeadline: !options.late,
      now: this.clock.now(),
    });
    switch (row.outcome) {
      case 'created': {
        const response = Object.assign(new HearingResponse(), {
          id: row.id,
          hearingId: input.hearingId,
          organisationId: input.organisationId,
          reference: row.reference,
          idempotencyKey: input.idempotencyKey,
          summary,
          publish: input.publish,
          late: Boolean(options.late),
          submittedById: user.id,
          submittedByName: user.name,
          receivedAt: row.received_at,
        });
        void this.pubSub.publish(TOPICS.hearingResponse(input.hearingId), { hearingResponseReceived: response });
        // Campaigns and themes are computed by a job, not while the secretariat reads them.
        void this.analysis.request(input.hearingId);
        return response;
      }
      case 'existing':
        return this.db.getRepository(HearingResponse).findOneByOrFail({ id: row.id as string });
      case 'no-hearing':
        throw notFound('Høringen');
      case 'not-open':
        throw badInput('Høringen er ikke åbnet endnu. Du kan svare, når den åbner.');
      case 'closed':
        throw new DomainError('DEADLINE_PASSED', 'Høringsfristen er overskredet. Kontakt sekretariatet, hvis I vil indsende et sent høringssvar.');
      case 'not-invited':
        throw forbidden('Organisationen er ikke inviteret til denne høring.');
      case 'bad-attachments':
        throw badInput('Et af bilagene findes ikke eller tilhører en anden organisation. Vedhæft det igen.');
      case 'attachment-used':
        throw conflict('Et af bilagene er allerede indsendt med et andet høringssvar.');
      default:
        throw new Error(`submit_hearing_response answered ${row.outcome}`);
    }
  }

  /** The version a hearing is on; it never changes, so it is remembered. */
  private async hearingVersionId(hearingId: string): Promise<string> {
    let versionId = this.hearingVersions.get(hearingId);
    if (!versionId) {
      const hearing = await this.get(hearingId);
      if (!hearing) throw notFound('Høringen');
      versionId = hearing.versionId;
      if (this.hearingVersions.size >= 500) this.hearingVersions.clear();
      this.hearingVersions.set(hearingId, versionId);
    }
    return versionId;
  }

  /** The blocks of a (frozen, so cacheable) version by id: checked for every comment anchor. */
  private async versionBlocks(versionId: string): Promise<Map<string, DraftBlock>> {
    let blocks = this.blockCache.get(versionId);
    if (!blocks) {
      const version = await this.db.getRepository(AgreementVersion).findOneByOrFail({ id: versionId });
      blocks = new Map(collectBlocks(version.content).map((b) => [b.blockId, b]));
      if (this.blockCache.size >= 50) this.blockCache.delete(this.blockCache.keys().next().value as string);
      this.blockCache.set(versionId, blocks);
    }
    return blocks;
  }

  /** Saves what the person has written so far (autosave); one draft per person and organisation. */
  async saveDraft(user: AuthUser, hearingId: string, organisationId: string, content: string): Promise<Date> {
    await this.submitLimiter.hit(user.id);
    if (user.organisationId !== organisationId) throw forbidden('Du kan kun skrive kladder for din egen organisation.');
    if (!this.scoped.mayActInHearing(user, hearingId)) throw forbidden(BOUND_ELSEWHERE);
    const hearing = await this.getOrFail(hearingId);
    if (!(await this.isInvited(hearing.id, organisationId))) throw forbidden('Organisationen er ikke inviteret til denne høring.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      throw badInput('Kladden kunne ikke læses.');
    }
    const [row] = await this.db.query<Array<{ updated_at: Date }>>(
      `INSERT INTO "hearing_response_drafts" ("hearing_id", "organisation_id", "user_id", "content") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("hearing_id", "organisation_id", "user_id") DO UPDATE SET "content" = EXCLUDED."content", "updated_at" = now()
       RETURNING "updated_at"`,
      [hearingId, organisationId, user.id, JSON.stringify(parsed)],
    );
    return row.updated_at;
  }

  async loadDraft(user: AuthUser, hearingId: string): Promise<string | null> {
    if (!this.scoped.mayActInHearing(user, hearingId)) return null;
    const rows = await this.db.query<Array<{ content: unknown }>>(
      'SELECT "content" FROM "hearing_response_drafts" WHERE "hearing_id" = $1 AND "organisation_id" = $2 AND "user_id" = $3',
      [hearingId, user.organisationId, user.id],
    );
    return rows.length ? JSON.stringify(rows[0].content) : null;
  }

  /** Responses the user may see: all for the secretariat, their own organisation's otherwise. */
  responses(user: AuthUser, hearing: Hearing): Promise<HearingResponse[]> {
    return this.scoped.hearingResponses(user, hearing);
  }

  commentsOf(responseId: string): Promise<HearingComment[]> {
    return this.db.getRepository(HearingComment).find({ where: { responseId }, order: { position: 'ASC' } });
  }

  /** The secretariat's answer to one point, with its outcome and the block that changed. */
  async reply(user: AuthUser, input: ReplyInput, requestId: string | null): Promise<HearingComment> {
    const comment = await this.scoped.one(user, 'hearingComment', input.commentId, 'change');
    return this.db.transaction(async (manager) => {
      await manager.update(
        HearingComment,
        { id: comment.id },
        { reply: input.reply.trim(), outcome: input.outcome, changedBlockId: input.changedBlockId || null, repliedById: user.id, repliedAt: this.clock.now() },
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'hearing.comment.reply',
        entityType: 'hearing_comment',
        entityId: comment.id,
        data: { outcome: input.outcome },
        requestId,
      });
      return manager.findOneByOrFail(HearingComment, { id: comment.id });
    });
  }

  /** The secretariat's answer to a response's general remarks (its summary), audited like a comment's reply. */
  async replyToResponse(user: AuthUser, input: ResponseReplyInput, requestId: string | null): Promise<HearingResponse> {
    const response = await this.scoped.one(user, 'hearingResponse', input.responseId, 'change');
    if (!response.summary) throw badInput('Høringssvaret har ingen generelle bemærkninger at besvare. Besvar kommentarerne hver for sig.');
    return this.db.transaction(async (manager) => {
      await manager.update(HearingResponse, { id: response.id }, { reply: input.reply.trim(), outcome: input.outcome, repliedById: user.id, repliedAt: this.clock.now() });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'hearing.response.reply',
        entityType: 'hearing_response',
        entityId: response.id,
        data: { outcome: input.outcome },
        requestId,
      });
      return manager.findOneByOrFail(HearingResponse, { id: response.id });
    });
  }

  /** Publishes the hearing memo on the public page (with the secretariat's replies), compared with the chosen version. */
  async publishMemo(user: AuthUser, input: PublishHearingMemoInput, requestId: string | null): Promise<Hearing> {
    const hearing = await this.scoped.one(user, 'hearing', input.hearingId, 'change');
    if (hearingStatus(hearing, this.clock.now()) !== HearingStatus.CLOSED) throw conflict('Høringsnotatet kan først offentliggøres, når høringen er afsluttet.');
    if (input.compareWithVersionId) {
      const version = await this.db.getRepository(AgreementVersion).findOneBy({ id: input.compareWithVersionId, agreementId: hearing.agreementId });
      if (!version) throw badInput('Den valgte version hører ikke til aftalen. Vælg en af aftalens versioner.');
    }
    return this.db.transaction(async (manager) => {
      await manager.update(Hearing, { id: hearing.id }, { memoPublishedAt: this.clock.now(), memoPublishedById: user.id, memoComparedVersionId: input.compareWithVersionId || null });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'hearing.memo.publish',
        entityType: 'hearing',
        entityId: hearing.id,
        data: { compareWithVersionId: input.compareWithVersionId || null },
        requestId,
      });
      return manager.findOneByOrFail(Hearing, { id: hearing.id });
    });
  }

  /** Comments per block of the hearing version (the heat map). */
  async blockCounts(hearingId: string) {
    const rows = await this.db.query<Array<{ block_id: string; comments: number; answered: number }>>(
      `SELECT c."block_id", count(*)::int AS comments, count(c."reply")::int AS answered
         FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id"
        WHERE r."hearing_id" = $1 AND c."block_id" IS NOT NULL GROUP BY c."block_id"`,
      [hearingId],
    );
    return rows.map((r) => ({ blockId: r.block_id, comments: r.comments, answered: r.answered }));
  }

  /** Every comment of the hearing, filtered, with the organisation that made it. */
  async comments(hearingId: string, filter: { organisationId?: string | null; kind?: string | null; outcome?: string | null; unanswered?: boolean | null; search?: string | null }) {
    const params: unknown[] = [hearingId];
    const where = ['r."hearing_id" = $1'];
    if (filter.organisationId) {
      params.push(filter.organisationId);
      where.push(`r."organisation_id" = $${params.length}`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`o."kind" = $${params.length}`);
    }
    if (filter.outcome) {
      params.push(filter.outcome);
      where.push(`c."outcome" = $${params.length}`);
    }
    if (filter.unanswered) where.push('c."reply" IS NULL');
    if (filter.search?.trim()) {
      params.push(filter.search.trim());
      where.push(`c."search" @@ websearch_to_tsquery('danish', $${params.length})`);
    }
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT c."id" FROM "hearing_comments" c
         JOIN "hearing_responses" r ON r."id" = c."response_id"
         JOIN "organisations" o ON o."id" = r."organisation_id"
        WHERE ${where.join(' AND ')}
        ORDER BY r."received_at", c."position"`,
      params,
    );
    const byId = new Map((await this.db.getRepository(HearingComment).findBy({ id: In(rows.map((r) => r.id)) })).map((c) => [c.id, c]));
    return rows.map((r) => byId.get(r.id)).filter((c): c is HearingComment => Boolean(c));
  }
}

/** Who sends a receipt: the SSU secretariat of the agreement's region. */
export const secretariatName = (region: Pick<Region, 'name'>) => `Sekretariatet for Sundhedssamarbejdsudvalget (SSU), ${region.name}`;

/** A block of the hearing draft as a receipt names it: its first words. */
const blockLabel = (text: string | undefined) => {
  if (!text) return 'Et afsnit, der ikke længere findes';
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return `Til afsnittet »${trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed}«`;
};

/** Organisations that run a hearing rather than answer it: the SSU and similar bodies, regions. */
const NOT_INVITABLE = new Set<OrganisationKind>([OrganisationKind.COMMITTEE, OrganisationKind.REGION]);

const BOUND_ELSEWHERE = 'Kontoen er oprettet gennem invitationen til en anden høring og kan kun bruges til den.';

const newNonce = () => randomBytes(16).toString('hex');

interface InvitationRow {
  id: string;
  hearing_id: string;
  organisation_id: string;
  name: string;
  nonce: string;
  issued_at: Date;
  withdrawn_at: Date | null;
  answered: boolean;
}

const INVITATION_SELECT = `SELECT i."id", i."hearing_id", i."organisation_id", o."name", i."nonce", i."issued_at", i."withdrawn_at",
       EXISTS (SELECT 1 FROM "hearing_responses" r WHERE r."hearing_id" = i."hearing_id" AND r."organisation_id" = i."organisation_id") AS answered
  FROM "hearing_invitations" i JOIN "organisations" o ON o."id" = i."organisation_id"`;

export const sequenceName = (hearingId: string) => `hearing_reference_${hearingId.replace(/-/g, '')}`;
