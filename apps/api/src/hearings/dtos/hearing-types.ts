import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AuthPayload } from '../../auth/dtos/auth-payload';
import { CommentOutcome } from '../hearing-comment.entity';

@ObjectType()
export class HearingInvitation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field()
  organisationName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The link through which a named person of the organisation creates an account for this hearing and answers; none while withdrawn.',
  })
  link!: string | null;

  @Field({ description: 'Whether the organisation has answered.' })
  answered!: boolean;

  @Field({ description: 'When the current link was issued; a re-issue makes every earlier link stop working.' })
  issuedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the secretariat withdrew the link; it does not work while withdrawn.' })
  withdrawnAt!: Date | null;
}

@ObjectType()
export class HearingDeadlineChange {
  @Field()
  previousClosesAt!: Date;

  @Field()
  closesAt!: Date;

  @Field()
  reason!: string;

  @Field()
  changedAt!: Date;
}

@ObjectType({ description: 'How many comments each block of the hearing version received.' })
export class BlockCommentCount {
  @Field(() => ID)
  blockId!: string;

  @Field(() => Int)
  comments!: number;

  @Field(() => Int)
  answered!: number;
}

@ObjectType()
export class InvitationAcceptance extends AuthPayload {
  @Field(() => ID)
  hearingId!: string;
}

@ObjectType()
export class HearingMemo {
  @Field()
  html!: string;

  @Field({ description: 'GET with the bearer token.' })
  docxUrl!: string;

  @Field({ description: 'GET with the bearer token.' })
  pdfUrl!: string;

  @Field({ description: 'What the hearing draft is compared with, in words (e.g. "version 4 (Efter høringen)").' })
  comparedWith!: string;

  @Field(() => ID, { nullable: true, description: 'The version compared with; null: the live draft.' })
  comparedVersionId!: string | null;
}

@ObjectType({ description: 'A published response on the public hearing page: no personal names or e-mail addresses.' })
export class PublishedResponse {
  @Field()
  reference!: string;

  @Field()
  organisationName!: string;

  @Field()
  receivedAt!: Date;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => [PublishedComment])
  comments!: PublishedComment[];

  @Field(() => String, { nullable: true, description: 'The secretariat’s answer to the general remarks, once the memo is published.' })
  reply!: string | null;

  @Field(() => CommentOutcome, { nullable: true })
  outcome!: CommentOutcome | null;
}

@ObjectType()
export class PublishedComment {
  @Field(() => ID, { nullable: true })
  blockId!: string | null;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'The secretariat’s reply, once the memo is published.' })
  reply!: string | null;

  @Field(() => CommentOutcome, { nullable: true })
  outcome!: CommentOutcome | null;
}

@ObjectType({ description: 'What anyone may see of a hearing: the draft, the deadline, how to answer.' })
export class PublicHearing {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  agreementTitle!: string;

  @Field()
  opensAt!: Date;

  @Field()
  closesAt!: Date;

  @Field()
  status!: string;

  @Field({ description: 'The hearing draft as ProseMirror JSON.' })
  content!: string;

  @Field(() => [HearingDeadlineChange])
  deadlineChanges!: HearingDeadlineChange[];

  @Field(() => [PublishedResponse], { description: 'Responses with consent, once the hearing has closed.' })
  publishedResponses!: PublishedResponse[];

  @Field(() => Date, { nullable: true, description: 'When the secretariat published the memo; null while unpublished.' })
  memoPublishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The published hearing memo as an HTML page (only responses with consent); null while unpublished.' })
  memoHtml!: string | null;
}
