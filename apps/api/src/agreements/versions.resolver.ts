import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../users/auth-user';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { Role } from '../users/role.enum';
import { User } from '../users/user.entity';
import { AgreementVersion } from './agreement-version.entity';
import { Agreement } from './agreement.entity';
import { CreateVersionInput } from './dtos/create-version.input';
import { Block, Section, SectionKindEnum } from './dtos/draft-types';
import { VersionComparison } from './dtos/version-comparison';
import { blocksOf, sectionsOf, VersionsService } from './versions.service';

@Resolver(() => AgreementVersion)
export class VersionsResolver {
  constructor(
    private readonly versions: VersionsService,
  ) {}

  @Query(() => AgreementVersion, { nullable: true })
  agreementVersion(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<AgreementVersion | null> {
    return this.versions.read(user, id);
  }

  @Query(() => VersionComparison)
  compareVersions(
    @CurrentUser() user: AuthUser,
    @Args('fromVersionId', { type: () => ID }) fromVersionId: string,
    @Args('toVersionId', { type: () => ID, nullable: true, description: 'Leave out to compare with the live draft, as editors see it now.' }) toVersionId: string | null,
  ): Promise<VersionComparison> {
    return this.versions.compare(user, fromVersionId, toVersionId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => AgreementVersion, { description: 'Freezes the live draft as a new, numbered, immutable version.' })
  createVersion(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Args('input') input: CreateVersionInput,
  ): Promise<AgreementVersion> {
    return this.versions.create(user, input.agreementId, input.label, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => Agreement, { description: 'Freezes the current draft, then makes the live draft equal to the version.' })
  restoreVersion(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Args('versionId', { type: () => ID }) versionId: string,
  ): Promise<Agreement> {
    return this.versions.restore(user, versionId, requestId);
  }

  @ResolveField(() => [Section])
  sections(@Parent() version: AgreementVersion): Section[] {
    return sectionsOf(version.content).map((s) => ({ ...s, kind: s.kind as SectionKindEnum }));
  }

  @ResolveField(() => [Block])
  blocks(@Parent() version: AgreementVersion): Block[] {
    return blocksOf(version.content);
  }

  @ResolveField(() => String, { description: 'The version as ProseMirror JSON (for the read-only viewer).' })
  content(@Parent() version: AgreementVersion): string {
    return JSON.stringify(version.content);
  }

  @ResolveField(() => User, { nullable: true })
  createdBy(@Parent() version: AgreementVersion): Promise<User | null> {
    return this.versions.author(version);
  }
}
