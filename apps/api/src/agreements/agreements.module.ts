import { AccessModule } from '../access/access.module';
import { Module } from '@nestjs/common';
import { DraftsModule } from '../drafts/drafts.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AgreementsResolver } from './agreements.resolver';
import { AgreementsService } from './agreements.service';
import { VersionsResolver } from './versions.resolver';
import { VersionsService } from './versions.service';

@Module({
  imports: [OrganisationsModule, AccessModule, DraftsModule],
  providers: [AgreementsService, AgreementsResolver, VersionsService, VersionsResolver],
  exports: [AgreementsService, VersionsService],
})
export class AgreementsModule {}
