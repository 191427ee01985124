import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { badInput } from '../common/domain-error';
import { isUuid } from '../common/ids';
import type { AuthUser } from '../users/auth-user';
import { Role } from '../users/role.enum';
import { CommentTheme, HearingAnalysis, ReplyTemplate, ResponseCampaign } from './dtos/analysis-types';
import { BulkReplyInput, CampaignReplyInput, MergeHearingThemesInput, MoveCommentsToThemeInput, RenameHearingThemeInput, SaveReplyTemplateInput } from './dtos/themes.input';
import { HearingComment } from './hearing-comment.entity';
import { HearingResponse } from './hearing-response.entity';
import { Hearing } from './hearing.entity';
import { HearingThemesService } from './hearing-themes.service';
import { HearingsService } from './hearings.service';

/** Campaigns and themes on the hearing (read from what the analysis job stored), and the secretariat's work on them. */
@Resolver(() => Hearing)
export class HearingThemesResolver {
  constructor(
    private readonly hearings: HearingsService,
    private readonly processing: HearingThemesService,
  ) {}

  @ResolveField(() => [ResponseCampaign], { description: 'Near-identical responses grouped (secretariat only), largest first.' })
  async campaigns(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<ResponseCampaign[]> {
    await this.hearings.requireManage(user, hearing);
    return this.processing.campaigns(hearing.id);
  }

  @ResolveField(() => [CommentTheme], { description: 'Comments grouped by what they are about (secretariat only).' })
  async themes(
    @Parent() hearing: Hearing,
    @CurrentUser() user: AuthUser,
    @Args('ids', { type: () => [ID], nullable: true, description: 'Only these themes (e.g. the one opened, with its comments).' }) ids?: string[] | null,
  ): Promise<CommentTheme[]> {
    await this.hearings.requireManage(user, hearing);
    if (ids?.some((id) => !isUuid(id))) throw badInput('ids skal være gyldige id’er.');
    return this.processing.themes(hearing.id, ids ?? undefined);
  }

  @ResolveField(() => HearingAnalysis, { nullable: true, description: 'When campaigns and themes were last computed; null: not yet (they are computed when responses arrive).' })
  async analysis(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<HearingAnalysis | null> {
    await this.hearings.requireManage(user, hearing);
    return this.processing.analysis(hearing.id);
  }

  @ResolveField(() => [ReplyTemplate], { description: 'The reply templates of the secretariat of the hearing’s region.' })
  async replyTemplates(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<ReplyTemplate[]> {
    await this.hearings.requireManage(user, hearing);
    return this.processing.templates(hearing);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => [HearingComment], { description: 'One answer to many comments (a theme or any selection): each gets the reply and the outcome.' })
  replyToHearingComments(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: BulkReplyInput): Promise<HearingComment[]> {
    return this.processing.replyToComments(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => ResponseCampaign, { description: 'One answer to a campaign: every response in it and each of their comments get the reply and the outcome.' })
  replyToHearingCampaign(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: CampaignReplyInput): Promise<ResponseCampaign> {
    return this.processing.replyToCampaign(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => CommentTheme)
  renameHearingTheme(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: RenameHearingThemeInput): Promise<CommentTheme> {
    return this.processing.rename(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => CommentTheme, { description: 'Merges themes into the first one given; returns it.' })
  mergeHearingThemes(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: MergeHearingThemesInput): Promise<CommentTheme> {
    return this.processing.merge(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => CommentTheme, { description: 'Moves comments to a theme (or a new one); a theme left empty is removed. Returns the theme moved to.' })
  moveCommentsToTheme(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: MoveCommentsToThemeInput): Promise<CommentTheme> {
    return this.processing.move(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => ReplyTemplate, { description: 'Saves a reply template for the secretariat of the hearing’s region.' })
  saveReplyTemplate(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: SaveReplyTemplateInput): Promise<ReplyTemplate> {
    return this.processing.saveTemplate(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => ReplyTemplate)
  deleteReplyTemplate(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('id', { type: () => ID }) id: string): Promise<ReplyTemplate> {
    return this.processing.deleteTemplate(user, id, requestId);
  }
}

@Resolver(() => CommentTheme)
export class CommentThemeResolver {
  constructor(private readonly themes: HearingThemesService) {}

  @ResolveField(() => [HearingComment])
  comments(@Parent() theme: CommentTheme): Promise<HearingComment[]> {
    return this.themes.commentsByIds(theme.commentIds);
  }
}

@Resolver(() => ResponseCampaign)
export class ResponseCampaignResolver {
  constructor(private readonly themes: HearingThemesService) {}

  @ResolveField(() => [HearingResponse])
  responses(@Parent() campaign: ResponseCampaign): Promise<HearingResponse[]> {
    return this.themes.responsesByIds(campaign.responseIds);
  }
}
