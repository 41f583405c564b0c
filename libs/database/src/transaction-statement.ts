import { EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { isStalePreparedStatement } from './driver-pool';
import { NamedStatement } from './named-statement';

type PgClient = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>; end(): Promise<void> };

/**
 * A named statement inside a transaction: sent on the transaction's own pg client (the query
 * runner's connection, `connect()` answers the one it holds), so it joins the transaction and each
 * pooled connection parses it once whichever path ran it first. What PostgresQueryRunner.query adds
 * is kept where it matters: the query is logged, and a failure is raised as TypeORM's
 * QueryFailedError around the pg error (the problem filter and callers see the same thing). Rows
 * only, as on the pool: no `[rows, count]` for a bare UPDATE. Not kept: the BeforeQuery/AfterQuery
 * broadcast (the app has no subscribers to them).
 *
 * A stale statement (a migration changed its table, see isStalePreparedStatement) cannot be run
 * again as text here as on the pool: the failed bind has already aborted the transaction. The
 * error surfaces (the request answers 500, a job retries) and the connection is ended, so it does
 * not go back to the pool still holding the broken statement: pg-pool drops an ended client when
 * the runner releases it, TypeORM's ROLLBACK on it fails and is swallowed (the server rolled back
 * when the session ended), and the original error is what the caller sees.
 */
export async function namedStatementInTransaction<T>(manager: EntityManager, sql: NamedStatement, params: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner as PostgresQueryRunner | undefined;
  if (!runner || runner.isReleased) return manager.query(sql.text, params);
  const client = (await runner.connect()) as PgClient;
  const logger = manager.connection.logger;
  logger.logQuery(sql.text, params, runner);
  try {
    return (await client.query({ name: sql.name, text: sql.text, values: params })).rows as T[];
  } catch (error) {
    logger.logQueryError(error as Error, sql.text, params, runner);
    if (isStalePreparedStatement(error)) void client.end().catch(() => undefined);
    throw new QueryFailedError(sql.text, params, error as Error);
  }
}
