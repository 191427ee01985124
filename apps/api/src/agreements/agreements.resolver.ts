import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { Role } from '../auth/role.enum';
import { OrganisationsService } from '../organisations/organisations.service';
import { Region } from '../organisations/region.entity';
import { Agreement } from './agreement.entity';
import { AgreementsService } from './agreements.service';
import { CreateAgreementInput } from './dtos/create-agreement.input';

@Resolver(() => Agreement)
export class AgreementsResolver {
  constructor(
    private readonly agreementsService: AgreementsService,
    private readonly organisationsService: OrganisationsService,
  ) {}

  @Query(() => [Agreement])
  agreements(@CurrentUser() user: AuthUser): Promise<Agreement[]> {
    return this.agreementsService.list(user);
  }

  @Query(() => Agreement, { nullable: true })
  agreement(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Agreement | null> {
    return this.agreementsService.get(user, id);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => Agreement)
  createAgreement(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Args('input') input: CreateAgreementInput,
  ): Promise<Agreement> {
    return this.agreementsService.create(user, input, requestId);
  }

  @ResolveField(() => String, { description: 'Name of the collaboration document (Hocuspocus) of the live draft.' })
  documentName(@Parent() agreement: Agreement): string {
    return `agreement:${agreement.id}`;
  }

  @ResolveField(() => Region)
  async region(@Parent() agreement: Agreement): Promise<Region | null> {
    return this.organisationsService.regionById(agreement.regionId);
  }
}
