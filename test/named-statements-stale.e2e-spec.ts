import { DataSource } from 'typeorm';
import { driverPool, namedStatement } from '@gds/database';
import { TestDatabase } from '@gds/testing';
import { createAppDatabase } from './support/test-app';
import { oneConnectionDataSource } from './support/one-connection-data-source';

/**
 * A named statement prepared before a migration changed what it reads (a rolling deploy: the new
 * process migrates at start while the old one serves) answers the new rows, not a 500: the server
 * refuses the cached plan at bind, and the pool reader runs the text once more unnamed.
 */
const LABEL_BY_ID = namedStatement('test:stale-label-by-id', 'SELECT label FROM stale_statement_probe WHERE id = $1');

describe('a named statement after a migration changed its table', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createAppDatabase();
    // One pooled connection, so the second call meets the statement the first one prepared.
    dataSource = await oneConnectionDataSource(database.url);
    await dataSource.query('CREATE TABLE stale_statement_probe (id int PRIMARY KEY, label int NOT NULL)');
    await dataSource.query('INSERT INTO stale_statement_probe VALUES (1, 42)');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('answers with the changed column instead of failing with "cached plan must not change result type"', async () => {
    const pool = driverPool(dataSource);
    expect(await pool.query(LABEL_BY_ID, [1])).toEqual([{ label: 42 }]);
    await dataSource.query(`ALTER TABLE stale_statement_probe ALTER COLUMN label TYPE text USING 'label ' || label`);
    expect(await pool.query(LABEL_BY_ID, [1])).toEqual([{ label: 'label 42' }]);
    // And the statement is named again afterwards (prepared anew on the replacement connection).
    expect(await pool.query(LABEL_BY_ID, [1])).toEqual([{ label: 'label 42' }]);
    expect(await pool.query('SELECT name FROM pg_prepared_statements WHERE name = $1', [LABEL_BY_ID.name])).toEqual([{ name: LABEL_BY_ID.name }]);
  });

  it('still raises errors that are not about a stale statement', async () => {
    await expect(driverPool(dataSource).query(LABEL_BY_ID, ['not-a-number'])).rejects.toMatchObject({ code: '22P02' });
  });
});
