import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Cluster } from './cluster.entity';
import { OrganisationKind } from './organisation-kind.enum';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';
import { Region } from './region.entity';

@Resolver(() => Region)
export class RegionResolver {
  constructor(private readonly organisationsService: OrganisationsService) {}

  @Query(() => [Region])
  regions(): Promise<Region[]> {
    return this.organisationsService.regions();
  }

  @ResolveField(() => [Organisation])
  municipalities(@Parent() region: Region): Promise<Organisation[]> {
    return this.organisationsService.organisations(OrganisationKind.MUNICIPALITY, region.id);
  }

  @ResolveField(() => [Cluster])
  clusters(@Parent() region: Region): Promise<Cluster[]> {
    return this.organisationsService.clusters(region.id);
  }
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  constructor(private readonly organisationsService: OrganisationsService) {}

  @Query(() => [Organisation])
  organisations(
    @Args('kind', { type: () => OrganisationKind, nullable: true }) kind?: OrganisationKind,
  ): Promise<Organisation[]> {
    return this.organisationsService.organisations(kind);
  }

  @ResolveField(() => Region, { nullable: true })
  region(@Parent() organisation: Organisation): Promise<Region | null> | null {
    return organisation.regionId ? this.organisationsService.regionById(organisation.regionId) : null;
  }
}

@Resolver(() => Cluster)
export class ClusterResolver {
  constructor(private readonly organisationsService: OrganisationsService) {}

  @ResolveField(() => [Organisation])
  municipalities(@Parent() cluster: Cluster): Organisation[] {
    return cluster.municipalities ?? [];
  }

  @ResolveField(() => Organisation)
  async organisation(@Parent() cluster: Cluster): Promise<Organisation | null> {
    return this.organisationsService.organisationById(cluster.organisationId);
  }
}
