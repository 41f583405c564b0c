import { SandboxRows } from '../sandbox/sandbox-runner.service';
import { compareResults } from './sql-result-compare';

const INT = 23;
const TEXT = 25;
const NUMERIC = 1700;
const rows = (types: number[], values: Array<Array<string | null>>): SandboxRows => ({
  columns: types.map((typeId, i) => ({ name: `c${i}`, typeId })),
  rows: values,
  truncated: false,
});

describe('compareResults', () => {
  it('matches rows in any order when order does not matter, and reports sorted differences otherwise', () => {
    const expected = rows([TEXT, INT], [['b', '2'], ['a', '1'], [null, '3']]);
    const shuffled = rows([TEXT, INT], [[null, '3'], ['a', '1'], ['b', '2']]);
    expect(compareResults(expected, shuffled, { ordered: false, tolerance: 0 }).equal).toBe(true);
    const ordered = compareResults(expected, shuffled, { ordered: true, tolerance: 0 });
    expect(ordered.equal).toBe(false);
    expect(ordered.differences[0]).toEqual({ row: 1, expected: ['b', '2'], actual: [null, '3'] });
  });

  it('counts duplicates (a multiset, not a set)', () => {
    const expected = rows([INT], [['1'], ['1'], ['2']]);
    expect(compareResults(expected, rows([INT], [['1'], ['2'], ['2']]), { ordered: false, tolerance: 0 }).equal).toBe(false);
  });

  it('applies the tolerance to numeric columns only', () => {
    const expected = rows([NUMERIC, TEXT], [['1.0001', '1.0001']]);
    expect(compareResults(expected, rows([NUMERIC, TEXT], [['1', '1.0001']]), { ordered: true, tolerance: 0.001 }).equal).toBe(true);
    expect(compareResults(expected, rows([NUMERIC, TEXT], [['1', '1']]), { ordered: true, tolerance: 0.001 }).equal).toBe(false);
    expect(compareResults(expected, rows([NUMERIC, TEXT], [['1.01', '1.0001']]), { ordered: true, tolerance: 0.001 }).equal).toBe(false);
  });

  it('reports missing and extra rows, at most three', () => {
    const expected = rows([INT], [['1'], ['2'], ['3'], ['4'], ['5']]);
    const result = compareResults(expected, rows([INT], [['1']]), { ordered: true, tolerance: 0 });
    expect(result.message).toMatch(/Expected 5 row\(s\), your query returned 1/);
    expect(result.differences).toEqual([
      { row: 2, expected: ['2'], actual: null },
      { row: 3, expected: ['3'], actual: null },
      { row: 4, expected: ['4'], actual: null },
    ]);
  });

  it('refuses a different number of columns', () => {
    const result = compareResults(rows([INT], [['1']]), rows([INT, INT], [['1', '1']]), { ordered: false, tolerance: 0 });
    expect(result).toMatchObject({ equal: false, message: 'Expected 1 column(s), your query returned 2.' });
  });
});
