import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, ensureDatabaseExists } from '@gds/database';
import { AppConfig } from '../config/app-config';
import { MIGRATIONS } from '../../migrations';

/** Creates the database when asked to and runs pending migrations (both switchable off in production). */
export async function prepareDatabase(config: AppConfig): Promise<void> {
  const logger = new Logger('Database');
  if (config.DATABASE_AUTO_CREATE && (await ensureDatabaseExists(config.DATABASE_URL))) logger.log('Created the database');
  if (!config.MIGRATIONS_RUN_ON_START) return;
  // No entities: migrations are SQL of their own, and building the metadata of every entity here
  // would repeat, at every start, what the app's own data source does next (issue 23.6: start-up time).
  const dataSource = new DataSource(buildDataSourceOptions({ url: config.DATABASE_URL, poolSize: 2, entities: [], migrations: MIGRATIONS }));
  await dataSource.initialize();
  try {
    // One process migrates at a time when api and worker start together.
    await dataSource.query("SELECT pg_advisory_lock(hashtext('gds:migrations'))");
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await dataSource.query("SELECT pg_advisory_unlock(hashtext('gds:migrations'))").catch(() => undefined);
    await dataSource.destroy();
  }
}
