import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsString, IsUUID, Length } from 'class-validator';

/** The most suggestions one decision takes (all of one author's, in a long draft). */
export const MAX_DECIDED_SUGGESTIONS = 500;

@InputType({ description: 'Accepts or rejects suggested changes in the live draft: one, a selection, or all of one author’s.' })
export class DecideSuggestionsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'agreementId skal være et gyldigt id.' })
  agreementId!: string;

  @Field(() => [ID], { description: `The suggestions' ids (the marks' \`id\`), 1 to ${MAX_DECIDED_SUGGESTIONS}.` })
  @ArrayMinSize(1, { message: 'Vælg mindst ét forslag.' })
  @ArrayMaxSize(MAX_DECIDED_SUGGESTIONS, { message: `Der kan højst tages stilling til ${MAX_DECIDED_SUGGESTIONS} forslag ad gangen.` })
  @IsString({ each: true, message: 'Et forslags id skal være tekst.' })
  @Length(1, 100, { each: true, message: 'Et forslags id skal være mellem 1 og 100 tegn.' })
  suggestionIds!: string[];

  @Field({ description: 'true: accept (inserted text stays, deleted text goes); false: reject.' })
  @IsBoolean({ message: 'accept skal være sand eller falsk.' })
  accept!: boolean;
}

@ObjectType({ description: 'What a decision on suggested changes did to the live draft.' })
export class SuggestionDecision {
  @Field(() => [ID], { description: 'The suggestions decided (those of the asked-for ids still pending).' })
  decided!: string[];

  @Field()
  accepted!: boolean;

  @Field(() => Int, { description: 'Suggestions still pending in the draft afterwards.' })
  pending!: number;
}
