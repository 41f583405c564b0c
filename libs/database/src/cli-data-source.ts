import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../../src/config/load-config';
import { ENTITIES } from '../../../src/entities';
import { MIGRATIONS } from '../../../migrations';
import { buildDataSourceOptions } from './data-source-options';

/** The data source the TypeORM CLI uses: the same options as the app's. */
const config = loadConfig(process.env);
export default new DataSource(
  buildDataSourceOptions({ url: config.DATABASE_URL, poolSize: 2, entities: ENTITIES, migrations: MIGRATIONS }),
);
