import { Client } from 'pg';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';

/*
 * A real deadlock on the real Postgres, lost by a request's transaction, and the request still
 * succeeds: @Transactional() re-runs the whole transaction (libs/database/src/transaction-retry.ts).
 *
 * The route: deactivating a user (UsersService.setActive) locks the user's row, then revokes the
 * user's refresh tokens. Postgres looks for a deadlock once per lock wait, deadlock_timeout after the
 * wait began, so the request itself must close the cycle: then its own check finds it however slow
 * the machine. A "holder" connection keeps the user's row while the request queues for it; the
 * "other" transaction holds the tokens and queues for the user's row behind the request. When the
 * holder lets go, the request takes the row and waits for the tokens: each of the two now waits for
 * the other. The other side's deadlock_timeout is far above the server's, so Postgres always aborts
 * the request's transaction (40P01), never the other's. Without the retry the answer is 503.
 */
describe('a transaction that loses a deadlock is run again', () => {
  let t: TestApp;
  let admin: TestPerson;
  let other: Client;
  let otherPid: number;
  let holder: Client;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    admin = await loginAdmin(t.api);
    other = new Client({ connectionString: t.database.url });
    await other.connect();
    await other.query(`SET deadlock_timeout = '10min'`);
    otherPid = (await other.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    holder = new Client({ connectionString: t.database.url });
    await holder.connect();
  });
  afterAll(async () => {
    await holder?.end();
    await other?.end();
    await t?.close();
  });

  /** Backends of this database that wait for a lock `pid` holds (or waits for ahead of them). */
  async function blockedBy(pid: number): Promise<number[]> {
    const rows: Array<{ pid: number }> = await t.dataSource.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND $1 = ANY(pg_blocking_pids(pid))`,
      [pid],
    );
    return rows.map((r) => r.pid);
  }

  /** Whom `pid` waits for: for a row, the transaction queued for it first (it holds the row's tuple lock). */
  async function waitsFor(pid: number): Promise<number[]> {
    const [{ blockers }] = await t.dataSource.query('SELECT pg_blocking_pids($1) AS blockers', [pid]);
    return blockers;
  }

  it('deactivation deadlocks with another transaction, loses, is re-run and answers 200', async () => {
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const holderPid: number = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE', [trainee.id]);
    await other.query('BEGIN');
    await other.query('SELECT 1 FROM refresh_token WHERE user_id = $1 FOR UPDATE', [trainee.id]);

    const answer = t.api.post(`/api/v1/users/${trainee.id}/deactivate`, { reason: 'deadlock test' }, admin.token);
    // The request queues for the user's row, then the other transaction queues behind it.
    await waitFor(async () => (await blockedBy(holderPid)).length === 1, { what: 'the deactivation to queue for the user row' });
    const otherWantsUser = other.query('SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE', [trainee.id]);
    await waitFor(async () => (await waitsFor(otherPid)).length > 0, { what: 'the other transaction to queue for the user row' });
    // The request takes the row and waits for the tokens, closing the cycle: Postgres aborts it, and
    // the other transaction gets the row.
    await holder.query('COMMIT');
    await otherWantsUser;
    await other.query('COMMIT');

    const done = await answer;
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: trainee.id, active: false });
    // The first run's writes rolled back: one audit row and every token revoked, by the second run.
    const audit = await t.dataSource.query(`SELECT count(*)::int AS n FROM role_change WHERE user_id = $1 AND action = 'deactivate'`, [trainee.id]);
    expect(audit).toEqual([{ n: 1 }]);
    const live = await t.dataSource.query('SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL', [trainee.id]);
    expect(live).toEqual([{ n: 0 }]);
    const metrics = (await t.api.get('/metrics')).text;
    expect(metrics).toMatch(/^db_transaction_retries_total\{code="40P01",outcome="retried"\} 1$/m);
    expect(metrics).not.toMatch(/outcome="gave_up"/);
  });
});
