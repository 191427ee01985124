import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum InputRoundStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(InputRoundStatus, { name: 'InputRoundStatus', description: 'Set by the clock: open until the deadline, closed after.' });

/** A round in which the SSU secretariat asks the clusters (and other organisations) for input to the draft. */
@ObjectType()
@Entity({ name: 'input_rounds' })
export class InputRound {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Field(() => ID, { nullable: true, description: 'The frozen version the round asks about; null: the live draft.' })
  @Column({ name: 'version_id', type: 'uuid', nullable: true })
  versionId!: string | null;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field({ description: 'The deadline for input (frist); a participant may have an extended deadline of its own.' })
  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The status the clock gives a deadline at `now`. */
export const deadlineStatus = (deadline: Date, now = new Date()): InputRoundStatus =>
  now < deadline ? InputRoundStatus.OPEN : InputRoundStatus.CLOSED;
