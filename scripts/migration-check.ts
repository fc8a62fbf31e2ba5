import { DataSource } from 'typeorm';
import { parseEnvironment } from '../src/config/environment';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ensureDatabase } from '../src/database/ensure-database';

// Fails when the entities describe a schema that the migrations do not build: applies every
// migration to a scratch database, then asks TypeORM what it would still change.
async function main(): Promise<void> {
  const url = new URL(parseEnvironment(process.env).DATABASE_URL);
  url.pathname = `${url.pathname}_drift_check`;
  const scratch = url.toString();
  await ensureDatabase(scratch);
  const dataSource = new DataSource(dataSourceOptions(scratch));
  await dataSource.initialize();
  try {
    await dataSource.dropDatabase();
    await dataSource.runMigrations();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    if (pending.upQueries.length > 0) {
      console.error('Entities and migrations disagree; generate a migration. Missing statements:');
      for (const query of pending.upQueries) console.error(`  ${query.query}`);
      process.exitCode = 1;
    } else {
      console.log('Entities and migrations agree.');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
