import { Field, ID, ObjectType } from '@nestjs/graphql';
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

  @Field({ description: 'Journal-style receipt reference, e.g. SA24-H-0042.' })
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
}
