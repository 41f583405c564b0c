import { FieldError, unprocessable } from '@gds/http';
import { isIdentifier, SandboxDataset, SandboxTable } from '../sandbox/sandbox-names';

export interface SqlKeyOptions {
  /** Absolute difference under which two numbers are equal. */
  tolerance: number;
  rowCap: number;
  statementTimeoutMs: number;
  /** Overrides the default (order matters only when the reference query has a top-level ORDER BY). */
  orderMatters?: boolean;
  /**
   * What a wrong answer's feedback shows of the expected rows. `auto` (default): the count of
   * differing rows and the first difference without expected values when the expected result has
   * fewer than SMALL_RESULT_ROWS rows (so it cannot be replayed as VALUES), up to `differencesShown`
   * differences with expected values otherwise; `never`: never expected values; `always`: always.
   */
  revealExpected?: RevealExpected;
  /** How many differing rows the feedback lists when expected values are shown (default 3). */
  differencesShown?: number;
}

export const REVEAL_EXPECTED = ['auto', 'never', 'always'] as const;
export type RevealExpected = (typeof REVEAL_EXPECTED)[number];
/** Below this many expected rows, `auto` feedback hides expected values. */
export const SMALL_RESULT_ROWS = 10;

export interface SqlKey {
  dataset: SandboxDataset;
  referenceQuery: string;
  options: SqlKeyOptions;
}

export interface SqlAnswer {
  query: string;
}

export interface SqlLimits {
  maxRowCap: number;
  maxStatementTimeoutMs: number;
}

export const SQL_LIMITS = {
  datasetSqlChars: 1_000_000,
  tables: 50,
  columns: 100,
  cells: 200_000,
  queryChars: 20_000,
  cellChars: 10_000,
};

// A column type: a name of words, an optional (precision[, scale]) and optional array brackets.
const COLUMN_TYPE = /^[a-z][a-z0-9_]*( [a-z][a-z0-9_]*){0,3}( ?\(\d{1,4}(, ?\d{1,4})?\))?(\[\])?$/i;
const KEY_FIELDS = ['dataset', 'referenceQuery', 'options'];
const OPTION_FIELDS = ['tolerance', 'rowCap', 'statementTimeoutMs', 'orderMatters', 'revealExpected', 'differencesShown'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks an SQL exercise key (shape and limits; the dataset is loaded when first graded). */
export function parseSqlKey(raw: unknown, limits: SqlLimits): SqlKey {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  if (!isRecord(raw)) throw unprocessable('invalid-sql-key', 'The key must be an object.');
  for (const field of Object.keys(raw)) if (!KEY_FIELDS.includes(field)) fail(field, 'is not a known field');
  const dataset = parseDataset(raw.dataset, fail);
  const referenceQuery = raw.referenceQuery;
  if (typeof referenceQuery !== 'string' || !referenceQuery.trim() || referenceQuery.length > SQL_LIMITS.queryChars) {
    fail('referenceQuery', `must be a non-empty string of at most ${SQL_LIMITS.queryChars} characters`);
  }
  const options = parseOptions(raw.options ?? {}, limits, fail);
  if (errors.length) throw unprocessable('invalid-sql-key', 'The SQL exercise key is not valid.', { errors });
  return { dataset, referenceQuery: referenceQuery as string, options };
}

function parseDataset(raw: unknown, fail: (field: string, message: string) => void): SandboxDataset {
  if (!isRecord(raw)) {
    fail('dataset', 'must be an object with `sql` and/or `tables`');
    return {};
  }
  for (const field of Object.keys(raw)) if (!['sql', 'tables'].includes(field)) fail(`dataset.${field}`, 'is not a known field');
  if (raw.sql !== undefined && (typeof raw.sql !== 'string' || raw.sql.length > SQL_LIMITS.datasetSqlChars)) {
    fail('dataset.sql', `must be a string of at most ${SQL_LIMITS.datasetSqlChars} characters`);
  }
  if (raw.tables !== undefined && (!Array.isArray(raw.tables) || raw.tables.length > SQL_LIMITS.tables)) {
    fail('dataset.tables', `must be an array of at most ${SQL_LIMITS.tables} tables`);
  }
  const tables = Array.isArray(raw.tables) ? raw.tables : [];
  if (!(typeof raw.sql === 'string' && raw.sql.trim()) && tables.length === 0) fail('dataset', 'needs `sql` or at least one table');
  let cells = 0;
  tables.forEach((table, t) => (cells += checkTable(table, `dataset.tables[${t}]`, fail)));
  if (cells > SQL_LIMITS.cells) fail('dataset.tables', `holds more than ${SQL_LIMITS.cells} values`);
  const names = tables.map((t) => (isRecord(t) ? t.name : undefined));
  if (new Set(names).size !== names.length) fail('dataset.tables', 'table names must be unique');
  return { ...(typeof raw.sql === 'string' ? { sql: raw.sql } : {}), ...(tables.length ? { tables: tables as SandboxTable[] } : {}) };
}

/** Returns the number of values in the table. */
function checkTable(raw: unknown, at: string, fail: (field: string, message: string) => void): number {
  if (!isRecord(raw)) return fail(at, 'must be an object { name, columns, rows }'), 0;
  if (typeof raw.name !== 'string' || !isIdentifier(raw.name)) fail(`${at}.name`, 'must be a lower-case SQL name');
  const columns = Array.isArray(raw.columns) ? raw.columns : [];
  if (!columns.length || columns.length > SQL_LIMITS.columns) fail(`${at}.columns`, `must list 1 to ${SQL_LIMITS.columns} columns`);
  columns.forEach((column: unknown, c) => {
    if (!isRecord(column) || typeof column.name !== 'string' || !isIdentifier(column.name)) {
      fail(`${at}.columns[${c}].name`, 'must be a lower-case SQL name');
    } else if (typeof column.type !== 'string' || !COLUMN_TYPE.test(column.type)) {
      fail(`${at}.columns[${c}].type`, 'must be a plain SQL type such as integer, text, numeric(10,2) or timestamp with time zone');
    }
  });
  if (new Set(columns.map((c: unknown) => (isRecord(c) ? c.name : c))).size !== columns.length) fail(`${at}.columns`, 'names must be unique');
  if (!Array.isArray(raw.rows)) return fail(`${at}.rows`, 'must be an array of rows'), 0;
  const badRow = raw.rows.findIndex(
    (row) =>
      !Array.isArray(row) ||
      row.length !== columns.length ||
      row.some((v) => !(v === null || typeof v === 'boolean' || Number.isFinite(v) || (typeof v === 'string' && v.length <= SQL_LIMITS.cellChars))),
  );
  if (badRow !== -1) fail(`${at}.rows[${badRow}]`, 'must hold one value (string, number, boolean or null) per column');
  return raw.rows.length * columns.length;
}

function parseOptions(raw: unknown, limits: SqlLimits, fail: (field: string, message: string) => void): SqlKeyOptions {
  const options: SqlKeyOptions = { tolerance: 1e-6, rowCap: limits.maxRowCap, statementTimeoutMs: limits.maxStatementTimeoutMs };
  if (!isRecord(raw)) return fail('options', 'must be an object'), options;
  for (const field of Object.keys(raw)) if (!OPTION_FIELDS.includes(field)) fail(`options.${field}`, 'is not a known field');
  const number = (field: 'tolerance' | 'rowCap' | 'statementTimeoutMs' | 'differencesShown', min: number, max: number, integer: boolean) => {
    const value = raw[field];
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      fail(`options.${field}`, `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
    } else options[field] = value;
  };
  number('tolerance', 0, 1e9, false);
  number('rowCap', 1, limits.maxRowCap, true);
  number('statementTimeoutMs', 100, limits.maxStatementTimeoutMs, true);
  number('differencesShown', 1, 20, true);
  if (raw.revealExpected !== undefined) {
    if (!REVEAL_EXPECTED.includes(raw.revealExpected as RevealExpected)) fail('options.revealExpected', `must be one of ${REVEAL_EXPECTED.join(', ')}`);
    else options.revealExpected = raw.revealExpected as RevealExpected;
  }
  if (raw.orderMatters !== undefined) {
    if (typeof raw.orderMatters !== 'boolean') fail('options.orderMatters', 'must be true or false');
    else options.orderMatters = raw.orderMatters;
  }
  return options;
}
