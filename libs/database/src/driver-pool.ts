import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** A read straight on the pg pool: rows only. */
export interface PoolReader {
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
}

/**
 * The DataSource's own pg pool (the same connections and limits), for the one read every request
 * makes before anything else: the access check. Outside transactions by nature, so it skips what a
 * TypeORM query adds per call (a query runner, broadcaster events, a result wrapper) — issue 23's
 * profile of GET /me. Everything else goes through TypeORM and the transaction host.
 */
export function driverPool(dataSource: DataSource): PoolReader {
  return {
    async query<T>(sql: string, params: unknown[]): Promise<T[]> {
      const pool = (dataSource.driver as PostgresDriver).master as { query(sql: string, params: unknown[]): Promise<{ rows: T[] }> } | undefined;
      if (!pool) return dataSource.query(sql, params);
      return (await pool.query(sql, params)).rows;
    },
  };
}
