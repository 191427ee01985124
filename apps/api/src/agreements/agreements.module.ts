import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { Module } from '@nestjs/common';
import { DraftsModule } from '../drafts/drafts.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AgreementsResolver } from './agreements.resolver';
import { AgreementsService } from './agreements.service';
import { VersionsResolver } from './versions.resolver';
import { SuggestionsResolver } from './suggestions.resolver';
import { SuggestionsService } from './suggestions.service';
import { VersionsService } from './versions.service';
// The scoped kinds of row this feature owns, registered with the access layer.
import './agreement.scopes';

@Module({
  imports: [OrganisationsModule, AccessModule, AuditModule, DraftsModule],
  providers: [AgreementsService, AgreementsResolver, VersionsService, VersionsResolver, SuggestionsService, SuggestionsResolver],
  exports: [AgreementsService, VersionsService],
})
export class AgreementsModule {}
