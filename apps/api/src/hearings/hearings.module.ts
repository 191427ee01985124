import { AccessModule } from '../access/access.module';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { HearingFilesController } from './hearing-files.controller';
import { HearingMemoService } from './hearing-memo.service';
import { AgreementHearingsResolver, AttachmentsResolver, HearingCommentsResolver, HearingResponsesResolver, HearingsResolver } from './hearings.resolver';
import { HearingsService } from './hearings.service';
import { InvitationCodesResolver } from './invitation-codes.resolver';
import { InvitationCodesService } from './invitation-codes.service';
import { UploadCleanupService } from './upload-cleanup.service';
import { UploadLimits } from './upload-limits';
import { PublicHearingResolver } from './public-hearing.resolver';
import { PublicHearingService } from './public-hearing.service';
import { ReadableHearingsResolver } from './readable-hearings.resolver';

@Module({
  imports: [AgreementsModule, AccessModule],
  controllers: [HearingFilesController],
  providers: [HearingsService, PublicHearingService, HearingMemoService, HearingsResolver, HearingResponsesResolver, HearingCommentsResolver, AgreementHearingsResolver, AttachmentsResolver, PublicHearingResolver, ReadableHearingsResolver, UploadLimits, UploadCleanupService, InvitationCodesService, InvitationCodesResolver],
  exports: [HearingsService],
})
export class HearingsModule {}
