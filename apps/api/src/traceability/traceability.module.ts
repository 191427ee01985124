import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AgreementsModule } from '../agreements/agreements.module';
import { TraceFilesController } from './trace-files.controller';
import { TraceReportsService } from './trace-reports.service';
import { AgreementAnchorsResolver, HearingCommentChangeResolver, InputItemChangeResolver, TraceReportsResolver } from './traceability.resolver';
import { TraceabilityService } from './traceability.service';

/** What became of the paragraphs hearing comments and cluster input point to. */
@Module({
  imports: [AgreementsModule, AccessModule],
  controllers: [TraceFilesController],
  providers: [TraceabilityService, TraceReportsService, HearingCommentChangeResolver, InputItemChangeResolver, AgreementAnchorsResolver, TraceReportsResolver],
  exports: [TraceabilityService],
})
export class TraceabilityModule {}
