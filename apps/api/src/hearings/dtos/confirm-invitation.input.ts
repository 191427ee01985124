import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';

@InputType()
export class ConfirmInvitationInput {
  @Field(() => ID, { description: 'From acceptHearingInvitation.' })
  @IsUUID('all', { message: 'Bekræftelsen er ugyldig. Åbn invitationslinket igen.' })
  acceptanceId!: string;

  @Field({ description: 'The six digits mailed to the address.' })
  @IsString()
  @Length(1, 20, { message: 'Skriv den 6-cifrede kode fra e-mailen.' })
  code!: string;
}

@ObjectType({ description: 'The account is created, pending: a one-time code is on its way to the address.' })
export class InvitationCodeSent {
  @Field(() => ID, { description: 'Give it to confirmHearingInvitation with the code.' })
  acceptanceId!: string;

  @Field({ description: 'Where the code was sent.' })
  email!: string;

  @Field({ description: 'The code works until then.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'What an invitation link is for, shown on its landing page before anyone signs in: no personal data.' })
export class InvitationPreview {
  @Field(() => ID)
  hearingId!: string;

  @Field({ description: 'The organisation invited to answer.' })
  organisationName!: string;

  @Field()
  hearingTitle!: string;

  @Field()
  agreementTitle!: string;

  @Field({ description: 'The hearing deadline.' })
  closesAt!: Date;

  @Field({ description: 'SCHEDULED, OPEN or CLOSED.' })
  status!: string;
}
