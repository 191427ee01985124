import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A PDF or DOCX file an organisation attached to its response; type checked by content. */
@ObjectType()
@Entity({ name: 'attachments' })
export class Attachment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedById!: string;

  @Field()
  @Column({ type: 'text' })
  filename!: string;

  @Field()
  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'bytea', select: false })
  data!: Buffer;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
