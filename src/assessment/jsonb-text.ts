/**
 * Postgres jsonb refuses the NUL character (\u0000) anywhere in a string or key. Feedback quotes
 * trainees' input (a config key, a path, a column value); a NUL there must not make the grade
 * unstorable, so it is shown as U+FFFD instead.
 */
export function jsonbSafe<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replace(/\u0000/g, '\uFFFD') : value) as T;
  if (Array.isArray(value)) return value.map(jsonbSafe) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [jsonbSafe(k), jsonbSafe(v)])) as T;
  }
  return value;
}

/** True when a value (an answer as received) holds a NUL in any string or key. */
export function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v));
  return false;
}
