import { DataSource, DataSourceOptions } from 'typeorm';

const MIGRATION_LOCK_KEY = 0x42756c77; // "Bulw": one lock for every Bulwark process on a database

/**
 * Runs pending migrations under a session advisory lock, so an api and a worker that start
 * together do not both apply the same migration. One pooled connection holds the lock while
 * the other runs the migrations.
 */
export async function runMigrations(options: DataSourceOptions): Promise<string[]> {
  const dataSource = new DataSource({ ...options, extra: { max: 2 } });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
