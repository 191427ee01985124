import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { TOPICS } from '../common/pub-sub';
import { LiveContext, SubscriptionAccess } from '../live/subscription-access';
import { ScopedData } from '../access/scoped-data';
import { AgreementPhase } from '../agreements/agreement-phase.enum';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import { AgreementsService } from '../agreements/agreements.service';
import type { AuthUser } from '../users/auth-user';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { Role } from '../users/role.enum';
import { CreateMilestoneInput, LockFinalVersionInput, RecordApprovalInput, SetAgreementPhaseInput } from './dtos/timeline.inputs';
import { AgreementDashboard, Approval, ApprovalStatus, Milestone, Notification } from './timeline-types';
import { TimelineService } from './timeline.service';

@Resolver(() => Agreement)
export class TimelineResolver {
  constructor(
    private readonly timeline: TimelineService,
    private readonly agreementsService: AgreementsService,
    private readonly live: SubscriptionAccess,
    private readonly scoped: ScopedData,
  ) {}

  @Roles(Role.SECRETARIAT, Role.MUNICIPALITY)
  @Mutation(() => Approval, { description: 'A party’s decision; a municipality records its own, the secretariat any.' })
  recordApproval(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: RecordApprovalInput): Promise<Approval> {
    return this.timeline.recordApproval(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => AgreementVersion, { description: 'Locks a version as the final version the parties approve (phase APPROVAL); a later one supersedes earlier decisions.' })
  lockFinalVersion(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: LockFinalVersionInput): Promise<AgreementVersion> {
    return this.timeline.lockFinalVersion(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => Milestone)
  createMilestone(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: CreateMilestoneInput): Promise<Milestone> {
    return this.timeline.createMilestone(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => Agreement)
  setAgreementPhase(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: SetAgreementPhaseInput): Promise<Agreement> {
    return this.timeline.setPhase(user, input.agreementId, input.phase, requestId);
  }

  @Query(() => [Notification], { description: 'The notification outbox: all of the agreement’s for the secretariat, your organisation’s otherwise.' })
  outbox(@CurrentUser() user: AuthUser, @Args('agreementId', { type: () => ID }) agreementId: string): Promise<Notification[]> {
    return this.timeline.outbox(user, agreementId);
  }

  @Query(() => AgreementDashboard)
  async agreementDashboard(@CurrentUser() user: AuthUser, @Args('agreementId', { type: () => ID }) agreementId: string): Promise<AgreementDashboard> {
    return this.timeline.dashboard(await this.scoped.one(user, 'agreement', agreementId));
  }

  @Subscription(() => Approval, {
    description: 'Each decision recorded on the agreement, as it happens (on any instance).',
    // The payload may have crossed instances as JSON: its moments are strings again.
    resolve: ({ approvalRecorded: a }: { approvalRecorded: Approval }) => ({
      ...a,
      recordedAt: new Date(a.recordedAt),
      version: a.version && { ...a.version, createdAt: new Date(a.version.createdAt), finalLockedAt: a.version.finalLockedAt ? new Date(a.version.finalLockedAt) : null },
    }),
  })
  approvalRecorded(@Context() context: LiveContext, @Args('agreementId', { type: () => ID }) agreementId: string) {
    return this.live.follow<Agreement>(context, TOPICS.approval(agreementId), {
      target: () => this.agreementsService.findById(agreementId),
      what: 'Aftalen',
      // Agreement.approvals' rule: whoever may read the agreement.
      mayFollow: (user, agreement) => this.scoped.may(user, 'agreement', agreement.id),
      refusal: 'Du har ikke adgang til aftalen.',
    });
  }

  @ResolveField(() => [Milestone])
  milestones(@Parent() agreement: Agreement): Promise<Milestone[]> {
    return this.timeline.milestones(agreement.id);
  }

  @ResolveField(() => [Approval])
  approvals(@Parent() agreement: Agreement): Promise<Approval[]> {
    return this.timeline.approvals(agreement.id);
  }

  @ResolveField(() => ApprovalStatus)
  approvalStatus(@Parent() agreement: Agreement): Promise<ApprovalStatus> {
    return this.timeline.approvalStatus(agreement);
  }

  @ResolveField(() => AgreementVersion, { nullable: true, description: 'The version locked as final in the approval phase: the text the parties decide on now.' })
  lockedFinalVersion(@Parent() agreement: Agreement): Promise<AgreementVersion | null> {
    return this.timeline.lockedFinalVersion(agreement.id);
  }

  @ResolveField(() => AgreementVersion, { nullable: true, description: 'The approved version, once every party has approved it (the draft is then locked for good).' })
  finalVersion(@Parent() agreement: Agreement): Promise<AgreementVersion | null> {
    return this.timeline.finalVersion(agreement);
  }

  @ResolveField(() => AgreementPhase, { description: 'The phase as of today (a submitted agreement is in force from its effective date).' })
  currentPhase(@Parent() agreement: Agreement): AgreementPhase {
    return this.timeline.effectivePhase(agreement);
  }
}
