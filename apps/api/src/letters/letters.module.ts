import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { HearingsModule } from '../hearings/hearings.module';
import { LettersResolver } from './letters.resolver';
import { LettersService } from './letters.service';

/** Hearing responses that arrive as letters: read, split into points, each with suggested anchors. */
@Module({
  imports: [HearingsModule, AccessModule],
  providers: [LettersService, LettersResolver],
})
export class LettersModule {}
