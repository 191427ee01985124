import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A suggestion that was still pending when a version was locked: kept beside the accepted text. */
@ObjectType()
export class PendingSuggestion {
  @Field(() => ID)
  id!: string;

  @Field()
  authorName!: string;

  @Field({ description: 'The suggester’s organisation.' })
  organisation!: string;

  @Field(() => ID, { nullable: true, description: 'The paragraph (block) the suggestion starts in.' })
  blockId!: string | null;

  @Field({ description: 'The text the suggestion inserts ("" when none).' })
  inserted!: string;

  @Field({ description: 'The text the suggestion deletes ("" when none).' })
  deleted!: string;

  @Field({ description: 'When the suggestion was made (ISO 8601, as the editor recorded it).' })
  createdAt!: string;
}
