import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { JsonText } from '../../common/input-boundary';

@InputType()
export class HearingCommentInput {
  @Field(() => ID, { nullable: true, description: 'The block of the hearing version; omit for a general comment.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  blockId?: string | null;

  @Field(() => String, { nullable: true, description: 'A span of the block the comment is about.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'Et citat må højst være 2.000 tegn.' })
  quote?: string | null;

  @Field()
  @IsString()
  @Length(1, 20_000, { message: 'En kommentar skal have mellem 1 og 20.000 tegn.' })
  text!: string;
}

@InputType()
export class SubmitHearingResponseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'hearingId skal være et gyldigt id.' })
  hearingId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'organisationId skal være et gyldigt id.' })
  organisationId!: string;

  @Field({ description: 'The same key returns the same receipt: safe to retry.' })
  @IsString()
  @Length(8, 200, { message: 'idempotencyKey skal være mellem 8 og 200 tegn.' })
  idempotencyKey!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50_000, { message: 'Resuméet må højst være 50.000 tegn.' })
  summary?: string | null;

  @Field(() => [HearingCommentInput])
  @IsArray()
  @ArrayMaxSize(500, { message: 'Et høringssvar kan højst have 500 kommentarer.' })
  @ValidateNested({ each: true })
  @Type(() => HearingCommentInput)
  comments!: HearingCommentInput[];

  @Field()
  @IsBoolean()
  publish!: boolean;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'Højst 20 bilag pr. høringssvar.' })
  @IsUUID('all', { each: true, message: 'Hvert bilag skal have et gyldigt id.' })
  attachmentIds?: string[] | null;
}

@InputType()
export class SaveHearingDraftInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'hearingId skal være et gyldigt id.' })
  hearingId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'organisationId skal være et gyldigt id.' })
  organisationId!: string;

  @Field({ description: 'The form as JSON, as the person has written it so far.' })
  @JsonText({ maxLength: 500_000 })
  @IsString()
  @MaxLength(500_000, { message: 'Kladden er for stor.' })
  content!: string;
}
