import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data every installation needs: the regions, their municipalities, their health
 * clusters (many-to-many with the municipalities) and the regional bodies that approve the
 * agreement. Kept apart from the schema migrations, as data fixes are.
 */
interface RegionSeed {
  code: string;
  name: string;
  council: string;
  committee: string;
  municipalities: string[];
  clusters: Record<string, string[]>;
}

export const REFERENCE_REGIONS: RegionSeed[] = [
  {
    code: 'H',
    name: 'Region Hovedstaden',
    council: 'Regionsrådet, Region Hovedstaden',
    committee: 'Sundhedssamarbejdsudvalget, Region Hovedstaden',
    municipalities: [
      'Albertslund', 'Allerød', 'Ballerup', 'Bornholm', 'Brøndby', 'Dragør', 'Egedal', 'Fredensborg',
      'Frederiksberg', 'Frederikssund', 'Furesø', 'Gentofte', 'Gladsaxe', 'Glostrup', 'Gribskov', 'Halsnæs',
      'Helsingør', 'Herlev', 'Hillerød', 'Hvidovre', 'Høje-Taastrup', 'Hørsholm', 'Ishøj', 'København',
      'Lyngby-Taarbæk', 'Rudersdal', 'Rødovre', 'Tårnby', 'Vallensbæk',
    ],
    clusters: {
      Nord: ['Allerød', 'Fredensborg', 'Frederikssund', 'Gribskov', 'Halsnæs', 'Helsingør', 'Hillerød', 'Hørsholm'],
      Midt: ['Ballerup', 'Egedal', 'Furesø', 'Gentofte', 'Gladsaxe', 'Herlev', 'Lyngby-Taarbæk', 'Rudersdal', 'Rødovre'],
      Syd: [
        'Albertslund', 'Brøndby', 'Dragør', 'Glostrup', 'Hvidovre', 'Høje-Taastrup', 'Ishøj', 'København', 'Rødovre',
        'Tårnby', 'Vallensbæk',
      ],
      Byen: ['København', 'Frederiksberg'],
      Bornholm: ['Bornholm'],
    },
  },
  {
    code: 'S',
    name: 'Region Syddanmark',
    council: 'Regionsrådet, Region Syddanmark',
    committee: 'Sundhedssamarbejdsudvalget, Region Syddanmark',
    municipalities: [
      'Aabenraa', 'Assens', 'Billund', 'Esbjerg', 'Faaborg-Midtfyn', 'Fanø', 'Fredericia', 'Haderslev', 'Kerteminde',
      'Kolding', 'Langeland', 'Middelfart', 'Nordfyns', 'Nyborg', 'Odense', 'Svendborg', 'Sønderborg', 'Tønder',
      'Varde', 'Vejen', 'Vejle', 'Ærø',
    ],
    clusters: {
      Fyn: ['Assens', 'Faaborg-Midtfyn', 'Kerteminde', 'Langeland', 'Middelfart', 'Nordfyns', 'Nyborg', 'Odense', 'Svendborg', 'Ærø'],
      Lillebælt: ['Billund', 'Fredericia', 'Kolding', 'Vejle'],
      Sydvestjylland: ['Esbjerg', 'Fanø', 'Varde', 'Vejen'],
      Sønderjylland: ['Aabenraa', 'Haderslev', 'Sønderborg', 'Tønder'],
    },
  },
];

export const municipalityName = (name: string) => `${name} Kommune`;
export const clusterName = (name: string) => `Sundhedsklynge ${name}`;

export class ReferenceData1763900000001 implements MigrationInterface {
  name = 'ReferenceData1763900000001';

  async up(q: QueryRunner): Promise<void> {
    for (const region of REFERENCE_REGIONS) {
      const [{ id: regionId }] = await q.query(`INSERT INTO "regions" ("code", "name") VALUES ($1, $2) RETURNING "id"`, [
        region.code,
        region.name,
      ]);
      const insertOrg = async (name: string, kind: string): Promise<string> => {
        const [{ id }] = await q.query(
          `INSERT INTO "organisations" ("name", "kind", "region_id") VALUES ($1, $2, $3) RETURNING "id"`,
          [name, kind, regionId],
        );
        return id;
      };
      await insertOrg(region.council, 'REGION');
      await insertOrg(region.committee, 'COMMITTEE');
      const municipalityIds = new Map<string, string>();
      for (const name of region.municipalities) municipalityIds.set(name, await insertOrg(municipalityName(name), 'MUNICIPALITY'));
      for (const [cluster, members] of Object.entries(region.clusters)) {
        const organisationId = await insertOrg(clusterName(cluster), 'COMMITTEE');
        const [{ id: clusterId }] = await q.query(
          `INSERT INTO "clusters" ("name", "region_id", "organisation_id") VALUES ($1, $2, $3) RETURNING "id"`,
          [cluster, regionId, organisationId],
        );
        for (const member of members) {
          const municipalityId = municipalityIds.get(member);
          if (!municipalityId) throw new Error(`Cluster ${cluster} names unknown municipality ${member}`);
          await q.query(`INSERT INTO "cluster_members" ("cluster_id", "municipality_id") VALUES ($1, $2)`, [
            clusterId,
            municipalityId,
          ]);
        }
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const codes = REFERENCE_REGIONS.map((r) => r.code);
    await q.query(`DELETE FROM "clusters" WHERE "region_id" IN (SELECT "id" FROM "regions" WHERE "code" = ANY($1))`, [codes]);
    await q.query(`DELETE FROM "organisations" WHERE "region_id" IN (SELECT "id" FROM "regions" WHERE "code" = ANY($1))`, [
      codes,
    ]);
    await q.query(`DELETE FROM "regions" WHERE "code" = ANY($1)`, [codes]);
  }
}
