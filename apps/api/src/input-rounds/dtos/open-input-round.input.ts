import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

@InputType()
export class OpenInputRoundInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'agreementId skal være et gyldigt id.' })
  agreementId!: string;

  @Field()
  @IsString()
  @Length(3, 200, { message: 'Titlen skal være mellem 3 og 200 tegn.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the round asks about, shown to the clusters.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000, { message: 'Beskrivelsen må højst være 10.000 tegn.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'A frozen version the round asks about; omit for the live draft.' })
  @IsOptional()
  @IsUUID('all', { message: 'versionId skal være et gyldigt id.' })
  versionId?: string | null;

  @Field({ description: 'The deadline for input (frist).' })
  @IsDate({ message: 'Fristen skal være et tidspunkt.' })
  deadline!: Date;

  @Field(() => [ID], { description: 'The clusters asked for input.' })
  @IsArray()
  @ArrayMaxSize(50, { message: 'Højst 50 klynger pr. inputrunde.' })
  @IsUUID('all', { each: true, message: 'Hver klynge skal have et gyldigt id.' })
  clusterIds!: string[];

  @Field(() => [ID], { nullable: true, description: 'Other organisations asked (patient and professional organisations, …).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200, { message: 'Højst 200 organisationer pr. inputrunde.' })
  @IsUUID('all', { each: true, message: 'Hver organisation skal have et gyldigt id.' })
  organisationIds?: string[] | null;
}

@InputType()
export class ExtendInputRoundDeadlineInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'roundId skal være et gyldigt id.' })
  roundId!: string;

  @Field({ description: 'The new deadline; it must be later than the one it replaces.' })
  @IsDate({ message: 'Fristen skal være et tidspunkt.' })
  deadline!: Date;

  @Field()
  @IsString()
  @Length(3, 500, { message: 'Skriv en begrundelse på 3 til 500 tegn.' })
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'Extend for this cluster only; omit (with organisationId) to extend for everyone.' })
  @IsOptional()
  @IsUUID('all', { message: 'clusterId skal være et gyldigt id.' })
  clusterId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Extend for this (non-cluster) organisation only.' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId skal være et gyldigt id.' })
  organisationId?: string | null;
}
