import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity';
import { Region } from './region.entity';

/** A health cluster (sundhedsklynge); its users belong to the cluster's own organisation. */
@ObjectType()
@Entity({ name: 'clusters' })
export class Cluster {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Column({ name: 'organisation_id', type: 'uuid', unique: true })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @ManyToMany(() => Organisation)
  @JoinTable({
    name: 'cluster_members',
    joinColumn: { name: 'cluster_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'municipality_id', referencedColumnName: 'id' },
  })
  municipalities?: Organisation[];
}
