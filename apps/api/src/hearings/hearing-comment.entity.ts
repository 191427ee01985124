import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum CommentOutcome {
  INCORPORATED = 'INCORPORATED',
  PARTLY_INCORPORATED = 'PARTLY_INCORPORATED',
  NOT_INCORPORATED = 'NOT_INCORPORATED',
  NOTED = 'NOTED',
}
registerEnumType(CommentOutcome, { name: 'CommentOutcome' });

/** One point of a response, anchored to a block of the hearing version (or general). */
@ObjectType()
@Entity({ name: 'hearing_comments' })
export class HearingComment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'response_id', type: 'uuid' })
  responseId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  position!: number;

  @Field(() => ID, { nullable: true, description: 'The block of the hearing version; null for a general comment.' })
  @Column({ name: 'block_id', type: 'text', nullable: true })
  blockId!: string | null;

  @Field(() => String, { nullable: true, description: 'The quoted span of the block, if any.' })
  @Column({ type: 'text', nullable: true })
  quote!: string | null;

  @Field()
  @Column({ type: 'text' })
  text!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Field(() => CommentOutcome, { nullable: true })
  @Column({ type: 'text', nullable: true })
  outcome!: CommentOutcome | null;

  @Field(() => ID, { nullable: true, description: 'The block of the next version that changed because of this comment.' })
  @Column({ name: 'changed_block_id', type: 'text', nullable: true })
  changedBlockId!: string | null;

  @Column({ name: 'replied_by', type: 'uuid', nullable: true })
  repliedById!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true })
  repliedAt!: Date | null;
}
