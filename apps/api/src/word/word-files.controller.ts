import {
  Body,
  Controller,
  Get,
  HttpCode,
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
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { Role } from '../users/role.enum';
import { attachmentDisposition } from '../common/content-disposition';
import { badInput } from '../common/domain-error';
import { TooLargeFilter, uploadedFilename } from '../common/uploads';
import { MAX_IMPORT_BYTES } from './docx-reader';
import { ConfirmImportBody } from './dtos/confirm-import.body';
import { ConfirmWordSuggestionsBody } from './dtos/confirm-word-suggestions.body';
import { ExportFile, WordExportService } from './word-export.service';
import { ImportPreview, ImportResult, UploadedDocx, WordImportService } from './word-import.service';
import { WordSuggestionsPreview, WordSuggestionsResult, WordSuggestionsService } from './word-suggestions.service';

const upload = () => FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });

function uploaded(file: Express.Multer.File | undefined): UploadedDocx {
  if (!file) throw badInput('Vælg et Word-dokument (.docx) at importere (feltet "file").');
  const filename = uploadedFilename(file.originalname, 'dokument.docx');
  return { buffer: file.buffer, filename };
}

function send(res: Response, file: ExportFile): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', attachmentDisposition(file.filename));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(file.data);
}

/** Word round-trip over HTTP: import a DOCX as a draft; export the agreement as DOCX, PDF or HTML. */
@Controller('files')
export class WordFilesController {
  constructor(
    private readonly imports: WordImportService,
    private readonly exports: WordExportService,
    private readonly suggestions: WordSuggestionsService,
  ) {}

  /** Reads an uploaded DOCX (field "file") and returns its headings with a suggested kind each. */
  @Post('imports/preview')
  @HttpCode(200)
  @Roles(Role.SECRETARIAT)
  @UseFilters(TooLargeFilter)
  @UseInterceptors(upload())
  preview(@UploadedFile() file: Express.Multer.File | undefined): Promise<ImportPreview> {
    return this.imports.preview(uploaded(file));
  }

  /** Imports the same DOCX again with the confirmed kinds, into a new or an existing agreement. */
  @Post('imports/confirm')
  @HttpCode(201)
  @Roles(Role.SECRETARIAT)
  @UseFilters(TooLargeFilter)
  @UseInterceptors(upload())
  confirm(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ConfirmImportBody,
  ): Promise<ImportResult> {
    return this.imports.confirm(user, uploaded(file), body, requestId);
  }

  /**
   * "Indlæs ændringer fra Word": reads a DOCX of the draft edited with track changes and
   * comments, and shows which suggestions and comments it brings in, on which paragraphs.
   */
  @Post('agreements/:id/word-suggestions/preview')
  @HttpCode(200)
  @Roles(Role.SECRETARIAT, Role.CLUSTER, Role.MUNICIPALITY)
  @UseFilters(TooLargeFilter)
  @UseInterceptors(upload())
  suggestionsPreview(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<WordSuggestionsPreview> {
    return this.suggestions.preview(user, id, uploaded(file));
  }

  /** Brings the same DOCX's tracked changes in as suggestions, and its comments as threads, in the uploader's name. */
  @Post('agreements/:id/word-suggestions/confirm')
  @HttpCode(201)
  @Roles(Role.SECRETARIAT, Role.CLUSTER, Role.MUNICIPALITY)
  @UseFilters(TooLargeFilter)
  @UseInterceptors(upload())
  suggestionsConfirm(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('id') id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ConfirmWordSuggestionsBody,
  ): Promise<WordSuggestionsResult> {
    return this.suggestions.confirm(user, id, uploaded(file), body.importId, requestId);
  }

  /** The agreement as a clean DOCX: title page, table of contents, numbered sections. */
  @Get('agreements/:id/agreement.docx')
  async agreementDocx(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query('versionId') versionId: string | undefined, @Res() res: Response): Promise<void> {
    send(res, await this.exports.agreementDocx(user, id, versionId));
  }

  /** Version `to` (or the live draft) with the changes since version `from` as Word tracked changes. */
  @Get('agreements/:id/compare.docx')
  async compareDocx(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.exports.comparisonDocx(user, id, from, to));
  }

  /** The agreement as a tagged, accessible PDF in Danish. */
  @Get('agreements/:id/agreement.pdf')
  async agreementPdf(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query('versionId') versionId: string | undefined, @Res() res: Response): Promise<void> {
    send(res, await this.exports.agreementPdf(user, id, versionId));
  }

  /** The agreement as print-ready, accessible HTML (lang="da", semantic headings). */
  @Get('agreements/:id/agreement.html')
  async agreementHtml(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query('versionId') versionId: string | undefined, @Res() res: Response): Promise<void> {
    send(res, await this.exports.agreementHtml(user, id, versionId));
  }
}
