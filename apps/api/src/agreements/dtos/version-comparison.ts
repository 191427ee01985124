import { Field, ObjectType } from '@nestjs/graphql';
import { AgreementVersion } from '../agreement-version.entity';
import { BlockChange } from './draft-types';

@ObjectType()
export class VersionComparison {
  @Field(() => AgreementVersion)
  from!: AgreementVersion;

  @Field(() => AgreementVersion)
  to!: AgreementVersion;

  @Field(() => [BlockChange])
  changes!: BlockChange[];
}
