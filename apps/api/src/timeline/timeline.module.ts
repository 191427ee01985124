import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { CollaborationModule } from '../collaboration/collaboration.module';
import { PubSubModule } from '../common/pub-sub.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { LiveModule } from '../live/live.module';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { TimelineResolver } from './timeline.resolver';
import { TimelineService } from './timeline.service';

@Module({ imports: [AgreementsModule, AccessModule, AuditModule, CollaborationModule, PubSubModule, NotificationsModule, LiveModule], providers: [TimelineService, TimelineResolver], exports: [TimelineService] })
export class TimelineModule {}
