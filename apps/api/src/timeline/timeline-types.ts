import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { DateScalar } from '../common/date.scalar';
import { Organisation } from '../organisations/organisation.entity';

export enum MilestoneKind {
  MEETING = 'MEETING',
  DEADLINE = 'DEADLINE',
  DECISION = 'DECISION',
  SUBMISSION = 'SUBMISSION',
}
registerEnumType(MilestoneKind, { name: 'MilestoneKind' });

export enum MilestoneLink {
  INPUT_ROUND = 'INPUT_ROUND',
  VERSION = 'VERSION',
  HEARING = 'HEARING',
}
registerEnumType(MilestoneLink, { name: 'MilestoneLink' });

export enum ApprovalDecision {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ApprovalDecision, { name: 'ApprovalDecision' });

@ObjectType({ description: 'A dated point on the road to the effective date.' })
export class Milestone {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => MilestoneKind)
  kind!: MilestoneKind;

  @Field(() => DateScalar)
  date!: string;

  @Field(() => String, { nullable: true })
  phase!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => MilestoneLink, { nullable: true })
  linkType!: MilestoneLink | null;

  @Field(() => ID, { nullable: true })
  linkId!: string | null;

  @Field()
  done!: boolean;

  @Field({ description: 'Put on the timeline by an input round or a hearing, not entered by hand.' })
  derived!: boolean;
}

@ObjectType()
export class Approval {
  @Field(() => ID)
  id!: string;

  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => ApprovalDecision)
  decision!: ApprovalDecision;

  @Field(() => DateScalar)
  decidedAt!: string;

  @Field(() => String, { nullable: true })
  meetingReference!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => ID, { nullable: true, description: 'The decision document (an attachment).' })
  documentId!: string | null;

  @Field()
  recordedAt!: Date;

  @Field(() => ID, { description: 'The locked final version the decision was made on.' })
  versionId!: string;

  @Field(() => AgreementVersion)
  version!: AgreementVersion;

  @Field({ description: 'A later final version has been locked since: the party decides again on that one.' })
  superseded!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When superseded: a DOCX (GET with the bearer token) of the current final version with every change since the approved one as tracked changes.',
  })
  changesUrl!: string | null;
}

@ObjectType({ description: 'Who must approve, who has, who has rejected, who is pending.' })
export class ApprovalStatus {
  @Field(() => Int)
  required!: number;

  @Field(() => Int)
  approved!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [Organisation])
  pending!: Organisation[];

  @Field(() => [Organisation])
  rejectedBy!: Organisation[];

  @Field(() => [Organisation], { description: 'Parties whose decision was made on an earlier final version than the one locked now.' })
  onSupersededVersion!: Organisation[];

  @Field(() => [ApprovalParty], { description: 'Every required party with its decision, for the grid.' })
  parties!: ApprovalParty[];
}

@ObjectType()
export class ApprovalParty {
  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => ApprovalDecision, { nullable: true })
  decision!: ApprovalDecision | null;

  @Field(() => DateScalar, { nullable: true })
  decidedAt!: string | null;

  @Field({ description: 'Its decision was on an earlier final version (it counts as pending).' })
  superseded!: boolean;
}

@ObjectType()
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field()
  kind!: string;

  @Field()
  subject!: string;

  @Field()
  body!: string;

  @Field(() => [String])
  recipients!: string[];

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;
}

@ObjectType({ description: 'Where the agreement stands, for the secretariat’s dashboard.' })
export class AgreementDashboard {
  @Field()
  phase!: string;

  @Field(() => Milestone, { nullable: true })
  nextDeadline!: Milestone | null;

  @Field(() => Int, { description: 'Days until the effective date (negative once in force).' })
  daysToEffectiveDate!: number;

  @Field({ description: 'What is true about the effective date in the phase the agreement is in, in Danish ("Trådt i kraft …" only in IN_FORCE).' })
  effectiveDateStatus!: string;

  @Field(() => Int)
  inputsReceived!: number;

  @Field(() => Int)
  hearingResponses!: number;

  @Field(() => Int)
  hearingCommentsAnswered!: number;

  @Field(() => Int)
  hearingComments!: number;

  @Field(() => ApprovalStatus)
  approvals!: ApprovalStatus;
}
