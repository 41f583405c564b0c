import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppTransactionHost } from './app-transaction-host';
import { driverPool, PoolReader } from './driver-pool';
import { NamedStatement } from './named-statement';
import { namedStatementInTransaction } from './transaction-statement';

/**
 * Plain SQL reads for the hot read paths (issue 23 item 2): inside a @Transactional() call the read
 * joins the transaction (`txHost.tx.query`; a named statement on its connection); outside one it goes straight to the
 * DataSource's pg pool, skipping what TypeORM adds per call (a query runner acquired and released,
 * broadcaster events, a result wrapper) — the same rows, the same pool and limits, the same pg errors
 * (the problem filter maps a raw pg error and TypeORM's wrapper alike). Reads, and the few hot writes
 * that are one statement (`write`); other writes go through TypeORM and the transaction host.
 */
@Injectable()
export class DirectReads {
  private readonly pool: PoolReader;

  constructor(
    private readonly txHost: AppTransactionHost,
    dataSource: DataSource,
  ) {
    this.pool = driverPool(dataSource);
  }

  /**
   * A `namedStatement` goes as a prepared statement: on the pool, or in a transaction on the
   * transaction's own connection (namedStatementInTransaction: no stale-statement retry there).
   */
  query<T>(sql: string | NamedStatement, params: unknown[]): Promise<T[]> {
    if (!this.txHost.isTransactionActive()) return this.pool.query<T>(sql, params);
    return typeof sql === 'string' ? this.txHost.tx.query(sql, params) : namedStatementInTransaction<T>(this.txHost.tx, sql, params);
  }

  /**
   * A write that is whole in one statement (its checks in its WHERE, its companions — an outbox
   * row, say — in its WITH): outside a transaction it is a transaction of its own, on the pool with
   * no BEGIN and COMMIT round trips and no connection held between them (issue 23's load run);
   * inside one it joins it. Write it as `WITH … SELECT`: inside a transaction TypeORM answers a bare
   * UPDATE … RETURNING with `[rows, count]`.
   */
  write<T>(sql: string | NamedStatement, params: unknown[]): Promise<T[]> {
    return this.query<T>(sql, params);
  }
}
