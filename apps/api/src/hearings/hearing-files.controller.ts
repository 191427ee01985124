import {
  Controller,
  Get,
  Param,
  Post,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { memoryStorage } from 'multer';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { invitationBinding } from '../auth/access-policy';
import { CurrentUser, OpenToInvitationAccounts, RequestId } from '../auth/decorators';
import { badInput, forbidden, notFound } from '../common/domain-error';
import { TooLargeFilter, uploadedFilename } from '../common/uploads';
import { Agreement } from '../agreements/agreement.entity';
import { isUuid } from '../agreements/agreements.service';
import { Attachment } from './attachment.entity';
import { inspectAttachment, MAX_ATTACHMENT_BYTES } from './attachment-inspector';
import { HearingMemoService } from './hearing-memo.service';
import { HearingResponse } from './hearing-response.entity';
import { HearingsService } from './hearings.service';
import { receiptPdf } from './receipt-pdf';
import { decisionDocumentReadable } from './decision-documents';
import { UploadLimits } from './upload-limits';

/** Downloads and uploads of the hearing: attachments, receipts and the memo. */
@Controller('files')
export class HearingFilesController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hearings: HearingsService,
    private readonly memo: HearingMemoService,
    private readonly audit: AuditService,
    private readonly uploadLimits: UploadLimits,
  ) {}

  /** Uploads one PDF or DOCX (field "file"), checked by content; returns its id for submitHearingResponse. */
  @OpenToInvitationAccounts()
  @Post('attachments')
  @UseFilters(TooLargeFilter)
  @UseInterceptors(FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  async upload(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<{ id: string; filename: string; contentType: string; size: number }> {
    if (!file) throw badInput('Vælg en fil at vedhæfte (feltet "file").');
    await this.uploadLimits.admit(user);
    const verdict = await inspectAttachment(file.buffer);
    if (!verdict.ok) throw badInput(verdict.reason);
    const filename = uploadedFilename(file.originalname, 'bilag');
    return this.db.transaction(async (manager) => {
      await this.uploadLimits.reserve(manager, user.organisationId, file.size);
      const [row] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO "attachments" ("organisation_id", "uploaded_by", "filename", "content_type", "size", "sha256", "data")
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING "id"`,
        [user.organisationId, user.id, filename, verdict.contentType, file.size, createHash('sha256').update(file.buffer).digest('hex'), file.buffer],
      );
      await this.audit.record(manager, { actorId: user.id, action: 'attachment.upload', entityType: 'attachment', entityId: row.id, data: { filename, size: file.size }, requestId });
      return { id: row.id, filename, contentType: verdict.contentType, size: file.size };
    });
  }

  /** An attachment, for its organisation and the hearing's secretariat. */
  @OpenToInvitationAccounts()
  @Get('attachments/:id')
  async download(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const attachment = isUuid(id)
      ? await this.db.getRepository(Attachment).createQueryBuilder('a').addSelect('a.data').where('a.id = :id', { id }).getOne()
      : null;
    if (!attachment) throw notFound('Bilaget');
    if (invitationBinding.isBound(user) && !(await this.attachmentInBoundHearing(user, attachment.id))) throw forbidden('Du har ikke adgang til bilaget.');
    if (attachment.organisationId !== user.organisationId) {
      const [link] = await this.db.query<Array<{ hearing_id: string }>>(
        `SELECT r."hearing_id" FROM "hearing_response_attachments" x JOIN "hearing_responses" r ON r."id" = x."response_id" WHERE x."attachment_id" = $1`,
        [attachment.id],
      );
      const hearing = link ? await this.hearings.get(link.hearing_id) : null;
      const readable = hearing ? await this.hearings.canManage(user, hearing) : await decisionDocumentReadable(this.db, user, attachment.id);
      if (!readable) throw forbidden('Du har ikke adgang til bilaget.');
    }
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(attachment.data);
  }

  /** The receipt of a response as PDF, for its organisation and the secretariat. */
  @OpenToInvitationAccounts()
  @Get('hearing-responses/:id/receipt.pdf')
  async receipt(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const response = isUuid(id) ? await this.db.getRepository(HearingResponse).findOneBy({ id }) : null;
    if (!response) throw notFound('Høringssvaret');
    const hearing = await this.hearings.getOrFail(response.hearingId);
    if (!invitationBinding.allows(user, hearing.id)) throw forbidden('Du har ikke adgang til kvitteringen.');
    if (response.organisationId !== user.organisationId && !(await this.hearings.canManage(user, hearing))) {
      throw forbidden('Du har ikke adgang til kvitteringen.');
    }
    const agreement = await this.db.getRepository(Agreement).findOneByOrFail({ id: hearing.agreementId });
    const [org] = await this.db.query<Array<{ name: string }>>('SELECT "name" FROM "organisations" WHERE "id" = $1', [response.organisationId]);
    const attachments = await this.db.query<Array<{ filename: string }>>(
      'SELECT a."filename" FROM "hearing_response_attachments" x JOIN "attachments" a ON a."id" = x."attachment_id" WHERE x."response_id" = $1',
      [response.id],
    );
    const pdf = await receiptPdf({
      reference: response.reference,
      receivedAt: response.receivedAt,
      organisationName: org.name,
      submittedByName: response.submittedByName,
      hearingTitle: hearing.title,
      agreementTitle: agreement.title,
      comments: (await this.hearings.commentsOf(response.id)).length,
      attachments: attachments.map((a) => a.filename),
      publish: response.publish,
      late: response.late,
    });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="kvittering-${response.reference}.pdf"`);
    res.end(pdf);
  }

  /**
   * For an account bound to one hearing: the attachment is its own upload not yet filed, or
   * filed with a response to that hearing.
   */
  private async attachmentInBoundHearing(user: AuthUser, attachmentId: string): Promise<boolean> {
    const rows = await this.db.query<Array<{ hearing_id: string | null; uploaded_by: string }>>(
      `SELECT r."hearing_id", a."uploaded_by" FROM "attachments" a
         LEFT JOIN "hearing_response_attachments" x ON x."attachment_id" = a."id"
         LEFT JOIN "hearing_responses" r ON r."id" = x."response_id"
        WHERE a."id" = $1`,
      [attachmentId],
    );
    return rows.some((r) => (r.hearing_id ? invitationBinding.allows(user, r.hearing_id) : r.uploaded_by === user.id));
  }

  /** The hearing memo as PDF, for the secretariat. */
  @Get('hearings/:id/memo.pdf')
  async memoPdf(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const hearing = await this.hearings.getOrFail(id);
    await this.hearings.requireManage(user, hearing);
    const pdf = await this.memo.pdf(hearing);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="hoeringsnotat.pdf"`);
    res.end(pdf);
  }

  /** The hearing memo as DOCX, for the secretariat. */
  @Get('hearings/:id/memo.docx')
  async memoDocx(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const hearing = await this.hearings.getOrFail(id);
    await this.hearings.requireManage(user, hearing);
    const docx = await this.memo.docx(hearing);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    res.setHeader('Content-Disposition', `attachment; filename="hoeringsnotat.docx"`);
    res.end(docx);
  }
}
