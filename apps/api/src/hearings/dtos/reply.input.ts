import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { CommentOutcome } from '../hearing-comment.entity';

@InputType()
export class ReplyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'commentId skal være et gyldigt id.' })
  commentId!: string;

  @Field()
  @IsString()
  @Length(1, 20_000, { message: 'Svaret skal have mellem 1 og 20.000 tegn.' })
  reply!: string;

  @Field(() => CommentOutcome)
  @IsEnum(CommentOutcome, { message: 'Vælg et udfald: indarbejdet, delvist, ikke indarbejdet eller noteret.' })
  outcome!: CommentOutcome;

  @Field(() => ID, { nullable: true, description: 'The block of the next version that changed.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  changedBlockId?: string | null;
}

@InputType({ description: 'The answer to a response’s general remarks (its summary).' })
export class ResponseReplyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'responseId skal være et gyldigt id.' })
  responseId!: string;

  @Field()
  @IsString()
  @Length(1, 20_000, { message: 'Svaret skal have mellem 1 og 20.000 tegn.' })
  reply!: string;

  @Field(() => CommentOutcome)
  @IsEnum(CommentOutcome, { message: 'Vælg et udfald: indarbejdet, delvist, ikke indarbejdet eller noteret.' })
  outcome!: CommentOutcome;
}

@InputType({ description: 'Publishes the hearing memo on the public page, compared with a chosen version.' })
export class PublishHearingMemoInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'hearingId skal være et gyldigt id.' })
  hearingId!: string;

  @Field(() => ID, { nullable: true, description: 'The version the memo compares the hearing draft with; default: the latest version someone named.' })
  @IsOptional()
  @IsUUID('all', { message: 'compareWithVersionId skal være et gyldigt id.' })
  compareWithVersionId?: string | null;
}
