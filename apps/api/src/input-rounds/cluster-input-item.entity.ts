import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InputItemAssessment } from './input-item-assessment.entity';

export enum InputLevel {
  POLITICAL = 'POLITICAL',
  PROFESSIONAL = 'PROFESSIONAL',
}
registerEnumType(InputLevel, {
  name: 'InputLevel',
  description: 'Whether the political cluster (politisk klynge) or the professional cluster (faglig klynge) gave the input.',
});

/** Where an item sits in the draft as it is now (or, if its block is gone, where it sat). */
export interface ItemSection {
  id: string;
  title: string;
  kind: string;
  /** False when the block is no longer in the live draft and the stored section is shown. */
  live: boolean;
}

/** One point of an input: a theme and a text, optionally tied to a block of the draft. */
@ObjectType()
@Entity({ name: 'cluster_input_items' })
export class ClusterInputItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'input_id', type: 'uuid' })
  inputId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  position!: number;

  @Field(() => ID, { nullable: true, description: 'The block of the draft (a section, vision, focus area, principle or paragraph); null: general.' })
  @Column({ name: 'block_id', type: 'text', nullable: true })
  blockId!: string | null;

  /** The section the block was in when the item was saved. */
  @Column({ name: 'section_id', type: 'text', nullable: true })
  storedSectionId!: string | null;

  @Column({ name: 'section_title', type: 'text', nullable: true })
  storedSectionTitle!: string | null;

  @Field()
  @Column({ type: 'text' })
  theme!: string;

  @Field()
  @Column({ type: 'text' })
  text!: string;

  @Field(() => InputLevel, { nullable: true })
  @Column({ type: 'text', nullable: true })
  level!: InputLevel | null;

  /** Set by the service from the live draft. */
  section?: ItemSection | null;

  /** Set by the service when it loads items in bulk (null: not assessed yet). */
  assessment?: InputItemAssessment | null;
}
