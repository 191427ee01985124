import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../users/auth-user';
import { ScopedData } from '../access/scoped-data';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { Role } from '../users/role.enum';
import { OrganisationsService } from '../organisations/organisations.service';
import { Region } from '../organisations/region.entity';
import { Agreement } from './agreement.entity';
import { AgreementsService } from './agreements.service';
import { CreateAgreementInput } from './dtos/create-agreement.input';
import { Section, SectionKindEnum } from './dtos/draft-types';
import { AgreementVersion } from './agreement-version.entity';
import { sectionsOf, VersionsService } from './versions.service';

@Resolver(() => Agreement)
export class AgreementsResolver {
  constructor(
    private readonly agreementsService: AgreementsService,
    private readonly organisationsService: OrganisationsService,
    private readonly versionsService: VersionsService,
    private readonly scoped: ScopedData,
  ) {}

  @Query(() => [Agreement])
  agreements(@CurrentUser() user: AuthUser): Promise<Agreement[]> {
    return this.agreementsService.list(user);
  }

  @Query(() => Agreement, { nullable: true })
  agreement(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Agreement | null> {
    return this.agreementsService.read(user, id);
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

  @ResolveField(() => [Section], { description: 'The sections of the live draft, as editors see it now.' })
  async sections(@Parent() agreement: Agreement): Promise<Section[]> {
    return sectionsOf(await this.versionsService.currentContent(agreement.id)).map((s) => ({ ...s, kind: s.kind as SectionKindEnum }));
  }

  @ResolveField(() => String, { description: 'The live draft as ProseMirror JSON.' })
  async draftContent(@Parent() agreement: Agreement): Promise<string> {
    return JSON.stringify(await this.versionsService.currentContent(agreement.id));
  }

  @ResolveField(() => [AgreementVersion], { description: 'Frozen versions, newest first.' })
  versions(@Parent() agreement: Agreement): Promise<AgreementVersion[]> {
    return this.versionsService.list(agreement.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in user may edit the draft and manage the agreement.' })
  canEdit(@Parent() agreement: Agreement, @CurrentUser() user: AuthUser): boolean {
    return this.scoped.mayEditDraft(user, agreement);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the signed-in user may suggest changes in the live draft ("Foreslå ændringer"). With canEdit false, suggesting is all they may do: /collab refuses any other update of theirs.',
  })
  canSuggest(@Parent() agreement: Agreement, @CurrentUser() user: AuthUser): boolean {
    return this.scoped.draftMode(user, agreement) !== 'read';
  }
}
