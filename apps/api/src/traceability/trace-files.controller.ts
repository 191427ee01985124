import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser } from '../auth/decorators';
import { attachmentDisposition } from '../common/content-disposition';
import { traceDocx } from '../documents/docx/trace';
import type { AuthUser } from '../users/auth-user';
import { TraceReportsService } from './trace-reports.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const versionParam = (to: unknown) => (typeof to === 'string' && to ? to : null);

/** "What we said — what changed" as Word, for the secretariat. */
@Controller('files')
export class TraceFilesController {
  constructor(private readonly reports: TraceReportsService) {}

  @Get('hearings/:id/trace/:organisationId.docx')
  async hearing(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('organisationId') organisationId: string, @Query('to') to: unknown, @Res() res: Response): Promise<void> {
    const trace = await this.reports.forHearing(user, id, organisationId, versionParam(to));
    res.setHeader('Content-Type', DOCX);
    res.setHeader('Content-Disposition', attachmentDisposition(`${trace.title} – hvad der blev ændret.docx`));
    res.end(await traceDocx(await this.reports.model(trace)));
  }

  @Get('input-rounds/:id/trace/:organisationId.docx')
  async inputRound(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('organisationId') organisationId: string, @Query('to') to: unknown, @Res() res: Response): Promise<void> {
    const trace = await this.reports.forInputRound(user, id, organisationId, versionParam(to));
    res.setHeader('Content-Type', DOCX);
    res.setHeader('Content-Disposition', attachmentDisposition(`${trace.title} – hvad der blev ændret.docx`));
    res.end(await traceDocx(await this.reports.model(trace)));
  }
}
