import { Module } from '@nestjs/common';
import { ClusterResolver, OrganisationResolver, RegionResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';

@Module({
  providers: [OrganisationsService, RegionResolver, OrganisationResolver, ClusterResolver],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
