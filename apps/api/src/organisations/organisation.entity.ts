import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationKind } from './organisation-kind.enum';
import { Region } from './region.entity';

@ObjectType()
@Entity({ name: 'organisations' })
@Index(['kind', 'name'])
export class Organisation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field(() => OrganisationKind)
  @Column({ type: 'text' })
  kind!: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'Official code, e.g. the municipality number.' })
  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId!: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
