import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';
import { ENTITIES } from './entities';

// Calendar dates stay 'YYYY-MM-DD' strings: no time zone may shift them.
types.setTypeParser(types.builtins.DATE, (value: string) => value);
// bigint ids and counts fit comfortably in JavaScript numbers for this product's sizes,
// but the audit log id is kept as text to stay exact.

/** TypeORM options for the platform's database; migrations only, never synchronize. */
export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
  };
}
