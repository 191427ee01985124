import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum InputOutcome {
  INCORPORATED = 'INCORPORATED',
  PARTLY_INCORPORATED = 'PARTLY_INCORPORATED',
  NOT_INCORPORATED = 'NOT_INCORPORATED',
  NOTED = 'NOTED',
}
registerEnumType(InputOutcome, { name: 'InputOutcome', description: 'Indarbejdet, delvist indarbejdet, ikke indarbejdet or noteret.' });

/** The secretariat's assessment of one submitted item; kept apart so the item never changes. */
@ObjectType()
@Entity({ name: 'input_item_assessments' })
export class InputItemAssessment {
  @Field(() => ID)
  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Field(() => InputOutcome)
  @Column({ type: 'text' })
  outcome!: InputOutcome;

  @Field({ description: 'A short reason, shown to the cluster and in the summary.' })
  @Column({ type: 'text' })
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'The version where the item was worked in.' })
  @Column({ name: 'version_id', type: 'uuid', nullable: true })
  versionId!: string | null;

  @Column({ name: 'assessed_by', type: 'uuid', nullable: true })
  assessedById!: string | null;

  @Field()
  @Column({ name: 'assessed_at', type: 'timestamptz' })
  assessedAt!: Date;
}
