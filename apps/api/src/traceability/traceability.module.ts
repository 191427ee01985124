import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AgreementsModule } from '../agreements/agreements.module';
import { AgreementAnchorsResolver, HearingCommentChangeResolver, InputItemChangeResolver } from './traceability.resolver';
import { TraceabilityService } from './traceability.service';

/** What became of the paragraphs hearing comments and cluster input point to. */
@Module({
  imports: [AgreementsModule, AccessModule],
  providers: [TraceabilityService, HearingCommentChangeResolver, InputItemChangeResolver, AgreementAnchorsResolver],
  exports: [TraceabilityService],
})
export class TraceabilityModule {}
