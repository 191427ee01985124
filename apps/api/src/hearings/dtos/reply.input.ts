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
