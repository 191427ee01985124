import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const logger = new Logger('Migrations');

export class MigrationError extends Error {}

/**
 * Applies every pending migration, each in its own transaction. A failure stops the start
 * with a message naming the migration.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 2), migrationsTransactionMode: 'each' });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new MigrationError(`Kan ikke forbinde til databasen (${(error as Error).message}). Tjek DATABASE_URL.`);
  }
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.log(`Applied ${migration.name}`);
    return applied.map((m) => m.name);
  } catch (error) {
    throw new MigrationError(`En databasemigrering fejlede, og serveren starter ikke: ${(error as Error).message}`);
  } finally {
    await dataSource.destroy();
  }
}
