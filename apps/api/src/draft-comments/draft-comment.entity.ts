import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum DraftCommentStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}
registerEnumType(DraftCommentStatus, { name: 'DraftCommentStatus' });

/** One comment of a thread on the live draft: the first opens it, the rest are replies. */
@ObjectType()
@Entity({ name: 'draft_comments' })
export class DraftComment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'thread_id', type: 'uuid' })
  threadId!: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Field({ description: 'The author’s name as it was when they wrote.' })
  @Column({ name: 'author_name', type: 'text' })
  authorName!: string;

  @Field({ description: 'The author’s organisation as it was when they wrote.' })
  @Column({ name: 'organisation_name', type: 'text' })
  organisationName!: string;

  @Field()
  @Column({ type: 'text' })
  text!: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A comment thread on a span of the live draft. The span is two Yjs relative positions (base64 of
 * `Y.encodeRelativePosition`) into the draft's XML fragment: they follow the text through
 * everyone's edits, and when the text is deleted they meet, which leaves the thread orphaned.
 */
@ObjectType()
@Entity({ name: 'draft_comment_threads' })
export class DraftCommentThread {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Field(() => ID, { nullable: true, description: 'The block the commented text started in when the thread was opened.' })
  @Column({ name: 'block_id', type: 'text', nullable: true })
  blockId!: string | null;

  @Field({ description: 'Where the commented text starts: a Yjs relative position, base64.' })
  @Column({ name: 'anchor_start', type: 'text' })
  anchorStart!: string;

  @Field({ description: 'Where the commented text ends: a Yjs relative position, base64.' })
  @Column({ name: 'anchor_end', type: 'text' })
  anchorEnd!: string;

  @Field({ description: 'The commented text as it was when the thread was opened.' })
  @Column({ type: 'text' })
  quote!: string;

  @Field(() => DraftCommentStatus)
  @Column({ type: 'text', default: DraftCommentStatus.OPEN })
  status!: DraftCommentStatus;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedById!: string | null;

  @Field(() => String, { nullable: true, description: 'Who resolved the thread, while it is resolved.' })
  @Column({ name: 'resolved_by_name', type: 'text', nullable: true })
  resolvedByName!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}

/** What changed in an agreement's comment threads (the client fetches the threads again). */
@ObjectType()
export class DraftCommentThreadEvent {
  @Field(() => ID)
  agreementId!: string;

  @Field(() => ID)
  threadId!: string;

  @Field({ description: 'CREATED, REPLIED, RESOLVED or REOPENED.' })
  action!: string;
}
