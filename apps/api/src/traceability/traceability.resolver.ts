import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { TraceReportsService } from './trace-reports.service';
import { Agreement } from '../agreements/agreement.entity';
import { BlockChange } from '../agreements/dtos/draft-types';
import { CurrentUser } from '../auth/decorators';
import { HearingComment } from '../hearings/hearing-comment.entity';
import { ClusterInputItem } from '../input-rounds/cluster-input-item.entity';
import type { AuthUser } from '../users/auth-user';
import { ChangeTrace, OrphanedAnchor, ParagraphAnchorCount } from './traceability-types';
import { AnchorOrigin, TraceabilityService } from './traceability.service';

const TO_VERSION = { type: () => ID, nullable: true, description: 'Default: the newest version after the one commented on, else the live draft.' } as const;

@Resolver(() => HearingComment)
export class HearingCommentChangeResolver {
  constructor(private readonly trace: TraceabilityService) {}

  @ResolveField(() => BlockChange, { nullable: true, description: 'What became of the comment’s paragraph in that version (null for a general comment).' })
  async change(
    @Parent() comment: HearingComment,
    @CurrentUser() user: AuthUser,
    @Context() request: object,
    @Args('toVersionId', TO_VERSION) toVersionId?: string | null,
  ): Promise<BlockChange | null> {
    return follow(this.trace, request, user, await this.trace.commentOrigin(comment), toVersionId);
  }
}

@Resolver(() => ClusterInputItem)
export class InputItemChangeResolver {
  constructor(private readonly trace: TraceabilityService) {}

  @ResolveField(() => BlockChange, { nullable: true, description: 'What became of the item’s paragraph in that version (null for a general item).' })
  async change(
    @Parent() item: ClusterInputItem,
    @CurrentUser() user: AuthUser,
    @Context() request: object,
    @Args('toVersionId', TO_VERSION) toVersionId?: string | null,
  ): Promise<BlockChange | null> {
    return follow(this.trace, request, user, await this.trace.itemOrigin(item), toVersionId);
  }
}

async function follow(trace: TraceabilityService, request: object, user: AuthUser, origin: AnchorOrigin | null, toVersionId?: string | null): Promise<BlockChange | null> {
  if (!origin) return null;
  return trace.change(origin, await trace.targetInRequest(request, user, origin, toVersionId));
}

@Resolver(() => Agreement)
export class AgreementAnchorsResolver {
  constructor(private readonly trace: TraceabilityService) {}

  @ResolveField(() => [ParagraphAnchorCount], { description: 'Per paragraph of the live draft: the hearing comments and cluster input pointing to it (secretariat only).' })
  async paragraphAnchors(@Parent() agreement: Agreement, @CurrentUser() user: AuthUser): Promise<ParagraphAnchorCount[]> {
    return (await this.trace.anchors(user, agreement.id)).counts;
  }

  @ResolveField(() => [OrphanedAnchor], { description: 'Comments and input whose paragraph was deleted from the live draft (secretariat only).' })
  async orphanedAnchors(@Parent() agreement: Agreement, @CurrentUser() user: AuthUser): Promise<OrphanedAnchor[]> {
    return (await this.trace.anchors(user, agreement.id)).orphaned;
  }
}

@Resolver()
export class TraceReportsResolver {
  constructor(private readonly reports: TraceReportsService) {}

  @Query(() => ChangeTrace, { description: 'What an organisation said in a hearing, the answers, and what became of each paragraph (secretariat only).' })
  hearingChangeTrace(
    @CurrentUser() user: AuthUser,
    @Args('hearingId', { type: () => ID }) hearingId: string,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('toVersionId', TO_VERSION) toVersionId?: string | null,
  ): Promise<ChangeTrace> {
    return this.reports.forHearing(user, hearingId, organisationId, toVersionId);
  }

  @Query(() => ChangeTrace, { description: 'What a cluster (or another asked organisation) gave as input, the assessments, and what became of each paragraph (secretariat only).' })
  inputRoundChangeTrace(
    @CurrentUser() user: AuthUser,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('toVersionId', TO_VERSION) toVersionId?: string | null,
  ): Promise<ChangeTrace> {
    return this.reports.forInputRound(user, roundId, organisationId, toVersionId);
  }
}
