import { ProblemCollector, numberOf, textOf, uid, unusedId, type KeyProblems } from './key-draft';

/** The design task's key as the editor holds it (RubricKey in src/assessment/graders/rubric.grader.ts). */
export interface LevelDraft {
  uid: string;
  label: string;
  points: string;
}

export interface CriterionDraft {
  uid: string;
  id: string;
  title: string;
  levels: LevelDraft[];
}

export interface SelectorDraft {
  uid: string;
  selector: string;
  message: string;
  /** Empty: at least one match. */
  min: string;
}

export interface RubricKeyDraft {
  criteria: CriterionDraft[];
  /** `key.design` is present: trainees submit a page (HTML and CSS) that is checked by machine before review. */
  checksPage: boolean;
  selectors: SelectorDraft[];
}

export const newLevel = (label = '', points = '0'): LevelDraft => ({ uid: uid(), label, points });
export const newCriterion = (ids: string[]): CriterionDraft => ({ uid: uid(), id: unusedId('criterion', ids), title: '', levels: [newLevel('', '0'), newLevel('', '1')] });
export const newSelector = (): SelectorDraft => ({ uid: uid(), selector: '', message: '', min: '' });

const list = (value: unknown): Array<Record<string, unknown>> => (Array.isArray(value) ? value : []);

export function rubricKeyFromApi(raw: Record<string, unknown> | undefined): RubricKeyDraft {
  if (!raw) return { criteria: [newCriterion([])], checksPage: false, selectors: [] };
  const design = raw.design && typeof raw.design === 'object' ? (raw.design as Record<string, unknown>) : undefined;
  return {
    criteria: list(raw.criteria).map((c) => ({ uid: uid(), id: textOf(c.id), title: textOf(c.title), levels: list(c.levels).map((l) => newLevel(textOf(l.label), textOf(l.points))) })),
    checksPage: design !== undefined,
    selectors: list(design?.requiredSelectors).map((r) => ({ uid: uid(), selector: textOf(r.selector), message: textOf(r.message), min: textOf(r.min) })),
  };
}

export function rubricKeyForApi(key: RubricKeyDraft): Record<string, unknown> {
  return {
    criteria: key.criteria.map((c) => ({ id: c.id, title: c.title, levels: c.levels.map((l) => ({ label: l.label, points: numberOf(l.points) })) })),
    ...(key.checksPage
      ? { design: { requiredSelectors: key.selectors.map((s) => ({ selector: s.selector, message: s.message, ...(s.min.trim() ? { min: numberOf(s.min) } : {}) })) } }
      : {}),
  };
}

/** A criterion is worth its best level; the rubric is worth the sum (scaled to the maximum score when graded). */
export function criterionBest(criterion: CriterionDraft): number {
  const points = criterion.levels.map((l) => numberOf(l.points)).filter(Number.isFinite);
  return points.length ? Math.max(...points) : 0;
}

export const rubricTotal = (key: RubricKeyDraft): number => key.criteria.reduce((sum, c) => sum + criterionBest(c), 0);

/**
 * RubricGrader.validateKey's rules, before saving. `isSelector` says whether the browser can read
 * a CSS selector (the server checks it with jsdom).
 */
export function rubricKeyProblems(key: RubricKeyDraft, isSelector: (selector: string) => boolean): KeyProblems {
  const check = new ProblemCollector();
  check.count(key.criteria.length, 'criteria', 1, 30);
  key.criteria.forEach((c, i) => {
    const at = `criteria[${i}]`;
    check.id(c.id, `${at}.id`);
    check.text(c.title, `${at}.title`, 500);
    check.count(c.levels.length, `${at}.levels`, 1, 10);
    c.levels.forEach((l, j) => {
      check.text(l.label, `${at}.levels[${j}].label`, 200);
      check.number(l.points, `${at}.levels[${j}].points`, 0, 1000);
    });
  });
  check.unique(key.criteria.map((c) => c.id), (i) => `criteria[${i}].id`);
  if (key.checksPage) {
    check.count(key.selectors.length, 'design.requiredSelectors', 0, 50);
    key.selectors.forEach((s, i) => {
      const at = `design.requiredSelectors[${i}]`;
      check.text(s.selector, `${at}.selector`, 300);
      if (s.selector && s.selector.length <= 300 && !isSelector(s.selector)) check.add(`${at}.selector`, { rule: 'selector' });
      check.text(s.message, `${at}.message`, 500);
      if (s.min.trim()) check.integer(s.min, `${at}.min`, 1, 1000);
    });
  }
  return check.problems;
}

/** The browser's own reading of a selector (an empty fragment: nothing is matched or loaded). */
export function browserReadsSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}
