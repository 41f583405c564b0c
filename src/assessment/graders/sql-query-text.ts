/**
 * Reads the top level of a SQL text: what is outside parentheses, string literals, quoted
 * identifiers, comments and dollar-quoted bodies. Enough to know whether a query sorts its result.
 */
export function topLevelText(sql: string): string {
  const masked = maskOpaque(sql);
  let out = '';
  let depth = 0;
  for (const ch of masked) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/** The text with literals, quoted identifiers, comments and dollar-quoted bodies blanked (same length). */
export function maskOpaque(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const skipped = skipOpaque(sql, i);
    if (skipped > i) {
      out += ' '.repeat(skipped - i);
      i = skipped;
    } else out += sql[i++];
  }
  return out;
}

/** Order matters only when the reference query sorts its result at the top level. */
export function sortsAtTopLevel(sql: string): boolean {
  return /\border\s+by\b/i.test(topLevelText(sql));
}

/** Index just past a literal, quoted identifier, comment or dollar-quoted body starting at i, else i. */
function skipOpaque(sql: string, i: number): number {
  const rest = sql.slice(i);
  if (rest.startsWith('--')) {
    const end = sql.indexOf('\n', i);
    return end === -1 ? sql.length : end + 1;
  }
  if (rest.startsWith('/*')) return skipBlockComment(sql, i);
  if (sql[i] === "'" || sql[i] === '"') return skipQuoted(sql, i, sql[i]);
  const dollar = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(rest);
  if (dollar) {
    const end = sql.indexOf(dollar[0], i + dollar[0].length);
    return end === -1 ? sql.length : end + dollar[0].length;
  }
  return i;
}

function skipQuoted(sql: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < sql.length) {
    if (sql[j] === quote) {
      if (sql[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return sql.length;
}

function skipBlockComment(sql: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql.startsWith('/*', j)) {
      depth++;
      j += 2;
    } else if (sql.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else j++;
  }
  return sql.length;
}
