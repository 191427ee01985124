import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CommentOutcome } from '../hearing-comment.entity';

const OUTCOME_MESSAGE = 'Vælg et udfald: indarbejdet, delvist, ikke indarbejdet eller noteret.';
const REPLY_MESSAGE = 'Svaret skal have mellem 1 og 20.000 tegn.';
/** The most comments one bulk operation takes: a whole large hearing. */
export const MAX_BULK = 20_000;

@InputType({ description: 'One answer to many comments (a theme, or any selection).' })
export class BulkReplyInput {
  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'Vælg mindst én kommentar.' })
  @ArrayMaxSize(MAX_BULK, { message: `Der kan højst besvares ${MAX_BULK.toLocaleString('da-DK')} kommentarer ad gangen.` })
  @IsUUID('all', { each: true, message: 'commentIds skal være gyldige id’er.' })
  commentIds!: string[];

  @Field()
  @IsString()
  @Length(1, 20_000, { message: REPLY_MESSAGE })
  reply!: string;

  @Field(() => CommentOutcome)
  @IsEnum(CommentOutcome, { message: OUTCOME_MESSAGE })
  outcome!: CommentOutcome;
}

@InputType({ description: 'One answer to a campaign: it applies to every response in it and each of their comments.' })
export class CampaignReplyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'campaignId skal være et gyldigt id.' })
  campaignId!: string;

  @Field()
  @IsString()
  @Length(1, 20_000, { message: REPLY_MESSAGE })
  reply!: string;

  @Field(() => CommentOutcome)
  @IsEnum(CommentOutcome, { message: OUTCOME_MESSAGE })
  outcome!: CommentOutcome;
}

@InputType()
export class RenameHearingThemeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'themeId skal være et gyldigt id.' })
  themeId!: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'Temaets navn skal have mellem 1 og 200 tegn.' })
  label!: string;
}

@InputType({ description: 'Merges themes into the first one; the others are gone.' })
export class MergeHearingThemesInput {
  @Field(() => [ID])
  @ArrayMinSize(2, { message: 'Vælg mindst to temaer at lægge sammen.' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'themeIds skal være gyldige id’er.' })
  themeIds!: string[];

  @Field(() => String, { nullable: true, description: 'The merged theme’s label; default: the first theme’s.' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'Temaets navn skal have mellem 1 og 200 tegn.' })
  label?: string | null;
}

@InputType({ description: 'Moves comments to a theme, or to a new theme when newThemeLabel is given instead.' })
export class MoveCommentsToThemeInput {
  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'Vælg mindst én kommentar.' })
  @ArrayMaxSize(MAX_BULK)
  @IsUUID('all', { each: true, message: 'commentIds skal være gyldige id’er.' })
  commentIds!: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'themeId skal være et gyldigt id.' })
  themeId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'Temaets navn skal have mellem 1 og 200 tegn.' })
  newThemeLabel?: string | null;
}

@InputType({ description: 'Saves a reply template for the secretariat of the hearing’s region (a new one, or `id` to change one).' })
export class SaveReplyTemplateInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'hearingId skal være et gyldigt id.' })
  hearingId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'id skal være et gyldigt id.' })
  id?: string | null;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'Skabelonens titel skal have mellem 1 og 200 tegn.' })
  title!: string;

  @Field()
  @IsString()
  @Length(1, 20_000, { message: REPLY_MESSAGE })
  body!: string;

  @Field(() => CommentOutcome, { nullable: true })
  @IsOptional()
  @IsEnum(CommentOutcome, { message: OUTCOME_MESSAGE })
  outcome?: CommentOutcome | null;
}
