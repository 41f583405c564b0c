import { createStatements } from './sql-public-view';
import { sortsAtTopLevel, topLevelText } from './sql-query-text';

describe('sortsAtTopLevel', () => {
  it.each([
    ['SELECT a FROM t ORDER BY a', true],
    ['select a from t order\n  by a desc limit 3', true],
    ['WITH x AS (SELECT a FROM t ORDER BY a) SELECT * FROM x', false],
    ['SELECT a, row_number() OVER (ORDER BY b) FROM t', false],
    ['SELECT string_agg(a, \',\' ORDER BY a) FROM t', false],
    ["SELECT 'order by' FROM t", false],
    ['SELECT "order by" FROM t', false],
    ['SELECT a FROM t -- order by a', false],
    ['SELECT a FROM t /* order /* by */ order by */', false],
    ['SELECT $q$ order by $q$ FROM t', false],
    ['(SELECT a FROM t) UNION (SELECT b FROM u) ORDER BY 1', true],
  ])('%s → %s', (sql, expected) => {
    expect(sortsAtTopLevel(sql)).toBe(expected);
  });

  it('keeps only the top level', () => {
    expect(topLevelText("SELECT f(a, ')') FROM (SELECT 1) x").replace(/\s+/g, ' ')).toBe('SELECT f FROM x');
  });
});

describe('createStatements', () => {
  it('lists the CREATE statements of a script, not its data', () => {
    const sql = "CREATE TABLE a (x int, note text DEFAULT ';');\nINSERT INTO a VALUES (1, 'secret; value');\n-- create table b\ncreate view v as select x from a;";
    expect(createStatements(sql)).toEqual(["CREATE TABLE a (x int, note text DEFAULT ';')", '-- create table b\ncreate view v as select x from a']);
  });
});
