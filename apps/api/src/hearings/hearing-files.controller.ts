import {
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import type { AuthUser } from '../users/auth-user';
import { CurrentUser, OpenToInvitationAccounts, RequestId } from '../auth/decorators';
import { attachmentDisposition } from '../common/content-disposition';
import { badInput } from '../common/domain-error';
import { ScopedData } from '../access/scoped-data';
import { TooLargeFilter, uploadedFilename } from '../common/uploads';
import { inspectAttachment, MAX_ATTACHMENT_BYTES } from './attachment-inspector';
import { HearingMemoService } from './hearing-memo.service';
import { HearingsService } from './hearings.service';
import { UploadLimits } from './upload-limits';

/** Downloads and uploads of the hearing: attachments, receipts and the memo. */
@Controller('files')
export class HearingFilesController {
  constructor(
    private readonly hearings: HearingsService,
    private readonly memo: HearingMemoService,
    private readonly scoped: ScopedData,
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
    return this.hearings.storeAttachment(user, { filename: uploadedFilename(file.originalname, 'bilag'), contentType: verdict.contentType, data: file.buffer }, requestId);
  }

  /** An attachment, for its organisation and the secretariat of the hearing; a decision document, for the readers of the approval it documents. */
  @OpenToInvitationAccounts()
  @Get('attachments/:id')
  async download(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    // A decision document is read as the approval it documents is; any other file as the response it belongs to.
    const kind = (await this.scoped.may(user, 'decisionDocument', id)) ? 'decisionDocument' : 'attachment';
    const attachment = await this.hearings.attachmentWithData(await this.scoped.one(user, kind, id));
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Disposition', attachmentDisposition(attachment.filename));
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
    res.setHeader('Content-Disposition', attachmentDisposition(`kvittering-${response.reference}.pdf`));
    res.end(pdf);
  }

  /** The hearing memo as PDF, for the secretariat. */
  @Get('hearings/:id/memo.pdf')
  async memoPdf(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query('compareWith') compareWith: string | undefined, @Res() res: Response): Promise<void> {
    const hearing = await this.hearings.getOrFail(id);
    await this.hearings.requireManage(user, hearing);
    const pdf = await this.memo.pdf(hearing, { compareWithVersionId: typeof compareWith === 'string' && compareWith ? compareWith : null });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', attachmentDisposition('høringsnotat.pdf'));
    res.end(pdf);
  }

  /** The hearing memo as DOCX, for the secretariat. */
  @Get('hearings/:id/memo.docx')
  async memoDocx(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query('compareWith') compareWith: string | undefined, @Res() res: Response): Promise<void> {
    const hearing = await this.hearings.getOrFail(id);
    await this.hearings.requireManage(user, hearing);
    const docx = await this.memo.docx(hearing, { compareWithVersionId: typeof compareWith === 'string' && compareWith ? compareWith : null });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    res.setHeader('Content-Disposition', attachmentDisposition('høringsnotat.docx'));
    res.end(docx);
  }
}
