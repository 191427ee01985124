import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../common/date.scalar';
import type { ClusterInputItem } from './cluster-input-item.entity';

export enum ClusterInputStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(ClusterInputStatus, {
  name: 'ClusterInputStatus',
  description: 'DRAFT: saved, editable; SUBMITTED: the current submission; SUPERSEDED: replaced by a later submission, kept.',
});

/**
 * A participant's input to a round: its one draft (submittedAt null) or one of its
 * submissions. A submission is immutable (a database trigger refuses changes).
 */
@ObjectType()
@Entity({ name: 'cluster_inputs' })
export class ClusterInput {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId!: string | null;

  @Field(() => Int, { nullable: true, description: 'The submission number for this participant (1, 2, …); null for the draft.' })
  @Column({ type: 'int', nullable: true })
  number!: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was submitted; null while it is a draft.' })
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedById!: string | null;

  @Field(() => String, { nullable: true, description: 'The name of the person who submitted it.' })
  @Column({ name: 'submitted_by_name', type: 'text', nullable: true })
  submittedByName!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date of the meeting where the input was decided.' })
  @Column({ name: 'meeting_date', type: 'date', nullable: true })
  meetingDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The agenda item of that meeting.' })
  @Column({ name: 'meeting_item', type: 'text', nullable: true })
  meetingItem!: string | null;

  @Field(() => ID, { nullable: true, description: 'The earlier submission this one replaces.' })
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field({ description: 'Last saved (a draft) or submitted.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Whether a later submission of the same participant exists (set by the service). */
  superseded?: boolean;

  /** The items, when the service has loaded them with their live sections. */
  loadedItems?: ClusterInputItem[];
}
