import { Field, ObjectType } from '@nestjs/graphql';
import { AgreementVersion } from '../agreement-version.entity';
import { BlockChange } from './draft-types';

@ObjectType()
export class VersionComparison {
  @Field(() => AgreementVersion)
  from!: AgreementVersion;

  @Field(() => AgreementVersion, { nullable: true, description: 'The later version; null when compared with the live draft.' })
  to!: AgreementVersion | null;

  @Field(() => [BlockChange])
  changes!: BlockChange[];
}
