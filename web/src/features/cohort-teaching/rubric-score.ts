/** A rubric as the assessment's key holds it (instructors get the key of the version their cohort runs). */
export interface RubricCriterion {
  id: string;
  title: string;
  levels: { label: string; points: number }[];
}

/** What the instructor has filled so far, per criterion id: the chosen level's points and a comment. */
export type RubricMarks = Record<string, { points?: number; comment?: string }>;

/** The criteria of a rubric key, or none when the key is not a rubric (the screen says so). */
export function rubricCriteria(key: unknown): RubricCriterion[] {
  const criteria = (key as { criteria?: unknown } | null | undefined)?.criteria;
  if (!Array.isArray(criteria)) return [];
  return criteria.filter(
    (c): c is RubricCriterion => typeof c === 'object' && c !== null && typeof (c as RubricCriterion).id === 'string' && Array.isArray((c as RubricCriterion).levels),
  );
}

/**
 * The points given and the points possible (each criterion's best level), as the server adds them
 * before scaling to the assessment's maximum score; `complete` once every criterion has a level,
 * which the server requires.
 */
export function rubricTotal(criteria: readonly RubricCriterion[], marks: RubricMarks): { earned: number; possible: number; complete: boolean } {
  let earned = 0;
  let possible = 0;
  let complete = true;
  for (const criterion of criteria) {
    possible += Math.max(0, ...criterion.levels.map((l) => l.points));
    const points = marks[criterion.id]?.points;
    if (points === undefined) complete = false;
    else earned += points;
  }
  return { earned, possible, complete };
}

/** The score the trainee will get: the server's scaling of earned/possible to the maximum score, to 2 decimals. */
export function scaledScore(earned: number, possible: number, maxScore: number): number {
  return possible === 0 ? 0 : Math.round((earned / possible) * maxScore * 100) / 100;
}

/** The review body: every criterion once, in the rubric's order, blank comments left out. */
export function reviewCriteria(criteria: readonly RubricCriterion[], marks: RubricMarks): { criterionId: string; points: number; comment?: string }[] {
  return criteria.map((c) => {
    const comment = marks[c.id]?.comment?.trim();
    return { criterionId: c.id, points: marks[c.id]?.points ?? 0, ...(comment ? { comment } : {}) };
  });
}

/** The marks a past review gave (its feedback's criteria), to start a correction from. */
export function marksFromFeedback(feedback: unknown): RubricMarks {
  const given = (feedback as { criteria?: unknown } | null | undefined)?.criteria;
  const marks: RubricMarks = {};
  if (!Array.isArray(given)) return marks;
  for (const item of given as { criterionId?: unknown; points?: unknown; comment?: unknown }[]) {
    if (typeof item?.criterionId === 'string' && typeof item.points === 'number') {
      marks[item.criterionId] = { points: item.points, ...(typeof item.comment === 'string' ? { comment: item.comment } : {}) };
    }
  }
  return marks;
}

/** The machine's findings on submitted HTML (feedback.machine.findings), each with its kind and impact. */
export function designFindings(feedback: unknown): { kind: string; message: string; impact?: string }[] {
  const findings = (feedback as { machine?: { findings?: unknown } } | null | undefined)?.machine?.findings;
  if (!Array.isArray(findings)) return [];
  return findings.filter((f): f is { kind: string; message: string; impact?: string } => typeof f?.message === 'string' && typeof f?.kind === 'string');
}

/** Only web links are shown as links: a `javascript:` or `data:` address in an answer stays text. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
