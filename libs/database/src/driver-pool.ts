import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** A read straight on the pg pool: rows only. */
export interface PoolReader {
  /** `name`: a prepared statement of that name on each connection (parsed and planned once there, not per call). */
  query<T>(sql: string, params: unknown[], name?: string): Promise<T[]>;
}

/**
 * The DataSource's own pg pool (the same connections and limits), for the one read every request
 * makes before anything else: the access check. Outside transactions by nature, so it skips what a
 * TypeORM query adds per call (a query runner, broadcaster events, a result wrapper) — issue 23's
 * profile of GET /me. Everything else goes through TypeORM and the transaction host.
 */
export function driverPool(dataSource: DataSource): PoolReader {
  return {
    async query<T>(sql: string, params: unknown[], name?: string): Promise<T[]> {
      const pool = (dataSource.driver as PostgresDriver).master as { query(query: { text: string; values: unknown[]; name?: string }): Promise<{ rows: T[] }> } | undefined;
      if (!pool) return dataSource.query(sql, params);
      return (await pool.query({ text: sql, values: params, name })).rows;
    },
  };
}
