import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CommentOutcome } from '../hearing-comment.entity';

@ObjectType({ description: 'Near-identical responses (a campaign letter), grouped: shown once, answered once, one entry in the memo.' })
export class ResponseCampaign {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'How many responses the campaign holds.' })
  size!: number;

  @Field({ description: 'The text of the campaign’s first response.' })
  sampleText!: string;

  /** The member responses' ids, in the order they arrived. */
  responseIds!: string[];

  @Field(() => [String], { description: 'The organisations that sent it, by name.' })
  senders!: string[];

  @Field(() => Int, { description: 'Members whose response has a reply.' })
  answered!: number;

  @Field(() => String, { nullable: true, description: 'The reply, when every member has the same one.' })
  reply!: string | null;

  @Field(() => CommentOutcome, { nullable: true })
  outcome!: CommentOutcome | null;
}

@ObjectType({ description: 'Comments grouped by what they are about; the secretariat renames, merges and moves them.' })
export class CommentTheme {
  @Field(() => ID)
  id!: string;

  @Field()
  label!: string;

  @Field(() => [String], { description: 'The theme’s top terms (the words most characteristic of its comments).' })
  terms!: string[];

  @Field({ description: 'The secretariat gave the theme its label.' })
  renamed!: boolean;

  @Field(() => Int)
  size!: number;

  @Field(() => Int, { description: 'Comments in the theme with a reply.' })
  answered!: number;

  /** The comments' ids, in the order they arrived. */
  commentIds!: string[];
}

@ObjectType({ description: 'The last run of the hearing’s campaign and theme analysis.' })
export class HearingAnalysis {
  @Field()
  computedAt!: Date;

  @Field(() => Int)
  responseCount!: number;

  @Field(() => Int)
  commentCount!: number;

  @Field(() => Int, { description: 'How long the run took, in milliseconds.' })
  durationMs!: number;
}

@ObjectType({ description: 'A reply the secretariat of a region saved to reuse.' })
export class ReplyTemplate {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => CommentOutcome, { nullable: true })
  outcome!: CommentOutcome | null;
}
