import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { badRequest, unprocessable } from '@gds/http';
import { AppConfig } from '../../config/app-config';
import { SandboxHandle } from '../sandbox/sandbox-names';
import { SandboxPools } from '../sandbox/sandbox-pools.service';
import { SandboxDatasetError, SandboxProvisioner } from '../sandbox/sandbox-provisioner.service';
import { MAX_ROW_BYTES, ROW_TOO_LARGE, SandboxQueryError, SandboxRows, SandboxRunner } from '../sandbox/sandbox-runner.service';
import { GradeOutcome, Grader, GradingContext, GradingKeyError } from './grader';
import { parseSqlKey, SMALL_RESULT_ROWS, SQL_LIMITS, SqlAnswer, SqlKey } from './sql-key';
import { publicDataset } from './sql-public-view';
import { sortsAtTopLevel } from './sql-query-text';
import { compareResults } from './sql-result-compare';

const REFERENCE_CACHE_SIZE = 200;
const DESCRIBE_COLUMNS = `SELECT table_name, column_name, data_type FROM information_schema.columns
  WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`;

export type SqlTrialResult =
  | { status: 'ok'; columns: string[]; rows: Array<Array<string | null>>; rowCount: number; truncated: boolean }
  | { status: 'error'; message: string };

/** Whether a wrong answer's feedback may show expected values (see SqlKeyOptions.revealExpected). */
export function revealsExpected(key: SqlKey, expectedRows: number): boolean {
  const policy = key.options.revealExpected ?? 'auto';
  return policy === 'always' || (policy === 'auto' && expectedRows >= SMALL_RESULT_ROWS);
}

export interface DatasetDescription {
  tables: Array<{ name: string; columns: Array<{ name: string; type: string }>; sampleRows: Array<Array<string | null>> }>;
}

/**
 * Grades a trainee's SQL query against the reference result of the exercise's dataset. The query
 * runs in the sandbox database only, as the dataset's reader role (see SandboxRunner for the limits);
 * anything the query does wrong ends as feedback with score 0, never as an error.
 */
@Injectable()
export class SqlGrader implements Grader<SqlKey, SqlAnswer> {
  readonly kind = 'sql' as const;
  readonly instant = false;
  private readonly references = new Map<string, SandboxRows>();

  constructor(
    private readonly config: AppConfig,
    private readonly provisioner: SandboxProvisioner,
    private readonly runner: SandboxRunner,
    private readonly pools: SandboxPools,
  ) {}

  validateKey(key: unknown): SqlKey {
    return parseSqlKey(key, { maxRowCap: this.config.SANDBOX_ROW_CAP, maxStatementTimeoutMs: this.config.SANDBOX_STATEMENT_TIMEOUT_MS });
  }

  validateAnswer(answer: unknown, _key?: SqlKey): SqlAnswer {
    const query = (answer as { query?: unknown } | null)?.query;
    const known = typeof answer === 'object' && answer !== null && Object.keys(answer).every((k) => k === 'query');
    if (!known || typeof query !== 'string' || !query.trim() || query.length > SQL_LIMITS.queryChars) {
      throw badRequest('invalid-answer', `An SQL answer is { "query": "<one SELECT, at most ${SQL_LIMITS.queryChars} characters>" }.`);
    }
    return { query };
  }

  publicView(key: SqlKey): Record<string, unknown> {
    return {
      dataset: publicDataset(key.dataset),
      rowCap: key.options.rowCap,
      statementTimeoutMs: key.options.statementTimeoutMs,
      orderMatters: this.orderMatters(key),
    };
  }

  /**
   * Loads the dataset and runs the reference query: call it when an instructor saves a key, so a
   * broken dataset or reference query is a 422 then rather than a grading error later.
   */
  async verifyKey(key: SqlKey): Promise<void> {
    try {
      await this.reference(await this.provisioner.provision(key.dataset), key);
    } catch (error) {
      if (error instanceof SandboxDatasetError) throw unprocessable('invalid-sql-dataset', error.message);
      if (error instanceof SandboxQueryError) throw unprocessable('invalid-reference-query', `The reference query fails: ${error.message}`);
      throw error;
    }
  }

  /**
   * The dataset as loaded (tables, columns, a few rows), for datasets given as SQL whose shape
   * publicView cannot know without running the script. Safe to show trainees; store it beside the key.
   */
  async describeDataset(key: SqlKey): Promise<DatasetDescription> {
    const handle = await this.provisioner.provision(key.dataset);
    const limits = { statementTimeoutMs: this.config.SANDBOX_STATEMENT_TIMEOUT_MS, rowCap: 500 };
    const owner = this.pools.owner();
    const columns = await this.runner.run(owner, handle.schema, DESCRIBE_COLUMNS, limits);
    const tables = new Map<string, Array<{ name: string; type: string }>>();
    for (const [table, name, type] of columns.rows as string[][]) tables.set(table, [...(tables.get(table) ?? []), { name, type }]);
    const described: DatasetDescription = { tables: [] };
    for (const [name, tableColumns] of tables) {
      const sample = await this.runner.run(owner, handle.schema, `SELECT * FROM "${name.replace(/"/g, '""')}" LIMIT 5`, limits);
      described.tables.push({ name, columns: tableColumns, sampleRows: sample.rows });
    }
    return described;
  }

  async grade({ key, answer, maxScore }: GradingContext<SqlKey, SqlAnswer>): Promise<GradeOutcome> {
    // Faults of the key (dataset, reference query) end the submission in error at once (GradingKeyError);
    // faults of the sandbox itself throw and are retried: never a 0 for someone else's mistake.
    const { handle, expected } = await this.keyResult(key);
    const limits = { statementTimeoutMs: key.options.statementTimeoutMs, rowCap: key.options.rowCap };
    let actual: SandboxRows;
    try {
      actual = await this.runner.run(this.pools.reader(handle.readerRole), handle.schema, answer.query, limits);
    } catch (error) {
      if (error instanceof SandboxQueryError) return this.failed(maxScore, 'error', describeQueryError(error, limits.statementTimeoutMs));
      throw error;
    }
    if (actual.truncated) {
      return this.failed(maxScore, 'too-many-rows', `Your query returned more than ${limits.rowCap} rows; the expected result is smaller.`);
    }
    const ordered = this.orderMatters(key);
    const reveal = revealsExpected(key, expected.rows.length);
    const shown = reveal ? (key.options.differencesShown ?? 3) : 1;
    const comparison = compareResults(expected, actual, { ordered, tolerance: key.options.tolerance, showDifferences: shown });
    return {
      score: comparison.equal ? maxScore : 0,
      maxScore,
      feedback: {
        status: comparison.equal ? 'correct' : 'wrong',
        message: comparison.message,
        orderMatters: ordered,
        columns: actual.columns.map((c) => c.name),
        rowCount: actual.rows.length,
        expectedRowCount: expected.rows.length,
        differingRows: comparison.differingRows,
        expectedValuesShown: reveal,
        differences: reveal ? comparison.differences : comparison.differences.map(({ row, actual: yours }) => ({ row, actual: yours })),
      },
    };
  }

  /** Runs a trainee's query without grading it (a trial run): its rows, never the expected ones. */
  async tryQuery(key: SqlKey, answer: SqlAnswer): Promise<SqlTrialResult> {
    const handle = await this.provisioner.provision(key.dataset).catch((error: unknown) => {
      throw error instanceof SandboxDatasetError ? new GradingKeyError(error.message) : error;
    });
    const limits = { statementTimeoutMs: key.options.statementTimeoutMs, rowCap: key.options.rowCap };
    try {
      const rows = await this.runner.run(this.pools.reader(handle.readerRole), handle.schema, answer.query, limits);
      return { status: 'ok', columns: rows.columns.map((c) => c.name), rows: rows.rows, rowCount: rows.rows.length, truncated: rows.truncated };
    } catch (error) {
      if (error instanceof SandboxQueryError) return { status: 'error', message: describeQueryError(error, limits.statementTimeoutMs) };
      throw error;
    }
  }

  private async keyResult(key: SqlKey): Promise<{ handle: SandboxHandle; expected: SandboxRows }> {
    try {
      const handle = await this.provisioner.provision(key.dataset);
      return { handle, expected: await this.reference(handle, key) };
    } catch (error) {
      if (error instanceof SandboxDatasetError) throw new GradingKeyError(error.message);
      if (error instanceof SandboxQueryError) throw new GradingKeyError(`The reference query fails: ${error.message}`);
      throw error;
    }
  }

  private orderMatters(key: SqlKey): boolean {
    return key.options.orderMatters ?? sortsAtTopLevel(key.referenceQuery);
  }

  private failed(maxScore: number, status: string, message: string): GradeOutcome {
    return { score: 0, maxScore, feedback: { status, message, differences: [] } };
  }

  /** The reference result, run as the owner role (so no trainee session can ever see its text). */
  private async reference(handle: SandboxHandle, key: SqlKey): Promise<SandboxRows> {
    const id = createHash('sha256')
      .update(JSON.stringify([handle.hash, key.referenceQuery, key.options.rowCap]))
      .digest('hex');
    const cached = this.references.get(id);
    if (cached) return cached;
    const limits = { statementTimeoutMs: this.config.SANDBOX_STATEMENT_TIMEOUT_MS, rowCap: key.options.rowCap };
    const rows = await this.runner.run(this.pools.owner(), handle.schema, key.referenceQuery, limits);
    if (rows.truncated) throw new SandboxQueryError('54000', `The reference query returns more than ${key.options.rowCap} rows.`);
    if (this.references.size >= REFERENCE_CACHE_SIZE) this.references.delete(this.references.keys().next().value as string);
    this.references.set(id, rows);
    return rows;
  }
}

/** A Postgres error in words a trainee can act on; the message never includes the reference. */
export function describeQueryError(error: SandboxQueryError, timeoutMs: number): string {
  const detail = error.message.slice(0, 300);
  if (error.message.includes(ROW_TOO_LARGE)) return `A row of your result is larger than ${MAX_ROW_BYTES / 1024} KiB.`;
  switch (error.code) {
    case '57014':
      return `Your query ran longer than ${timeoutMs} ms and was stopped.`;
    case '25006':
      return 'Only reading is allowed here: your query tried to change data.';
    case '42501':
      return /for function/.test(error.message)
        ? `Permission denied: this function is not available in the sandbox (${detail}).`
        : `Permission denied: only the exercise's tables may be read (${detail}).`;
    case '42601':
      return `Only one SELECT statement is accepted (${detail}).`;
    case '42P01':
      return `Unknown table: ${detail}. Only the exercise's tables exist here.`;
    default:
      return `Your query failed: ${detail}`;
  }
}

