import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { DateScalar } from '../../common/date.scalar';
import { InputLevel } from '../cluster-input-item.entity';

@InputType()
export class ClusterInputItemInput {
  @Field(() => ID, { nullable: true, description: 'The block of the draft the item concerns; omit for a general item.' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'blockId er for langt.' })
  blockId?: string | null;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'Hvert punkt skal have et tema på 1 til 200 tegn.' })
  theme!: string;

  @Field()
  @IsString()
  @Length(1, 20_000, { message: 'Hvert punkt skal have en tekst på 1 til 20.000 tegn.' })
  text!: string;

  @Field(() => InputLevel, { nullable: true, description: 'Political or professional cluster.' })
  @IsOptional()
  @IsEnum(InputLevel, { message: 'Niveauet skal være politisk (POLITICAL) eller fagligt (PROFESSIONAL).' })
  level?: InputLevel | null;
}

/** The same shape saves a draft and submits. */
@InputType()
export class SubmitClusterInputInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'roundId skal være et gyldigt id.' })
  roundId!: string;

  @Field(() => ID, { nullable: true, description: 'The cluster the input is from. Give organisationId instead for another asked organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'clusterId skal være et gyldigt id.' })
  clusterId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An asked organisation that is not a cluster (patient or professional organisation).' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId skal være et gyldigt id.' })
  organisationId?: string | null;

  @Field(() => [ClusterInputItemInput])
  @IsArray()
  @ArrayMaxSize(100, { message: 'Et input kan højst have 100 punkter.' })
  @ValidateNested({ each: true })
  @Type(() => ClusterInputItemInput)
  items!: ClusterInputItemInput[];

  @Field(() => DateScalar, { nullable: true, description: 'The date of the meeting where the input was decided.' })
  @IsOptional()
  @IsString()
  meetingDate?: string | null;

  @Field(() => String, { nullable: true, description: 'The agenda item of that meeting, e.g. "Punkt 4: Rammeoplæg for sundhedsaftalen".' })
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'Dagsordenspunktet må højst være 300 tegn.' })
  meetingItem?: string | null;
}

@InputType()
export class SaveClusterInputDraftInput extends SubmitClusterInputInput {}
