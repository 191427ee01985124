import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AgreementsResolver } from './agreements.resolver';
import { AgreementsService } from './agreements.service';

@Module({
  imports: [OrganisationsModule],
  providers: [AgreementsService, AgreementsResolver],
  exports: [AgreementsService],
})
export class AgreementsModule {}
