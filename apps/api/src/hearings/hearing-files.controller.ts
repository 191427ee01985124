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
import { CurrentUser, OpenToInvitationAccounts, RequestId } from '../auth/decorators';
import { badInput } from '../common/domain-error';
import { ScopedData } from '../access/scoped-data';
import { TooLargeFilter, uploadedFilename } from '../common/uploads';
import { inspectAttachment, MAX_ATTACHMENT_BYTES } from './attachment-inspector';
import { HearingMemoService } from './hearing-memo.service';
import { HearingsService } from './hearings.service';

/** Downloads and uploads of the hearing: attachments, receipts and the memo. */
@Controller('files')
export class HearingFilesController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hearings: HearingsService,
    private readonly memo: HearingMemoService,
    private readonly audit: AuditService,
    private readonly scoped: ScopedData,
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
    const verdict = await inspectAttachment(file.buffer);
    if (!verdict.ok) throw badInput(verdict.reason);
    const filename = uploadedFilename(file.originalname, 'bilag');
    return this.db.transaction(async (manager) => {
      const [row] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO "attachments" ("organisation_id", "uploaded_by", "filename", "content_type", "size", "sha256", "data")
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING "id"`,
        [user.organisationId, user.id, filename, verdict.contentType, file.size, createHash('sha256').update(file.buffer).digest('hex'), file.buffer],
      );
      await this.audit.record(manager, { actorId: user.id, action: 'attachment.upload', entityType: 'attachment', entityId: row.id, data: { filename, size: file.size }, requestId });
      return { id: row.id, filename, contentType: verdict.contentType, size: file.size };
    });
  }

  /** An attachment, for its organisation and the secretariat of the hearing (or of the approval it documents). */
  @OpenToInvitationAccounts()
  @Get('attachments/:id')
  async download(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const attachment = await this.hearings.attachmentWithData(await this.scoped.one(user, 'attachment', id));
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(attachment.data);
  }

  /** The receipt of a response as PDF, for its organisation and the secretariat. */
  @OpenToInvitationAccounts()
  @Get('hearing-responses/:id/receipt.pdf')
  async receipt(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const response = await this.scoped.one(user, 'hearingResponse', id);
    const pdf = await this.hearings.receiptPdf(response);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="kvittering-${response.reference}.pdf"`);
    res.end(pdf);
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
