import { AccessModule } from '../access/access.module';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { HearingFilesController } from './hearing-files.controller';
import { HearingMemoService } from './hearing-memo.service';
import { AgreementHearingsResolver, HearingCommentsResolver, HearingResponsesResolver, HearingsResolver } from './hearings.resolver';
import { HearingsService } from './hearings.service';
import { PublicHearingResolver } from './public-hearing.resolver';
import { PublicHearingService } from './public-hearing.service';
import { ReadableHearingsResolver } from './readable-hearings.resolver';

@Module({
  imports: [AgreementsModule, AccessModule],
  controllers: [HearingFilesController],
  providers: [HearingsService, PublicHearingService, HearingMemoService, HearingsResolver, HearingResponsesResolver, HearingCommentsResolver, AgreementHearingsResolver, PublicHearingResolver, ReadableHearingsResolver],
  exports: [HearingsService],
})
export class HearingsModule {}
