import { join } from 'node:path';
import { ROOT } from './build';

/** Creates and migrates a database with the build's own functions, as the service would. */
export async function migrateDatabase(databaseUrl: string): Promise<number> {
  const start = process.hrtime.bigint();
  const built = (file: string) => join(ROOT, 'dist', 'src', 'database', file);
  const { ensureDatabase } = (await import(
    built('ensure-database.js')
  )) as typeof import('../../src/database/ensure-database');
  const { runMigrations } = (await import(
    built('run-migrations.js')
  )) as typeof import('../../src/database/run-migrations');
  const { dataSourceOptions } = (await import(
    built('data-source-options.js')
  )) as typeof import('../../src/database/data-source-options');
  await ensureDatabase(databaseUrl);
  await runMigrations(dataSourceOptions(databaseUrl));
  return Number(process.hrtime.bigint() - start) / 1e9;
}
