import { ProblemException } from '@gds/http';
import { parseSqlKey } from './sql-key';

const limits = { maxRowCap: 1000, maxStatementTimeoutMs: 5000 };
const table = { name: 't', columns: [{ name: 'x', type: 'integer' }], rows: [[1], [2]] };

function problems(key: unknown): string[] {
  try {
    parseSqlKey(key, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).getStatus()).toBe(422);
    return ((error as ProblemException).extra.errors as Array<{ field: string }> | undefined)?.map((e) => e.field) ?? ['(key)'];
  }
  return [];
}

describe('parseSqlKey', () => {
  it('fills the options from the configured limits', () => {
    expect(parseSqlKey({ dataset: { tables: [table] }, referenceQuery: 'SELECT 1' }, limits).options).toEqual({
      tolerance: 1e-6,
      rowCap: 1000,
      statementTimeoutMs: 5000,
    });
  });

  it.each([
    ['not an object', 'SELECT 1', ['(key)']],
    ['no dataset', { referenceQuery: 'SELECT 1' }, ['dataset']],
    ['an empty dataset', { dataset: {}, referenceQuery: 'SELECT 1' }, ['dataset']],
    ['no reference query', { dataset: { tables: [table] } }, ['referenceQuery']],
    ['an unsafe table name', { dataset: { tables: [{ ...table, name: 'x"; drop' }] }, referenceQuery: 'SELECT 1' }, ['dataset.tables[0].name']],
    ['an unsafe column type', { dataset: { tables: [{ ...table, columns: [{ name: 'x', type: 'int); DROP TABLE y; --' }] }] }, referenceQuery: 'SELECT 1' }, ['dataset.tables[0].columns[0].type']],
    ['a row of the wrong width', { dataset: { tables: [{ ...table, rows: [[1, 2]] }] }, referenceQuery: 'SELECT 1' }, ['dataset.tables[0].rows[0]']],
    ['an object cell', { dataset: { tables: [{ ...table, rows: [[{ a: 1 }]] }] }, referenceQuery: 'SELECT 1' }, ['dataset.tables[0].rows[0]']],
    ['a row cap above the configured cap', { dataset: { tables: [table] }, referenceQuery: 'SELECT 1', options: { rowCap: 5000 } }, ['options.rowCap']],
    ['a timeout above the configured one', { dataset: { tables: [table] }, referenceQuery: 'SELECT 1', options: { statementTimeoutMs: 60000 } }, ['options.statementTimeoutMs']],
    ['a negative tolerance', { dataset: { tables: [table] }, referenceQuery: 'SELECT 1', options: { tolerance: -1 } }, ['options.tolerance']],
    ['unknown fields', { dataset: { tables: [table] }, referenceQuery: 'SELECT 1', answer: 'x' }, ['answer']],
  ])('refuses %s', (_name, key, fields) => {
    expect(problems(key)).toEqual(fields);
  });

  it('accepts types with precision, arrays and several words', () => {
    const columns = ['numeric(10,2)', 'timestamp with time zone', 'text[]', 'varchar(20)', 'double precision'].map((type, i) => ({ name: `c${i}`, type }));
    expect(problems({ dataset: { tables: [{ name: 't', columns, rows: [] }] }, referenceQuery: 'SELECT 1' })).toEqual([]);
  });
});
