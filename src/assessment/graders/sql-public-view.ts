import { SandboxDataset } from '../sandbox/sandbox-names';
import { maskOpaque, topLevelText } from './sql-query-text';

const SAMPLE_ROWS = 5;

/**
 * What a trainee sees of the dataset: tables, columns and a few rows. A dataset given as SQL is
 * shown by its CREATE statements (never its inserts, never the reference query).
 */
export function publicDataset(dataset: SandboxDataset): Record<string, unknown> {
  return {
    tables: (dataset.tables ?? []).map((t) => ({
      name: t.name,
      columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
      rowCount: t.rows.length,
      sampleRows: t.rows.slice(0, SAMPLE_ROWS),
    })),
    ...(dataset.sql ? { ddl: createStatements(dataset.sql) } : {}),
  };
}

/** The CREATE TABLE / VIEW / TYPE statements of a script, split on top-level semicolons. */
export function createStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  for (const end of statementEnds(sql)) {
    const statement = sql.slice(start, end).trim();
    start = end + 1;
    if (/^create\s+(table|view|type|materialized\s+view)\b/i.test(topLevelText(statement).trim())) statements.push(statement);
  }
  return statements;
}

/** Positions of the semicolons that end statements (not those inside literals, comments or bodies). */
function statementEnds(sql: string): number[] {
  const masked = maskOpaque(sql);
  const ends: number[] = [];
  for (let i = 0; i < masked.length; i++) if (masked[i] === ';') ends.push(i);
  ends.push(sql.length);
  return ends;
}
