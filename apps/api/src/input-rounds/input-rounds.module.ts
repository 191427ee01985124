import { AccessModule } from '../access/access.module';
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

@Module({
  imports: [AgreementsModule, AccessModule],
  controllers: [InputRoundFilesController],
  providers: [InputRoundsService, InputRoundsResolver, ClusterInputsResolver, ClusterInputItemsResolver, InputItemAssessmentsResolver, AgreementInputRoundsResolver],
  exports: [InputRoundsService],
})
export class InputRoundsModule {}
