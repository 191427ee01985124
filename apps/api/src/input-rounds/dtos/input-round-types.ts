import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SectionKindEnum } from '../../agreements/dtos/draft-types';
import { Cluster } from '../../organisations/cluster.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { InputRoundStatus } from '../input-round.entity';

@ObjectType({ description: 'A cluster or organisation asked for input, with where it stands.' })
export class InputRoundParticipant {
  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => Cluster, { nullable: true, description: 'Null for an organisation that is not a cluster.' })
  cluster!: Cluster | null;

  @Field({ description: 'The name to show: the cluster name, or the organisation name.' })
  name!: string;

  @Field({ description: 'The deadline that applies to this participant (its own extension, or the round’s).' })
  deadline!: Date;

  @Field({ description: 'Whether the deadline was extended for this participant only.' })
  extended!: boolean;

  @Field(() => InputRoundStatus)
  status!: InputRoundStatus;

  @Field({ description: 'Whether it has submitted at least once.' })
  submitted!: boolean;

  @Field(() => Date, { nullable: true, description: 'When its current submission was submitted.' })
  lastSubmittedAt!: Date | null;

  @Field(() => Int)
  submissions!: number;
}

@ObjectType()
export class InputRoundDeadlineChange {
  @Field(() => String, { nullable: true, description: 'The participant it was extended for; null: the whole round.' })
  participantName!: string | null;

  @Field()
  previousDeadline!: Date;

  @Field()
  deadline!: Date;

  @Field()
  reason!: string;

  @Field()
  changedAt!: Date;
}

@ObjectType({ description: 'A column of the matrix: a section of the live draft (or "no section").' })
export class InputMatrixSection {
  @Field(() => ID, { nullable: true, description: 'Null for items not tied to a section.' })
  sectionId!: string | null;

  @Field()
  title!: string;

  @Field(() => SectionKindEnum, { nullable: true })
  kind!: SectionKindEnum | null;

  @Field(() => Int, { description: 'Items in this section over all participants.' })
  total!: number;
}

@ObjectType({ description: 'A row of the matrix: one participant, with its item count per section (same order as sections).' })
export class InputMatrixRow {
  @Field()
  name!: string;

  @Field(() => ID, { nullable: true })
  clusterId!: string | null;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => [Int])
  counts!: number[];

  @Field(() => Int)
  total!: number;

  @Field()
  submitted!: boolean;
}

@ObjectType({ description: 'Items with the same theme across participants.' })
export class InputTheme {
  @Field()
  theme!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => [String], { description: 'The participants that raised it.' })
  participants!: string[];
}

@ObjectType({ description: 'The current submissions, participants × sections of the live draft, with counts.' })
export class InputMatrix {
  @Field(() => [InputMatrixSection])
  sections!: InputMatrixSection[];

  @Field(() => [InputMatrixRow])
  rows!: InputMatrixRow[];

  @Field(() => [InputTheme])
  themes!: InputTheme[];

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'The live section an item concerns.' })
export class InputItemSection {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => SectionKindEnum)
  kind!: SectionKindEnum;

  @Field({ description: 'False when the block is no longer in the live draft; the section it was in is shown.' })
  live!: boolean;
}
