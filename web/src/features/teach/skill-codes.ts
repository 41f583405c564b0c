/** "sql-agg, SQL-JOIN" → ["SQL-AGG", "SQL-JOIN"]: skill codes as typed, upper-cased, blanks and repeats dropped. */
export function parseSkillCodes(text: string): string[] {
  return [...new Set(text.split(/[,\s]+/).map((code) => code.trim().toUpperCase()).filter(Boolean))];
}
