import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { NamedStatement, statementText } from './named-statement';

/** A read straight on the pg pool: rows only. */
export interface PoolReader {
  query<T>(sql: string | NamedStatement, params: unknown[]): Promise<T[]>;
}

type PgPool = { query(config: string | { name: string; text: string; values: unknown[] }, params?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * The DataSource's own pg pool (the same connections and limits), for the one read every request
 * makes before anything else: the access check. Outside transactions by nature, so it skips what a
 * TypeORM query adds per call (a query runner, broadcaster events, a result wrapper) — issue 23's
 * profile of GET /me. Everything else goes through TypeORM and the transaction host.
 */
export function driverPool(dataSource: DataSource): PoolReader {
  return {
    async query<T>(sql: string | NamedStatement, params: unknown[]): Promise<T[]> {
      const pool = (dataSource.driver as PostgresDriver).master as PgPool | undefined;
      if (!pool) return dataSource.query(statementText(sql), params);
      // A named statement is parsed once per pooled connection (see named-statement.ts).
      const answer = typeof sql === 'string' ? await pool.query(sql, params) : await pool.query({ name: sql.name, text: sql.text, values: params });
      return answer.rows as T[];
    },
  };
}
