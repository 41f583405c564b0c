import { Injectable } from '@nestjs/common';
import { Pool, QueryConfig } from 'pg';
import { postgresCode } from '@gds/database';
import { quoteIdent } from './sandbox-names';

export interface SandboxLimits {
  statementTimeoutMs: number;
  rowCap: number;
}

export interface SandboxColumnInfo {
  name: string;
  typeId: number;
}

/** Every value as Postgres prints it (text), so numbers, dates and big integers compare exactly. */
export interface SandboxRows {
  columns: SandboxColumnInfo[];
  rows: Array<Array<string | null>>;
  /** More than rowCap rows were available; `rows` holds rowCap of them. */
  truncated: boolean;
}

/** The query failed inside Postgres (syntax, permission, timeout...): the trainee's feedback. */
export class SandboxQueryError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ignore = () => undefined;
/** A row larger than this (as text) fails the query: rowCap rows can never flood the worker's memory. */
export const MAX_ROW_BYTES = 16 * 1024;
export const ROW_TOO_LARGE = 'gds-row-too-large';
const AS_TEXT = { getTypeParser: () => (value: string) => value };
const MAX_QUERY_LENGTH = 20_000;

/**
 * Runs one query under every limit at once: a READ ONLY transaction that is always rolled back,
 * statement_timeout, search_path set to the dataset schema, and a cursor from which at most
 * rowCap + 1 rows are fetched. The query is parsed with the extended protocol inside
 * `DECLARE CURSOR`, so exactly one statement runs, and it must be a SELECT (or VALUES/TABLE):
 * DDL, DML, COPY, SET and multi-statement texts are refused by Postgres before anything runs.
 */
@Injectable()
export class SandboxRunner {
  async run(pool: Pool, schema: string, query: string, limits: SandboxLimits): Promise<SandboxRows> {
    const body = stripTrailingSemicolons(query);
    if (!body) throw new SandboxQueryError('42601', 'The query is empty.');
    if (body.length > MAX_QUERY_LENGTH) throw new SandboxQueryError('54000', `The query is longer than ${MAX_QUERY_LENGTH} characters.`);
    const client = await pool.connect();
    // A checked-out client has no error listener; a query that kills its own session must not crash us.
    client.on('error', ignore);
    let broken = false;
    try {
      await client.query('BEGIN TRANSACTION READ ONLY');
      await client.query(`SET LOCAL statement_timeout = ${Math.floor(limits.statementTimeoutMs)}`);
      await client.query(`SET LOCAL search_path = ${quoteIdent(schema)}`);
      // First alone: Postgres parses it as one SELECT (or refuses it) before anything runs, which also
      // proves its parentheses balance, so the size-checking wrapper below cannot be escaped. The
      // trailing newline ends a `--` comment the query might end with.
      await client.query(extended(`DECLARE gds_check NO SCROLL CURSOR FOR\n${body}\n`));
      await client.query('CLOSE gds_check');
      await client.query(extended(capRowSize(body)));
      const fetched = await client.query({
        text: `FETCH FORWARD ${Math.floor(limits.rowCap) + 1} FROM gds_answer`,
        rowMode: 'array',
        types: AS_TEXT,
      });
      return {
        columns: fetched.fields.map((f) => ({ name: f.name, typeId: f.dataTypeID })),
        rows: (fetched.rows as Array<Array<string | null>>).slice(0, limits.rowCap),
        truncated: fetched.rows.length > limits.rowCap,
      };
    } catch (error) {
      const code = postgresCode(error);
      if (code) throw new SandboxQueryError(code, (error as Error).message);
      broken = true;
      throw error;
    } finally {
      // Nothing a query did survives it; a connection that cannot roll back is thrown away.
      if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
      client.removeListener('error', ignore);
      client.release(broken);
    }
  }
}

// queryMode 'extended' forces Parse/Bind/Execute (exactly one statement); pg's types omit it.
const extended = (text: string) => ({ text, queryMode: 'extended' }) as QueryConfig;

/**
 * Declares the answer cursor over the query, failing (with a recognisable message) on the first row
 * whose text is larger than MAX_ROW_BYTES, before that row leaves the server. The cast of a
 * non-constant text is evaluated per row only, never folded at plan time.
 */
function capRowSize(body: string): string {
  const size = 'octet_length(ROW(gds_answer_row.*)::text)';
  return (
    `DECLARE gds_answer NO SCROLL CURSOR FOR SELECT gds_answer_row.* FROM (\n${body}\n) AS gds_answer_row ` +
    `WHERE CASE WHEN ${size} > ${MAX_ROW_BYTES} THEN ('${ROW_TOO_LARGE}:' || ${size})::int > 0 ELSE true END`
  );
}

/** Trailing semicolons and blanks are noise; anything else after a statement is a second statement. */
export function stripTrailingSemicolons(query: string): string {
  return query.replace(/[\s;]+$/u, '').trim();
}
