import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DateScalar } from '../../common/date.scalar';

@InputType()
export class CreateAgreementInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'regionId skal være et gyldigt id.' })
  regionId!: string;

  @Field()
  @IsString()
  @Length(3, 200, { message: 'Titlen skal være mellem 3 og 200 tegn.' })
  title!: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000, { message: 'periodStart skal være et årstal fra 2000.' })
  @Max(2100, { message: 'periodStart skal være et årstal før 2100.' })
  periodStart!: number;

  @Field(() => Int)
  @IsInt()
  @Min(2000, { message: 'periodEnd skal være et årstal fra 2000.' })
  @Max(2100, { message: 'periodEnd skal være et årstal før 2100.' })
  periodEnd!: number;

  @Field(() => DateScalar)
  @IsString()
  effectiveDate!: string;
}
