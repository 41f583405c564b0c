import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { NamedStatement, statementText } from './named-statement';

/** A read straight on the pg pool: rows only. */
export interface PoolReader {
  query<T>(sql: string | NamedStatement, params: unknown[]): Promise<T[]>;
}

export type PgPool = { query(config: string | { name: string; text: string; values: unknown[] }, params?: unknown[]): Promise<{ rows: unknown[] }> };

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
      return queryOnPool<T>(pool, sql, params);
    },
  };
}

/** A pg Pool of one's own (the outbox relay's) read the same way: named statements with the stale-statement retry. */
export function pgPoolReader(pool: PgPool): PoolReader {
  return { query: <T>(sql: string | NamedStatement, params: unknown[]) => queryOnPool<T>(pool, sql, params) };
}

async function queryOnPool<T>(pool: PgPool, sql: string | NamedStatement, params: unknown[]): Promise<T[]> {
  if (typeof sql === 'string') return (await pool.query(sql, params)).rows as T[];
  // A named statement is parsed once per pooled connection (see named-statement.ts).
  try {
    return (await pool.query({ name: sql.name, text: sql.text, values: params })).rows as T[];
  } catch (error) {
    if (!isStalePreparedStatement(error)) throw error;
    // pg-pool dropped that connection with the error; this call goes once more as plain text.
    return (await pool.query(sql.text, params)).rows as T[];
  }
}

/**
 * A prepared statement the server can no longer run as prepared: a migration changed a table it
 * reads (a rolling deploy's new process migrated at start: "cached plan must not change result
 * type"), or the statement is gone from the session. Raised at bind, before anything executed, so
 * running the text again unnamed is safe even for a write.
 */
export function isStalePreparedStatement(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '0A000' || code === '26000';
}
