import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

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
