import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A paragraph of the hearing draft a point of a letter is likely about.' })
export class AnchorSuggestion {
  @Field(() => ID)
  blockId!: string;

  @Field(() => Float, { description: '0–1: how alike the point and the paragraph are (TF-IDF cosine).' })
  score!: number;

  @Field({ description: 'The paragraph’s text in the hearing draft.' })
  text!: string;

  @Field(() => String, { nullable: true })
  sectionTitle!: string | null;
}

@ObjectType({ description: 'One numbered point of a letter, with its most likely paragraphs (best first, at most three).' })
export class LetterPoint {
  @Field(() => Int)
  number!: number;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'The heading the point stands under in the letter.' })
  heading!: string | null;

  @Field(() => [AnchorSuggestion])
  suggestions!: AnchorSuggestion[];
}

@ObjectType({ description: 'A letter read and split into points; confirm each anchor and file the points as the response’s comments.' })
export class LetterSplit {
  @Field(() => ID)
  attachmentId!: string;

  @Field(() => [LetterPoint])
  points!: LetterPoint[];
}
