import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { PubSubModule } from '../common/pub-sub.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { LiveModule } from '../live/live.module';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { InputRoundFilesController } from './input-round-files.controller';
import {
  AgreementInputRoundsResolver,
  ClusterInputItemsResolver,
  ClusterInputsResolver,
  InputItemAssessmentsResolver,
  InputRoundsResolver,
} from './input-rounds.resolver';
import { InputRoundsService } from './input-rounds.service';
// The scoped kinds of row this feature owns, registered with the access layer.
import './input-round.scopes';

@Module({
  imports: [AgreementsModule, AccessModule, AuditModule, PubSubModule, NotificationsModule, LiveModule],
  controllers: [InputRoundFilesController],
  providers: [InputRoundsService, InputRoundsResolver, ClusterInputsResolver, ClusterInputItemsResolver, InputItemAssessmentsResolver, AgreementInputRoundsResolver],
  exports: [InputRoundsService],
})
export class InputRoundsModule {}
