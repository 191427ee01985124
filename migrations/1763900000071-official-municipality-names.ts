import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipalities by their official names. The reference data called every one "<name>
 * Kommune"; two are not: the capital is "Københavns Kommune" (genitive) and Bornholm is a
 * regional municipality, "Bornholms Regionskommune". The other 49 of the 51 are "<name> Kommune".
 */
export const OFFICIAL_NAME_FIXES: ReadonlyArray<[was: string, official: string]> = [
  ['København Kommune', 'Københavns Kommune'],
  ['Bornholm Kommune', 'Bornholms Regionskommune'],
];

export class OfficialMunicipalityNames1763900000071 implements MigrationInterface {
  name = 'OfficialMunicipalityNames1763900000071';

  async up(q: QueryRunner): Promise<void> {
    for (const [was, official] of OFFICIAL_NAME_FIXES) {
      await q.query(`UPDATE "organisations" SET "name" = $2 WHERE "name" = $1 AND "kind" = 'MUNICIPALITY'`, [was, official]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [was, official] of OFFICIAL_NAME_FIXES) {
      await q.query(`UPDATE "organisations" SET "name" = $1 WHERE "name" = $2 AND "kind" = 'MUNICIPALITY'`, [was, official]);
    }
  }
}
