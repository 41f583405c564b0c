import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppTransactionHost } from './app-transaction-host';
import { driverPool, PoolReader } from './driver-pool';

/**
 * Plain SQL reads for the hot read paths (issue 23 item 2): inside a @Transactional() call the read
 * joins the transaction (`txHost.tx.query`, as before); outside one it goes straight to the
 * DataSource's pg pool, skipping what TypeORM adds per call (a query runner acquired and released,
 * broadcaster events, a result wrapper) — the same rows, the same pool and limits, the same pg errors
 * (the problem filter maps a raw pg error and TypeORM's wrapper alike). Reads only: writes go through
 * TypeORM and the transaction host.
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

  query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.txHost.isTransactionActive() ? this.txHost.tx.query(sql, params) : this.pool.query<T>(sql, params);
  }
}
