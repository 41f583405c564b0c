import { copyMethodMetadata } from 'nestjs-cls';
import { Transactional as ClsTransactional, TransactionalAdapter, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { runWithTransactionRetry } from './transaction-retry';

/** TypeORM's transaction options (the isolation level), as the adapter takes them. */
type TransactionOptions = TransactionalAdapterTypeOrm extends TransactionalAdapter<any, any, infer O> ? O : never;

/**
 * nestjs-cls's @Transactional() (the method runs in one transaction that every repository call
 * inside joins), run again from its start when Postgres aborts it with a deadlock or a serialization
 * failure (transaction-retry.ts).
 *
 * Only the outermost call re-runs: one made while a transaction is active joins it, and a retry
 * there would repeat half a transaction whose start has already been rolled back; its error goes up
 * to the outermost method, which re-runs everything. A re-run calls the method again with the same
 * arguments, so what the method does outside the database is done again: such a method must keep
 * to database work and outbox rows (STYLE.md: never enqueue inside a transaction), or be idempotent.
 *
 * Propagation modes are not offered: every transaction of the app is REQUIRED (join or begin).
 */
export function Transactional(options?: TransactionOptions): MethodDecorator {
  const begin = options ? ClsTransactional<TransactionalAdapterTypeOrm>(options) : ClsTransactional();
  return (target, propertyKey, descriptor) => {
    begin(target, propertyKey, descriptor);
    const transactional = descriptor.value as unknown as (...args: unknown[]) => Promise<unknown>;
    const what = `${target.constructor.name}.${String(propertyKey)}`;
    const retried = new Proxy(transactional, {
      apply(_, self, args: unknown[]) {
        if (TransactionHost.getInstance().isTransactionActive()) return transactional.apply(self, args);
        return runWithTransactionRetry(() => transactional.apply(self, args), what);
      },
    });
    copyMethodMetadata(transactional, retried);
    descriptor.value = retried as typeof descriptor.value;
  };
}
