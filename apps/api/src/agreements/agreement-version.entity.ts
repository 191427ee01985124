import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { JSONContent, PendingSuggestion as PendingSuggestionData } from '@aftalerum/editor';
import { PendingSuggestion } from './dtos/pending-suggestion';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A frozen, numbered copy of the draft. Immutable (a database trigger refuses changes). */
@ObjectType()
@Entity({ name: 'agreement_versions' })
export class AgreementVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  number!: number;

  @Field()
  @Column({ type: 'text' })
  label!: string;

  /** The accepted text: every suggestion still pending when the version was locked is left out of it. */
  @Column({ type: 'jsonb' })
  content!: JSONContent;

  @Field(() => [PendingSuggestion], { description: 'The suggestions that were pending when the version was locked, in document order (not part of its text).' })
  @Column({ name: 'pending_suggestions', type: 'jsonb', default: () => "'[]'::jsonb" })
  pendingSuggestions!: PendingSuggestionData[];

  @Field({ description: 'The whole version as plain text.' })
  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the secretariat locked this version as the final version the parties approve.' })
  @Column({ name: 'final_locked_at', type: 'timestamptz', nullable: true })
  finalLockedAt!: Date | null;

  @Column({ name: 'final_locked_by', type: 'uuid', nullable: true })
  finalLockedById!: string | null;
}
