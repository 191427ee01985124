import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { CollaborationModule } from '../collaboration/collaboration.module';
import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AgreementsResolver } from './agreements.resolver';
import { AgreementsService } from './agreements.service';
import { VersionsResolver } from './versions.resolver';
import { VersionsService } from './versions.service';
// The scoped kinds of row this feature owns, registered with the access layer.
import './agreement.scopes';

@Module({
  imports: [OrganisationsModule, AccessModule, AuditModule, CollaborationModule],
  providers: [AgreementsService, AgreementsResolver, VersionsService, VersionsResolver],
  exports: [AgreementsService, VersionsService],
})
export class AgreementsModule {}
