import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum HearingStatus {
  SCHEDULED = 'SCHEDULED',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(HearingStatus, { name: 'HearingStatus', description: 'Set by the clock: before opensAt, until closesAt, after.' });

/** A broad hearing (bred høring) on a frozen version of the agreement. */
@ObjectType()
@Entity({ name: 'hearings' })
export class Hearing {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Field(() => ID)
  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field()
  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Field({ description: 'The hearing deadline (høringsfrist).' })
  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  @Column({ name: 'reference_prefix', type: 'text' })
  referencePrefix!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the secretariat published the hearing memo on the public page; null while unpublished.' })
  @Column({ name: 'memo_published_at', type: 'timestamptz', nullable: true })
  memoPublishedAt!: Date | null;

  @Column({ name: 'memo_published_by', type: 'uuid', nullable: true })
  memoPublishedById!: string | null;

  /** The version the published memo compares the hearing draft with (null: the default). */
  @Column({ name: 'memo_compared_version_id', type: 'uuid', nullable: true })
  memoComparedVersionId!: string | null;
}

/** The status the clock gives a hearing at `now`. */
export function hearingStatus(hearing: Pick<Hearing, 'opensAt' | 'closesAt'>, now = new Date()): HearingStatus {
  if (now < hearing.opensAt) return HearingStatus.SCHEDULED;
  if (now < hearing.closesAt) return HearingStatus.OPEN;
  return HearingStatus.CLOSED;
}
