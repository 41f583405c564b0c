/**
 * What the structured key editors share: list moves, fresh ids, numbers typed as text, and the
 * problems the graders would report, found here first and named by the grader's own field path
 * (`flags[0].points`, `rules[1].path`, …) so a problem of either side shows under the same input.
 */
export type KeyProblem =
  | { rule: 'required' }
  | { rule: 'too-long'; max: number }
  | { rule: 'id-format' }
  | { rule: 'rule-id-format' }
  | { rule: 'duplicate' }
  | { rule: 'number'; min: number; max: number }
  | { rule: 'integer'; min: number; max: number }
  | { rule: 'count'; min: number; max: number }
  | { rule: 'path'; reason: 'start' | 'step' | 'long' | 'steps' }
  | { rule: 'selector' }
  | { rule: 'not-number' }
  | { rule: 'json' }
  | { rule: 'json-object' }
  | { rule: 'ports' };

/** Field path (without the `key.` the flag and rubric graders put first) → its first problem. */
export type KeyProblems = Record<string, KeyProblem>;

let counter = 0;
/** A React key for a list item that stays the same while its editable id changes. */
export const uid = (): string => `item-${++counter}`;

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** `prefix-N` with the lowest N from `start` that no id in `ids` uses. */
export function unusedId(prefix: string, ids: string[], start = ids.length + 1): string {
  let n = start;
  while (ids.includes(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** A number typed in a field: NaN unless the whole text is one finite number. */
export function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** Numbers and stored texts back into their fields (a number shown as the API gave it). */
export const textOf = (value: unknown): string => (typeof value === 'number' || typeof value === 'string' ? String(value) : '');

/** The API's field errors of a key by the grader's field path, whether or not it begins with `key.`. */
export function keyFieldErrors(errors: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) result[field.replace(/^key\./, '')] ??= message;
  return result;
}

/** Collects the first problem of each field, with the graders' rules (src/assessment/graders). */
export class ProblemCollector {
  readonly problems: KeyProblems = {};

  add(field: string, problem: KeyProblem): void {
    this.problems[field] ??= problem;
  }

  text(value: string, field: string, max: number): void {
    if (value.length === 0) this.add(field, { rule: 'required' });
    else if (value.length > max) this.add(field, { rule: 'too-long', max });
  }

  /** A text the config grader wants: something besides spaces. */
  trimmedText(value: string, field: string, max: number): void {
    if (value.trim().length === 0) this.add(field, { rule: 'required' });
    else if (value.length > max) this.add(field, { rule: 'too-long', max });
  }

  number(text: string, field: string, min: number, max: number): void {
    const n = numberOf(text);
    if (!Number.isFinite(n) || n < min || n > max) this.add(field, { rule: 'number', min, max });
  }

  integer(text: string, field: string, min: number, max: number): void {
    const n = numberOf(text);
    if (!Number.isInteger(n) || n < min || n > max) this.add(field, { rule: 'integer', min, max });
  }

  /** Flag, hint and criterion ids (ShapeErrors.id). */
  id(value: string, field: string): void {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(value)) this.add(field, { rule: 'id-format' });
  }

  count(length: number, field: string, min: number, max: number): void {
    if (length < min || length > max) this.add(field, { rule: 'count', min, max });
  }

  /** Marks each repeated id at its own field (the graders name only the list). */
  unique(ids: string[], field: (index: number) => string): void {
    ids.forEach((id, i) => {
      if (id && ids.indexOf(id) !== i) this.add(field(i), { rule: 'duplicate' });
    });
  }
}
