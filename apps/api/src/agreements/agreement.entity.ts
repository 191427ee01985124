import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DateScalar } from '../common/date.scalar';
import { Region } from '../organisations/region.entity';
import { AgreementPhase } from './agreement-phase.enum';

@ObjectType()
@Entity({ name: 'agreements' })
export class Agreement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId!: string;

  @Field(() => Region)
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field(() => Int)
  @Column({ name: 'period_start', type: 'int' })
  periodStart!: number;

  @Field(() => Int)
  @Column({ name: 'period_end', type: 'int' })
  periodEnd!: number;

  @Field(() => DateScalar)
  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  @Field(() => AgreementPhase)
  @Column({ type: 'text', default: AgreementPhase.PREPARATION })
  phase!: AgreementPhase;

  @Field(() => ID, { nullable: true, description: 'Set when every party has approved: the approved version, locked.' })
  @Column({ name: 'final_version_id', type: 'uuid', nullable: true })
  finalVersionId!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
