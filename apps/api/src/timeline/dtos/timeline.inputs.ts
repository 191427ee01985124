import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { AgreementPhase } from '../../agreements/agreement-phase.enum';
import { DateScalar } from '../../common/date.scalar';
import { ApprovalDecision, MilestoneKind, MilestoneLink } from '../timeline-types';

@InputType()
export class RecordApprovalInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'agreementId skal være et gyldigt id.' })
  agreementId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'organisationId skal være et gyldigt id.' })
  organisationId!: string;

  @Field(() => ApprovalDecision)
  @IsEnum(ApprovalDecision, { message: 'Vælg godkendt eller ikke godkendt.' })
  decision!: ApprovalDecision;

  @Field(() => DateScalar)
  @IsString()
  decidedAt!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'Noten må højst være 2.000 tegn.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'E.g. "Kommunalbestyrelsen 14.11.2023, pkt. 7".' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  meetingReference?: string | null;

  @Field(() => ID, { nullable: true, description: 'An uploaded decision document (PDF or DOCX).' })
  @IsOptional()
  @IsUUID('all', { message: 'documentId skal være et gyldigt id.' })
  documentId?: string | null;
}

@InputType()
export class CreateMilestoneInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'agreementId skal være et gyldigt id.' })
  agreementId!: string;

  @Field()
  @IsString()
  @Length(2, 200, { message: 'Titlen skal være mellem 2 og 200 tegn.' })
  title!: string;

  @Field(() => MilestoneKind)
  @IsEnum(MilestoneKind)
  kind!: MilestoneKind;

  @Field(() => DateScalar)
  @IsString()
  date!: string;

  @Field(() => AgreementPhase, { nullable: true })
  @IsOptional()
  @IsEnum(AgreementPhase)
  phase?: AgreementPhase | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => MilestoneLink, { nullable: true })
  @IsOptional()
  @IsEnum(MilestoneLink)
  linkType?: MilestoneLink | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  linkId?: string | null;
}

@InputType()
export class SetAgreementPhaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'agreementId skal være et gyldigt id.' })
  agreementId!: string;

  @Field(() => AgreementPhase)
  @IsEnum(AgreementPhase, { message: 'Ukendt fase.' })
  phase!: AgreementPhase;
}

@InputType()
export class LockFinalVersionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'agreementId skal være et gyldigt id.' })
  agreementId!: string;

  @Field(() => ID, { description: 'The version to lock as the final version the parties approve.' })
  @IsUUID('all', { message: 'versionId skal være et gyldigt id.' })
  versionId!: string;
}
