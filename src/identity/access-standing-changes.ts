import { Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { AppTransactionHost } from '@gds/database';
import { AccessStandingCache } from './access-standing-cache';

/** Where a transaction's query runner keeps the users whose standing it changed, until it commits. */
const PENDING = 'accessStandingChanged';

/**
 * Read-your-writes for AccessStandingCache in the process that makes a change: the writers of
 * roles, active and session revocation call `changed(userId)`, and the user's entries are forgotten
 * as soon as the change commits — before the route answers, so the client's next request is judged
 * on the new standing even if the NOTIFY (which every process, this one too, also gets) has not
 * arrived yet.
 *
 * Why at commit, through TypeORM's afterTransactionCommit, rather than forgetting at once or after
 * the @Transactional() call returns in each caller: forgetting before the commit lets a lookup that
 * runs between the write and the commit read the old row and store it again; and the writers sit at
 * different depths (RefreshTokens.revokeAllOf runs in a deactivation's, a password change's or an
 * erasure's transaction), so only the outermost commit knows when the change is visible. The query
 * runner carries the pending ids, so a rollback forgets nothing and nothing is shared between
 * transactions. Outside a transaction (an autocommit statement) the change has committed when the
 * statement returns, so it is forgotten then.
 */
@Injectable()
export class AccessStandingChanges implements EntitySubscriberInterface {
  constructor(
    private readonly cache: AccessStandingCache,
    private readonly txHost: AppTransactionHost,
    dataSource: DataSource,
  ) {
    // The broadcaster reads the data source's subscribers at each event: one added now is heard.
    dataSource.subscribers.push(this);
  }

  /**
   * Call after the statement that changed the user's roles, active flag or a session's revocation.
   *
   * Only a transaction the CLS knows of (@Transactional(), the transaction host) defers the forget
   * to its commit. A transaction on a query runner of one's own (`dataSource.createQueryRunner()`
   * then `startTransaction()`), unknown to the CLS, counts as "outside a transaction": the entries
   * are forgotten at once, before the commit, and a lookup between then and the commit can store
   * the old standing again, which stands until the NOTIFY arrives (milliseconds after the commit).
   * No caller does that today; one that must should call this after its commit instead.
   */
  changed(userId: string): void {
    const runner = this.txHost.isTransactionActive() ? this.txHost.tx.queryRunner : undefined;
    if (!runner?.isTransactionActive) {
      this.cache.forget(userId);
      return;
    }
    const pending = (runner.data[PENDING] ??= new Set<string>()) as Set<string>;
    pending.add(userId);
  }

  /** TypeORM broadcasts this after a savepoint's release too: only the outermost COMMIT (no transaction left active) counts. */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    for (const userId of this.take(event.queryRunner)) this.cache.forget(userId);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.take(event.queryRunner);
  }

  private take(runner: QueryRunner): Set<string> {
    const pending = (runner.data?.[PENDING] as Set<string> | undefined) ?? new Set<string>();
    if (runner.data) delete runner.data[PENDING];
    return pending;
  }
}
