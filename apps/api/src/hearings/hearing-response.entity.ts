import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommentOutcome } from './hearing-comment.entity';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A submitted hearing response (høringssvar). Immutable once submitted. */
@ObjectType()
@Entity({ name: 'hearing_responses' })
export class HearingResponse {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'hearing_id', type: 'uuid' })
  hearingId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Field({ description: 'The receipt number (kvitteringsnummer), e.g. SA24-H-0042.' })
  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Field({ description: 'Consent to publish the response when the hearing closes.' })
  @Column({ type: 'boolean' })
  publish!: boolean;

  @Field({ description: 'Registered by the secretariat after the deadline.' })
  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedById!: string;

  @Column({ name: 'submitted_by_name', type: 'text' })
  submittedByName!: string;

  @Field()
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The secretariat’s answer to the general remarks (the summary).' })
  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Field(() => CommentOutcome, { nullable: true })
  @Column({ type: 'text', nullable: true })
  outcome!: CommentOutcome | null;

  @Column({ name: 'replied_by', type: 'uuid', nullable: true })
  repliedById!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true })
  repliedAt!: Date | null;
}
