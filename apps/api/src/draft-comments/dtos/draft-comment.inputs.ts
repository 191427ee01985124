import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

@InputType()
export class CreateDraftCommentThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'agreementId skal være et gyldigt id.' })
  agreementId!: string;

  @Field(() => ID, { nullable: true, description: 'The block the selection starts in.' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'blockId må højst være 100 tegn.' })
  blockId?: string | null;

  @Field({ description: 'Where the selection starts: base64 of Y.encodeRelativePosition into the draft’s fragment.' })
  @IsString()
  @Length(1, 400, { message: 'Kommentarens placering (anchorStart) mangler eller er for lang.' })
  anchorStart!: string;

  @Field({ description: 'Where the selection ends, as anchorStart.' })
  @IsString()
  @Length(1, 400, { message: 'Kommentarens placering (anchorEnd) mangler eller er for lang.' })
  anchorEnd!: string;

  @Field({ description: 'The selected text.' })
  @IsString()
  @Length(1, 2000, { message: 'Markér den tekst, du vil kommentere (højst 2.000 tegn).' })
  quote!: string;

  @Field()
  @IsString()
  @Length(1, 5000, { message: 'Skriv en kommentar (højst 5.000 tegn).' })
  text!: string;
}

@InputType()
export class ReplyToDraftCommentThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'threadId skal være et gyldigt id.' })
  threadId!: string;

  @Field()
  @IsString()
  @Length(1, 5000, { message: 'Skriv et svar (højst 5.000 tegn).' })
  text!: string;
}
