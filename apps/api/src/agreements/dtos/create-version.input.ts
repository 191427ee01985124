import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';

@InputType()
export class CreateVersionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'agreementId skal være et gyldigt id.' })
  agreementId!: string;

  @Field({ description: 'E.g. "Høringsudkast".' })
  @IsString()
  @Length(1, 200, { message: 'Versionens navn skal være mellem 1 og 200 tegn.' })
  label!: string;
}
