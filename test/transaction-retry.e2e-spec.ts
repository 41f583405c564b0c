import { Client } from 'pg';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';

/*
 * A real deadlock on the real Postgres, lost by a request's transaction, and the request still
 * succeeds: @Transactional() re-runs the whole transaction (libs/database/src/transaction-retry.ts).
 *
 * The route: deactivating a user (UsersService.setActive) locks the user's row, then revokes the
 * user's refresh tokens. A second connection (the "other" transaction) holds those tokens first, and
 * once the request waits for them, asks for the user's row: each waits for the other. The other
 * side's deadlock_timeout is set far above the server's, so Postgres always aborts the request's
 * transaction (40P01), never the other's. Without the retry the answer is 503.
 */
describe('a transaction that loses a deadlock is run again', () => {
  let t: TestApp;
  let admin: TestPerson;
  let other: Client;
  let otherPid: number;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    admin = await loginAdmin(t.api);
    other = new Client({ connectionString: t.database.url });
    await other.connect();
    await other.query(`SET deadlock_timeout = '10min'`);
    otherPid = (await other.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  });
  afterAll(async () => {
    await other?.end();
    await t?.close();
  });

  /** Backends of this database blocked by the other connection: the request's transaction, once it waits. */
  async function blockedByOther(): Promise<number[]> {
    const rows: Array<{ pid: number }> = await t.dataSource.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND $1 = ANY(pg_blocking_pids(pid))`,
      [otherPid],
    );
    return rows.map((r) => r.pid);
  }

  it('deactivation deadlocks with another transaction, loses, is re-run and answers 200', async () => {
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    await other.query('BEGIN');
    await other.query('SELECT 1 FROM refresh_token WHERE user_id = $1 FOR UPDATE', [trainee.id]);

    const answer = t.api.post(`/api/v1/users/${trainee.id}/deactivate`, { reason: 'deadlock test' }, admin.token);
    // The request holds the user's row and waits for the tokens.
    await waitFor(async () => (await blockedByOther()).length === 1, { what: 'the deactivation to wait for the refresh tokens' });
    // Closing the cycle: Postgres aborts the request's transaction, and then grants this lock.
    await other.query('SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE', [trainee.id]);
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
