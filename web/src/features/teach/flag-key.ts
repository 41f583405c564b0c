import { ProblemCollector, numberOf, textOf, uid, unusedId, type KeyProblems } from './key-draft';

/** The flag key as the editor holds it (the API's shape: FlagKey in src/assessment/graders/flag.grader.ts). */
export interface FlagDraft {
  uid: string;
  id: string;
  label: string;
  points: string;
}

export interface HintDraft {
  uid: string;
  id: string;
  text: string;
  cost: string;
}

export interface FlagKeyDraft {
  flags: FlagDraft[];
  hints: HintDraft[];
}

export const newFlag = (ids: string[]): FlagDraft => ({ uid: uid(), id: unusedId('flag', ids), label: '', points: '10' });
export const newHint = (ids: string[]): HintDraft => ({ uid: uid(), id: unusedId('hint', ids), text: '', cost: '1' });
export const newFlagKey = (): FlagKeyDraft => ({ flags: [newFlag([])], hints: [] });

const list = (value: unknown): Array<Record<string, unknown>> => (Array.isArray(value) ? value : []);

export function flagKeyFromApi(raw: Record<string, unknown> | undefined): FlagKeyDraft {
  if (!raw) return newFlagKey();
  return {
    flags: list(raw.flags).map((f) => ({ uid: uid(), id: textOf(f.id), label: textOf(f.label), points: textOf(f.points) })),
    hints: list(raw.hints).map((h) => ({ uid: uid(), id: textOf(h.id), text: textOf(h.text), cost: textOf(h.cost) })),
  };
}

export function flagKeyForApi(key: FlagKeyDraft): Record<string, unknown> {
  return {
    flags: key.flags.map((f) => ({ id: f.id, label: f.label, points: numberOf(f.points) })),
    hints: key.hints.map((h) => ({ id: h.id, text: h.text, cost: numberOf(h.cost) })),
  };
}

/** Sum of the flags' points: what a trainee who finds every flag earns (scaled to the maximum score). */
export function flagPointsTotal(key: FlagKeyDraft): number {
  return key.flags.reduce((sum, f) => sum + (Number.isFinite(numberOf(f.points)) ? numberOf(f.points) : 0), 0);
}

/** FlagGrader.validateKey's rules, before saving. */
export function flagKeyProblems(key: FlagKeyDraft): KeyProblems {
  const check = new ProblemCollector();
  check.count(key.flags.length, 'flags', 1, 20);
  check.count(key.hints.length, 'hints', 0, 20);
  key.flags.forEach((f, i) => {
    check.id(f.id, `flags[${i}].id`);
    check.text(f.label, `flags[${i}].label`, 200);
    check.number(f.points, `flags[${i}].points`, 0.01, 1000);
  });
  key.hints.forEach((h, i) => {
    check.id(h.id, `hints[${i}].id`);
    check.text(h.text, `hints[${i}].text`, 2000);
    check.number(h.cost, `hints[${i}].cost`, 0, 1000);
  });
  check.unique(key.flags.map((f) => f.id), (i) => `flags[${i}].id`);
  check.unique(key.hints.map((h) => h.id), (i) => `hints[${i}].id`);
  return check.problems;
}
