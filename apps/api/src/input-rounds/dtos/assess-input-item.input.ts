import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { InputOutcome } from '../input-item-assessment.entity';

@InputType()
export class AssessInputItemInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'itemId skal være et gyldigt id.' })
  itemId!: string;

  @Field(() => InputOutcome)
  @IsEnum(InputOutcome, { message: 'Vælg en vurdering: indarbejdet, delvist, ikke indarbejdet eller noteret.' })
  outcome!: InputOutcome;

  @Field({ description: 'A short reason for the assessment.' })
  @IsString()
  @Length(1, 2_000, { message: 'Skriv en kort begrundelse (1 til 2.000 tegn).' })
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'The version where the item was worked in.' })
  @IsOptional()
  @IsUUID('all', { message: 'versionId skal være et gyldigt id.' })
  versionId?: string | null;
}
