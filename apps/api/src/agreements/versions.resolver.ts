import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { Role } from '../auth/role.enum';
import { User } from '../users/user.entity';
import { AgreementVersion } from './agreement-version.entity';
import { Agreement } from './agreement.entity';
import { AgreementsService } from './agreements.service';
import { CreateVersionInput } from './dtos/create-version.input';
import { Block, Section, SectionKindEnum } from './dtos/draft-types';
import { VersionComparison } from './dtos/version-comparison';
import { blocksOf, sectionsOf, VersionsService } from './versions.service';

@Resolver(() => AgreementVersion)
export class VersionsResolver {
  constructor(
    private readonly versions: VersionsService,
    private readonly agreementsService: AgreementsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Query(() => AgreementVersion, { nullable: true })
  async agreementVersion(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<AgreementVersion | null> {
    const version = await this.versions.get(id);
    // FORBIDDEN when the user may not read the agreement (accessPolicy.canReadAgreement).
    return version && (await this.agreementsService.read(user, version.agreementId)) ? version : null;
  }

  @Query(() => VersionComparison)
  compareVersions(
    @CurrentUser() user: AuthUser,
    @Args('fromVersionId', { type: () => ID }) fromVersionId: string,
    @Args('toVersionId', { type: () => ID }) toVersionId: string,
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
  createdBy(@Parent() version: AgreementVersion): Promise<User | null> | null {
    return version.createdById ? this.db.getRepository(User).findOne({ where: { id: version.createdById }, relations: { organisation: true } }) : null;
  }
}
