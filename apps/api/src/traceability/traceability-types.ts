import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BlockChange } from '../agreements/dtos/draft-types';

@ObjectType({ description: 'How many hearing comments and cluster input items point to a paragraph of the live draft.' })
export class ParagraphAnchorCount {
  @Field(() => ID)
  blockId!: string;

  @Field(() => Int)
  hearingComments!: number;

  @Field(() => Int)
  clusterInputs!: number;
}

@ObjectType({ description: 'Comments and input pointing to a paragraph that is no longer in the live draft: listed, never hidden.' })
export class OrphanedAnchor extends ParagraphAnchorCount {
  @Field(() => String, { nullable: true, description: 'The paragraph’s text where the comments and input were made.' })
  lastText!: string | null;

  @Field(() => Int, { nullable: true, description: 'The version that text is from.' })
  versionNumber!: number | null;
}

@ObjectType({ description: 'One thing an organisation or cluster said, the answer, and what became of its paragraph.' })
export class TraceEntry {
  @Field()
  said!: string;

  @Field(() => String, { nullable: true, description: 'The paragraph it was about, as it stood then; null: a general remark.' })
  paragraph!: string | null;

  @Field(() => String, { nullable: true })
  reply!: string | null;

  @Field(() => String, { nullable: true, description: 'The outcome in Danish (Indarbejdet, Delvist indarbejdet, …).' })
  outcome!: string | null;

  @Field(() => BlockChange, { nullable: true })
  change!: BlockChange | null;
}

@ObjectType({ description: '"What we said — what changed" for one organisation in a hearing or one cluster in an input round.' })
export class ChangeTrace {
  @Field()
  title!: string;

  @Field()
  agreementTitle!: string;

  @Field({ description: 'The hearing or the input round.' })
  about!: string;

  @Field({ description: 'The version compared with ("version 3, Efter høringen") or "det nuværende udkast".' })
  comparedWith!: string;

  @Field(() => [TraceEntry])
  entries!: TraceEntry[];

  @Field({ description: 'GET with the bearer token: the same as a Word document.' })
  docxUrl!: string;
}
