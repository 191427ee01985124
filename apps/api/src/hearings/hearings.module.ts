import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { PubSubModule } from '../common/pub-sub.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { LiveModule } from '../live/live.module';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { HearingFilesController } from './hearing-files.controller';
import { HearingMemoService } from './hearing-memo.service';
import { AgreementHearingsResolver, AttachmentsResolver, HearingCommentConnectionResolver, HearingCommentsResolver, HearingResponsesResolver, HearingsResolver } from './hearings.resolver';
import { HearingCommentsService } from './hearing-comments.service';
import { HearingsService } from './hearings.service';
import { HearingAnalysisService } from './hearing-analysis.service';
import { CommentThemeResolver, HearingThemesResolver, ResponseCampaignResolver } from './hearing-themes.resolver';
import { HearingThemesService } from './hearing-themes.service';
import { InvitationCodesResolver } from './invitation-codes.resolver';
import { InvitationCodesService } from './invitation-codes.service';
import { UploadCleanupService } from './upload-cleanup.service';
import { UploadLimits } from './upload-limits';
import { PublicHearingResolver } from './public-hearing.resolver';
import { PublicHearingService } from './public-hearing.service';
import { ReadableHearingsResolver } from './readable-hearings.resolver';
// The scoped kinds of row this feature owns, registered with the access layer.
import './hearing.scopes';

@Module({
  imports: [AgreementsModule, AccessModule, AuditModule, AuthModule, PubSubModule, NotificationsModule, LiveModule],
  controllers: [HearingFilesController],
  providers: [HearingsService, HearingCommentsService, HearingCommentConnectionResolver, PublicHearingService, HearingMemoService, HearingsResolver, HearingResponsesResolver, HearingCommentsResolver, AgreementHearingsResolver, AttachmentsResolver, PublicHearingResolver, ReadableHearingsResolver, UploadLimits, UploadCleanupService, InvitationCodesService, InvitationCodesResolver, HearingAnalysisService, HearingThemesService, HearingThemesResolver, CommentThemeResolver, ResponseCampaignResolver],
  exports: [HearingsService],
})
export class HearingsModule {}
