import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './role.enum';
import { Organisation } from '../organisations/organisation.entity';

@ObjectType()
@Entity({ name: 'users' })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; unique. */
  @Field()
  @Column({ type: 'text', unique: true })
  email!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Field(() => Role)
  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Field(() => Organisation)
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /**
   * Set for an account created through an invitation link: it acts only for its organisation
   * in this one hearing (see invitationBinding in the access policy).
   */
  @Column({ name: 'hearing_id', type: 'uuid', nullable: true })
  hearingId!: string | null;

  /** Set when the account is closed: it cannot log in, and its sessions end at once. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
