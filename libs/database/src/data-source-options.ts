import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DataSourceSettings {
  url: string;
  poolSize: number;
  /** How long a query waits for a free pool connection before the request answers 503 (default 5 s). */
  connectTimeoutMs?: number;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
}

/**
 * The one set of TypeORM options shared by the app and the migration CLI. `synchronize` is never
 * on: the schema changes only through reviewed migrations.
 */
export function buildDataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // A where-clause holding undefined or null must throw rather than silently match every row:
    // `findOneBy({ id: undefined })` would otherwise return someone else's record.
    invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
    extra: {
      max: settings.poolSize,
      connectionTimeoutMillis: settings.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
      application_name: 'gds-academy',
    },
    // Query errors reach the logs through the problem filter, with the request id; TypeORM's own
    // console logging would print expected unique violations (e.g. a taken email) as noise.
    logging: ['migration'],
  } as DataSourceOptions;
}
