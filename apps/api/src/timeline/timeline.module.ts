import { AccessModule } from '../access/access.module';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { TimelineResolver } from './timeline.resolver';
import { TimelineService } from './timeline.service';

@Module({ imports: [AgreementsModule, AccessModule], providers: [TimelineService, TimelineResolver], exports: [TimelineService] })
export class TimelineModule {}
