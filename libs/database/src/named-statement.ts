/**
 * A hot query's fixed SQL text with a name of its own. Sent on the pool (DirectReads, driverPool)
 * it goes as a named prepared statement: each pooled connection parses it once and then only binds
 * and executes it, where an unnamed query is parsed and planned on every call. Issue 23's load run:
 * Postgres took about as much CPU as the api; `bench/prepared-statements.ts` measured its CPU for the
 * access check, named, at about a third of the unnamed figure (one run, load average ~13,
 * bench/findings/pgcpu.md). The saving is the parse and plan, so it is largest for short key lookups and
 * smaller for statements whose execution dominates.
 *
 * Only for fixed texts declared once at module load (`const X = namedStatement(...)`), never for
 * text built per call: each name costs every pooled connection a parsed statement and a plan cache
 * entry for its life, so the set is bounded by the code and capped below. Only for queries whose
 * best plan does not depend on the values (lookups by key): after five executions Postgres may
 * keep a generic plan (plan_cache_mode auto), which a skewed filter would pay for.
 * Inside a transaction it goes on the transaction's own connection (transaction-statement.ts).
 */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * Well above what the hot paths need (about 60 names after the sixth session on issue 23: the
 * catalogue's, cohorts' and public lists' fixed variants); a name past it is a text built per call
 * by mistake. Each name costs every pooled connection's backend a parsed statement and its cached
 * plan (kilobytes to tens of kilobytes each), so the cap also bounds that memory per backend.
 */
export const MAX_NAMED_STATEMENTS = 128;

const declared = new Map<string, string>();

export function namedStatement(name: string, text: string): NamedStatement {
  const known = declared.get(name);
  // node-postgres refuses a name reused with another text on the same connection; fail at load instead.
  if (known !== undefined && known !== text) throw new Error(`Named statement "${name}" is declared twice with different texts`);
  if (known === undefined && declared.size >= MAX_NAMED_STATEMENTS) throw new Error(`More than ${MAX_NAMED_STATEMENTS} named statements: "${name}" is one too many`);
  declared.set(name, text);
  return Object.freeze({ name, text });
}

export function isNamedStatement(sql: string | NamedStatement): sql is NamedStatement {
  return typeof sql !== 'string';
}

export function statementText(sql: string | NamedStatement): string {
  return typeof sql === 'string' ? sql : sql.text;
}
