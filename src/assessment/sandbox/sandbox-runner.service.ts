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
      // The trailing newline ends a `--` comment the query might end with.
      // queryMode 'extended' forces Parse/Bind/Execute (one statement only); pg's types omit it.
      const declare = { text: `DECLARE gds_answer NO SCROLL CURSOR FOR\n${body}\n`, queryMode: 'extended' };
      await client.query(declare as QueryConfig);
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

/** Trailing semicolons and blanks are noise; anything else after a statement is a second statement. */
export function stripTrailingSemicolons(query: string): string {
  return query.replace(/[\s;]+$/u, '').trim();
}
