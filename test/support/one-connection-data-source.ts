import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@gds/database';

/**
 * A DataSource of one pooled connection on `url`, initialised: what one statement prepared on the
 * connection is what the next query meets (the named-statement tests rely on it).
 */
export async function oneConnectionDataSource(url: string): Promise<DataSource> {
  const dataSource = new DataSource(buildDataSourceOptions({ url, poolSize: 1, entities: [], migrations: [] }));
  await dataSource.initialize();
  return dataSource;
}
