import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { DataSource, QueryFailedError } from 'typeorm';
import { driverPool, namedStatement, namedStatementInTransaction } from '@gds/database';
import { TestDatabase } from '@gds/testing';
import { createAppDatabase, TestApp } from './support/test-app';
import { oneConnectionDataSource } from './support/one-connection-data-source';
import { StatementCounter } from './support/statement-counter';
import { countStatementsOnApiApp } from './support/statement-counting-app';
import { createUser, loginAdmin } from './support/people';
import { runningProgrammeWithTrainee } from './support/journey-builders';
import { OutboxRelay, QueueRegistry, QueueSettings } from '@gds/queue';
import { ProgressRecompute } from '../src/cohort/progress-recompute.service';

/**
 * Named statements inside a transaction (libs/database/src/transaction-statement.ts): sent on the
 * transaction's own connection, so they join it, are prepared on that connection, and fail as a
 * TypeORM query does. A stale one cannot be retried there: the error surfaces and the connection
 * is dropped instead of going back to the pool with the broken statement.
 */
const INSERT_USER = namedStatement('test:tx-insert-user', `WITH made AS (INSERT INTO app_user (email, display_name, roles) VALUES ($1, 'T', ARRAY['trainee']) RETURNING id) SELECT id FROM made`);
const READ_TX_PROBE = namedStatement('test:tx-read-probe', 'SELECT * FROM tx_probe');

describe('named statements in a transaction', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createAppDatabase();
    // One pooled connection: the transaction and the pool reads share it, as they would under load.
    dataSource = await oneConnectionDataSource(database.url);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('joins the transaction: prepared on its connection, its write undone by the rollback', async () => {
    const email = `${randomUUID()}@example.org`;
    const outcome = await dataSource
      .transaction(async (manager) => {
        const [made] = await namedStatementInTransaction<{ id: string }>(manager, INSERT_USER, [email]);
        const inside = await manager.query('SELECT count(*)::int AS n FROM app_user WHERE id = $1', [made.id]);
        const prepared = await manager.query('SELECT name FROM pg_prepared_statements WHERE name = $1', [INSERT_USER.name]);
        throw Object.assign(new Error('rollback'), { inside: inside[0].n, prepared: prepared.length });
      })
      .catch((e: { inside: number; prepared: number }) => e);
    expect(outcome).toMatchObject({ inside: 1, prepared: 1 });
    expect(await dataSource.query('SELECT count(*)::int AS n FROM app_user WHERE email = $1', [email])).toEqual([{ n: 0 }]);
  });

  it('raises a pg error as TypeORM does (QueryFailedError with the code), and the transaction rolls back', async () => {
    const byId = namedStatement('test:tx-user-by-id', 'SELECT email FROM app_user WHERE id = $1');
    const error = await dataSource.transaction((manager) => namedStatementInTransaction(manager, byId, ['not-a-uuid'])).catch((e) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(error).toMatchObject({ code: '22P02', query: byId.text });
    await expect(dataSource.transaction((manager) => namedStatementInTransaction(manager, byId, [randomUUID()]))).resolves.toEqual([]);
  });

  it('a stale statement in a transaction: no retry, the error surfaces, the connection is dropped (the pool works after)', async () => {
    await dataSource.query('CREATE TABLE tx_probe (id int)');
    await dataSource.query('INSERT INTO tx_probe VALUES (1)');
    const pool = driverPool(dataSource);
    expect(await pool.query(READ_TX_PROBE, [])).toEqual([{ id: 1 }]);
    const pidBefore = (await dataSource.query('SELECT pg_backend_pid() AS pid'))[0].pid;
    await dataSource.query('ALTER TABLE tx_probe ADD COLUMN extra int');
    const error = await dataSource.transaction((manager) => namedStatementInTransaction(manager, READ_TX_PROBE, [])).catch((e) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(error).toMatchObject({ code: '0A000' });
    // A new connection: the one holding the broken statement was ended, not pooled again.
    expect((await dataSource.query('SELECT pg_backend_pid() AS pid'))[0].pid).not.toBe(pidBefore);
    await expect(dataSource.transaction((manager) => namedStatementInTransaction(manager, READ_TX_PROBE, []))).resolves.toEqual([{ id: 1, extra: null }]);
  });
});

describe('the progress job: its statements named, in its transaction', () => {
  let t: TestApp;
  const counter = new StatementCounter();
  countStatementsOnApiApp(counter, (app) => (t = app));

  it('recording a first grade: every statement named but START TRANSACTION and COMMIT', async () => {
    const admin = await loginAdmin(t.api);
    const { programme, enrollmentId } = await runningProgrammeWithTrainee(t.api, admin, (roles) => createUser(t.api, admin.token, roles));
    const progress = t.get<ProgressRecompute>(ProgressRecompute);
    const cls = t.get<ClsService>(ClsService);
    const grade = { submissionId: randomUUID(), enrollmentId, assessmentId: programme.quizId, passed: true, score: 100, maxScore: 100, gradedAt: new Date().toISOString() };
    const { statements, names } = await counter.during(() => cls.run(() => progress.recordGrade(grade)));
    // The touch locks the enrollment and answers it; the facts, module states and failing count are one read; the
    // module that opened and the aggregates are one write each, the aggregates' carrying the evaluate-certificate row.
    expect(names).toEqual([
      null, 'progress:touch-enrollment', 'progress:upsert-assessment-grade', 'cohort:recompute-facts',
      'progress:upsert-module-states', 'progress:update-aggregates-and-evaluate', 'outbox:insert-rows-and-wake', null,
    ]);
    // Unnamed: only the transaction's own two statements.
    expect(statements.filter((_, i) => names[i] === null)).toEqual(['START TRANSACTION', 'COMMIT']);
  });

  it('the outbox relay moving those rows: its claim and mark named', async () => {
    // Not bootstrapped: on the app's pool, as the own connection's pgPoolReader sends the same names.
    const relay = new OutboxRelay(t.dataSource, t.get(QueueRegistry), t.get(QueueSettings));
    const { result, names } = await counter.during(() => relay.relayBatch());
    expect(result).toBeGreaterThan(0);
    expect(names).toEqual(['outbox:claim-due-rows-marking', 'outbox:mark-rows-sent']);
  });
});
