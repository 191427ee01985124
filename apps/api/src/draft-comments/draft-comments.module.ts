import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AgreementsModule } from '../agreements/agreements.module';
import { AuditModule } from '../audit/audit.module';
import { PubSubModule } from '../common/pub-sub.module';
import { LiveModule } from '../live/live.module';
import { DraftCommentsResolver } from './draft-comments.resolver';
import { DraftCommentsService } from './draft-comments.service';
import './draft-comment.scopes';

/** Comment threads on the live draft. */
@Module({ imports: [AccessModule, AgreementsModule, AuditModule, PubSubModule, LiveModule], providers: [DraftCommentsService, DraftCommentsResolver], exports: [DraftCommentsService] })
export class DraftCommentsModule {}
