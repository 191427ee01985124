import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { TOPICS } from '../common/pub-sub';
import { LiveContext, SubscriptionAccess } from '../live/subscription-access';
import { ScopedData } from '../access/scoped-data';
import { AgreementsService } from '../agreements/agreements.service';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import { SectionKindEnum } from '../agreements/dtos/draft-types';
import type { AuthUser } from '../users/auth-user';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import { Role } from '../users/role.enum';
import { Cluster } from '../organisations/cluster.entity';
import { Organisation } from '../organisations/organisation.entity';
import { ClusterInputItem } from './cluster-input-item.entity';
import { ClusterInput, ClusterInputStatus } from './cluster-input.entity';
import { AssessInputItemInput } from './dtos/assess-input-item.input';
import { InputItemSection, InputMatrix, InputRoundDeadlineChange, InputRoundParticipant } from './dtos/input-round-types';
import { ExtendInputRoundDeadlineInput, OpenInputRoundInput } from './dtos/open-input-round.input';
import { SaveClusterInputDraftInput, SubmitClusterInputInput } from './dtos/submit-cluster-input.input';
import { InputItemAssessment } from './input-item-assessment.entity';
import { InputRound, InputRoundStatus } from './input-round.entity';
import { InputRoundsService } from './input-rounds.service';

@Resolver(() => InputRound)
export class InputRoundsResolver {
  constructor(
    private readonly rounds: InputRoundsService,
    private readonly agreements: AgreementsService,
    private readonly scoped: ScopedData,
    private readonly live: SubscriptionAccess,
  ) {}

  @Roles(Role.SECRETARIAT)
  @Subscription(() => ClusterInput, {
    description: 'Each input submitted to the agreement’s rounds, as it arrives (on any instance).',
    resolve: (payload: { clusterInputSubmitted: ClusterInput }) => {
      const input = payload.clusterInputSubmitted;
      const date = (value: unknown) => (value ? new Date(value as string) : null);
      return Object.assign(new ClusterInput(), input, { submittedAt: date(input.submittedAt), createdAt: date(input.createdAt), updatedAt: date(input.updatedAt) });
    },
  })
  clusterInputSubmitted(@Context() context: LiveContext, @Args('agreementId', { type: () => ID }) agreementId: string) {
    return this.live.follow<Agreement>(context, TOPICS.clusterInput(agreementId), {
      target: () => this.agreements.findById(agreementId),
      what: 'Aftalen',
      // InputRound.inputs' rule (InputRoundsService.canManage): every participant's input only for the agreement's secretariat.
      mayFollow: (user, agreement) => this.scoped.may(user, 'agreement', agreement.id, 'change'),
      refusal: 'Kun sekretariatet for aftalen kan følge klyngernes input.',
    });
  }

  @Query(() => InputRound, { nullable: true })
  inputRound(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<InputRound | null> {
    return this.rounds.getReadable(user, id);
  }

  @Query(() => [ClusterInputItem], {
    description: 'Current submitted input items of the agreement’s rounds tied to these blocks (for the editor’s side panel).',
  })
  inputItemsForBlocks(
    @CurrentUser() user: AuthUser,
    @Args('agreementId', { type: () => ID }) agreementId: string,
    @Args('blockIds', { type: () => [ID] }) blockIds: string[],
  ): Promise<ClusterInputItem[]> {
    return this.rounds.itemsForBlocks(user, agreementId, blockIds);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => InputRound, { description: 'Asks clusters (and other organisations) for input to the draft before a deadline.' })
  openInputRound(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: OpenInputRoundInput): Promise<InputRound> {
    return this.rounds.open(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => InputRound, { description: 'Moves the deadline later, for everyone or for one participant; logged.' })
  extendInputRoundDeadline(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Args('input') input: ExtendInputRoundDeadlineInput,
  ): Promise<InputRound> {
    return this.rounds.extendDeadline(user, input, requestId);
  }

  @Roles(Role.CLUSTER, Role.ORGANISATION)
  @Mutation(() => ClusterInput, { description: 'Saves the participant’s draft input (not submitted; editable until submitted).' })
  saveClusterInputDraft(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Args('input') input: SaveClusterInputDraftInput,
  ): Promise<ClusterInput> {
    return this.rounds.saveDraft(user, input, requestId);
  }

  @Roles(Role.CLUSTER, Role.ORGANISATION)
  @Mutation(() => ClusterInput, { description: 'Submits a cluster’s input before the deadline; immutable, a later submission supersedes it.' })
  submitClusterInput(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Args('input') input: SubmitClusterInputInput,
  ): Promise<ClusterInput> {
    return this.rounds.submit(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => ClusterInputItem, { description: 'Marks a submitted item indarbejdet, delvist, ikke indarbejdet or noteret.' })
  assessInputItem(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: AssessInputItemInput): Promise<ClusterInputItem> {
    return this.rounds.assess(user, input, requestId);
  }

  @ResolveField(() => Agreement, {
    nullable: true,
    description: 'The agreement asked about; null for a participant who may not read the agreement (an organisation outside its region’s secretariat, clusters and municipalities).',
  })
  agreement(@Parent() round: InputRound, @CurrentUser() user: AuthUser): Promise<Agreement | null> {
    return this.rounds.agreementOf(user, round);
  }

  @ResolveField(() => AgreementVersion, { nullable: true, description: 'The version asked about; null: the live draft.' })
  version(@Parent() round: InputRound): Promise<AgreementVersion | null> {
    return this.rounds.versionOf(round);
  }

  @ResolveField(() => InputRoundStatus, { description: 'By the round’s deadline; a participant may have an extended one.' })
  status(@Parent() round: InputRound): InputRoundStatus {
    return this.rounds.roundStatus(round);
  }

  @ResolveField(() => [InputRoundParticipant], { description: 'Everyone asked, clusters first, with whether they have submitted.' })
  participants(@Parent() round: InputRound): Promise<InputRoundParticipant[]> {
    return this.rounds.participants(round);
  }

  @ResolveField(() => InputRoundParticipant, { nullable: true, description: 'Your organisation’s place in the round, if it is asked.' })
  myParticipation(@Parent() round: InputRound, @CurrentUser() user: AuthUser): Promise<InputRoundParticipant | null> {
    return this.rounds.participationOf(user, round);
  }

  @ResolveField(() => [InputRoundDeadlineChange])
  deadlineChanges(@Parent() round: InputRound): Promise<InputRoundDeadlineChange[]> {
    return this.rounds.deadlineChanges(round.id);
  }

  @ResolveField(() => [ClusterInput], {
    description: 'Submitted inputs: every participant’s for the secretariat, your own otherwise. Current ones only unless includeSuperseded.',
  })
  inputs(
    @Parent() round: InputRound,
    @CurrentUser() user: AuthUser,
    @Args('includeSuperseded', { type: () => Boolean, defaultValue: false }) includeSuperseded: boolean,
  ): Promise<ClusterInput[]> {
    return this.rounds.inputs(user, round, includeSuperseded);
  }

  @ResolveField(() => ClusterInput, { nullable: true, description: 'Your organisation’s saved draft, if any.' })
  myDraft(@Parent() round: InputRound, @CurrentUser() user: AuthUser): Promise<ClusterInput | null> {
    return this.rounds.draftOf(user, round);
  }

  @ResolveField(() => InputMatrix, { description: 'Participants × sections of the live draft, with counts, and themes (secretariat only).' })
  matrix(@Parent() round: InputRound, @CurrentUser() user: AuthUser): Promise<InputMatrix> {
    return this.rounds.matrix(user, round);
  }

  @ResolveField(() => Boolean, { description: 'Whether you run the round (the secretariat).' })
  canManage(@Parent() round: InputRound, @CurrentUser() user: AuthUser): Promise<boolean> {
    return this.rounds.canManage(user, round);
  }

  @ResolveField(() => String, { description: 'GET with the bearer token: the input summary as DOCX (secretariat).' })
  docxUrl(@Parent() round: InputRound): string {
    return `/files/input-rounds/${round.id}.docx`;
  }
}

@Resolver(() => ClusterInput)
export class ClusterInputsResolver {
  constructor(private readonly rounds: InputRoundsService) {}

  @ResolveField(() => Cluster, { nullable: true, description: 'Null when the input is from an organisation that is not a cluster.' })
  cluster(@Parent() input: ClusterInput): Promise<Cluster | null> {
    return this.rounds.clusterOf(input);
  }

  @ResolveField(() => Organisation, { description: 'The organisation that gave the input (for a cluster, its own organisation).' })
  organisation(@Parent() input: ClusterInput): Promise<Organisation> {
    return this.rounds.organisationOf(input);
  }

  @ResolveField(() => InputRound)
  round(@Parent() input: ClusterInput): Promise<InputRound> {
    return this.rounds.getOrFail(input.roundId);
  }

  @ResolveField(() => [ClusterInputItem])
  items(@Parent() input: ClusterInput): Promise<ClusterInputItem[]> {
    return this.rounds.itemsOf(input);
  }

  @ResolveField(() => ClusterInputStatus)
  status(@Parent() input: ClusterInput): Promise<ClusterInputStatus> | ClusterInputStatus {
    return this.rounds.statusOf(input);
  }

  @ResolveField(() => Int, { description: 'Number of items.' })
  async itemCount(@Parent() input: ClusterInput): Promise<number> {
    return (await this.rounds.itemsOf(input)).length;
  }
}

@Resolver(() => ClusterInputItem)
export class ClusterInputItemsResolver {
  constructor(private readonly rounds: InputRoundsService) {}

  @ResolveField(() => InputItemSection, { nullable: true, description: 'The section of the live draft the item concerns; null: general.' })
  section(@Parent() item: ClusterInputItem): InputItemSection | null {
    const section = item.section;
    return section ? { id: section.id, title: section.title, kind: section.kind as SectionKindEnum, live: section.live } : null;
  }

  @ResolveField(() => InputItemAssessment, { nullable: true })
  assessment(@Parent() item: ClusterInputItem): Promise<InputItemAssessment | null> {
    return this.rounds.assessmentOf(item);
  }

  @ResolveField(() => ClusterInput, { description: 'The input the item belongs to (cluster, round, submission).' })
  input(@Parent() item: ClusterInputItem): Promise<ClusterInput> {
    return this.rounds.inputOf(item);
  }
}

@Resolver(() => InputItemAssessment)
export class InputItemAssessmentsResolver {
  constructor(private readonly rounds: InputRoundsService) {}

  @ResolveField(() => AgreementVersion, { nullable: true, description: 'The version where the item was worked in.' })
  version(@Parent() assessment: InputItemAssessment): Promise<AgreementVersion | null> {
    return this.rounds.assessedVersion(assessment);
  }

  @ResolveField(() => String, { nullable: true, description: 'Who assessed it.' })
  assessedBy(@Parent() assessment: InputItemAssessment): Promise<string | null> {
    return this.rounds.assessorName(assessment);
  }
}

@Resolver(() => Agreement)
export class AgreementInputRoundsResolver {
  constructor(private readonly rounds: InputRoundsService) {}

  @ResolveField(() => [InputRound], { description: 'Input rounds, latest deadline first.' })
  inputRounds(@Parent() agreement: Agreement): Promise<InputRound[]> {
    return this.rounds.listForAgreement(agreement.id);
  }
}
