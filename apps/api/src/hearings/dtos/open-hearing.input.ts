import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsOptional, IsString, IsUUID, Length } from 'class-validator';

@InputType()
export class OpenHearingInput {
  @Field(() => ID, { description: 'The frozen version that is the hearing draft.' })
  @IsUUID('all', { message: 'versionId skal være et gyldigt id.' })
  versionId!: string;

  @Field({ nullable: true, description: 'Defaults to "Bred høring over <version label>".' })
  @IsOptional()
  @IsString()
  @Length(3, 200, { message: 'Titlen skal være mellem 3 og 200 tegn.' })
  title?: string;

  @Field()
  @IsDate({ message: 'opensAt skal være et tidspunkt.' })
  opensAt!: Date;

  @Field()
  @IsDate({ message: 'closesAt skal være et tidspunkt.' })
  closesAt!: Date;

  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'Hver inviteret organisation skal have et gyldigt id.' })
  invitedOrganisationIds!: string[];
}

@InputType()
export class ExtendHearingDeadlineInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'hearingId skal være et gyldigt id.' })
  hearingId!: string;

  @Field()
  @IsDate({ message: 'closesAt skal være et tidspunkt.' })
  closesAt!: Date;

  @Field()
  @IsString()
  @Length(3, 500, { message: 'Skriv en begrundelse på 3 til 500 tegn.' })
  reason!: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  @IsString()
  @Length(10, 300, { message: 'Invitationslinket er ugyldigt.' })
  token!: string;

  @Field()
  @IsString()
  @Length(2, 120, { message: 'Skriv dit navn (2 til 120 tegn).' })
  name!: string;

  @Field()
  @IsString()
  @Length(3, 320, { message: 'Skriv en gyldig e-mailadresse.' })
  email!: string;
}
