import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { Cluster } from './cluster.entity';
import { OrganisationKind } from './organisation-kind.enum';
import { Organisation } from './organisation.entity';
import { Region } from './region.entity';

const byDanishName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'da');

@Injectable()
export class OrganisationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** All regions, by code. */
  regions(): Promise<Region[]> {
    return this.db.getRepository(Region).find({ order: { code: 'ASC' } });
  }

  /** Organisations, optionally of one kind, in Danish alphabetical order. */
  async organisations(kind?: OrganisationKind, regionId?: string): Promise<Organisation[]> {
    const where: FindOptionsWhere<Organisation> = {};
    if (kind) where.kind = kind;
    if (regionId) where.regionId = regionId;
    const rows = await this.db.getRepository(Organisation).find({ where });
    return rows.sort(byDanishName);
  }

  /** A region's health clusters, with their member municipalities. */
  async clusters(regionId: string): Promise<Cluster[]> {
    const rows = await this.db.getRepository(Cluster).find({ where: { regionId }, relations: { municipalities: true } });
    for (const row of rows) row.municipalities?.sort(byDanishName);
    return rows.sort(byDanishName);
  }

  regionById(id: string): Promise<Region | null> {
    return this.db.getRepository(Region).findOneBy({ id });
  }

  organisationById(id: string): Promise<Organisation | null> {
    return this.db.getRepository(Organisation).findOneBy({ id });
  }
}
