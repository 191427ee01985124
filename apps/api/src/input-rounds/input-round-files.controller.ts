import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../users/auth-user';
import { CurrentUser } from '../auth/decorators';
import { attachmentDisposition } from '../common/content-disposition';
import { inputSummaryDocx } from '../documents/docx/input-summary';
import { InputRoundsService } from './input-rounds.service';

// Letters in any alphabet stay ("å" too); the header's ASCII fallback spells them out.
const fileSafe = (value: string) => value.normalize('NFC').replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 80) || 'inputrunde';

/** Downloads of the input rounds (bearer token, like every route). */
@Controller('files')
export class InputRoundFilesController {
  constructor(private readonly rounds: InputRoundsService) {}

  /** The input summary the SSU discusses, as DOCX, for the secretariat. */
  @Get('input-rounds/:id.docx')
  async summary(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const round = await this.rounds.getOrFail(id);
    const docx = await inputSummaryDocx(await this.rounds.summaryModel(user, round));
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    res.setHeader('Content-Disposition', attachmentDisposition(`input-${fileSafe(round.title)}.docx`));
    res.end(docx);
  }
}
