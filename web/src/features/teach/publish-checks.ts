import { keyDraftsOf, keyProblemsOf } from './key-of-kind';
import type { AuthorAssessment, CourseDetail, CourseDraft } from './teach.types';

export type PublishProblem =
  | { rule: 'empty-course' }
  | { rule: 'empty-module'; module: string }
  | { rule: 'empty-lesson'; lesson: string }
  | { rule: 'no-criteria'; assessment: string }
  | { rule: 'no-correct-answer'; assessment: string; question: number }
  | { rule: 'key-problems'; assessment: string; count: number }
  | { rule: 'sql-reference-fails'; assessment: string; message: string };

/**
 * What would make the published version wrong, item by item, from the draft and its assessments
 * (the SQL reference runs are checked separately, in the sandbox). The API refuses these too.
 */
export function publishProblems(draft: CourseDraft, assessments: AuthorAssessment[]): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (draft.modules.length === 0) problems.push({ rule: 'empty-course' });
  for (const module of draft.modules) {
    const own = assessments.filter((a) => a.moduleId === module.id);
    if (module.lessons.length === 0 && own.length === 0) problems.push({ rule: 'empty-module', module: module.title });
    for (const lesson of module.lessons) {
      if ((lesson.kind === 'article' || lesson.kind === 'lab') && !lesson.body?.trim()) problems.push({ rule: 'empty-lesson', lesson: lesson.title });
    }
  }
  for (const assessment of assessments) {
    if (assessment.kind === 'rubric' && !(Array.isArray(assessment.key.criteria) && assessment.key.criteria.length > 0)) {
      problems.push({ rule: 'no-criteria', assessment: assessment.title });
    } else if (assessment.kind === 'flag' || assessment.kind === 'config' || assessment.kind === 'rubric') {
      // The structured editors' own checks (the graders' rules), run on the stored key.
      const count = Object.keys(keyProblemsOf(assessment.kind, keyDraftsOf(assessment.kind, assessment.key))).length;
      if (count > 0) problems.push({ rule: 'key-problems', assessment: assessment.title, count });
    }
    if (assessment.kind === 'quiz' && Array.isArray(assessment.key.questions)) {
      (assessment.key.questions as Array<{ type?: string; correct?: unknown[] }>).forEach((q, i) => {
        if ((q.type === 'single' || q.type === 'multiple') && !q.correct?.length) problems.push({ rule: 'no-correct-answer', assessment: assessment.title, question: i + 1 });
      });
    }
  }
  return problems;
}

export interface OutlineChange {
  kind: 'module' | 'lesson' | 'assessment';
  change: 'added' | 'removed' | 'renamed';
  title: string;
}

/** The draft against the latest published outline: what is new, gone or renamed (by id). */
export function draftChanges(draft: CourseDraft, latest: CourseDetail['latest'], assessments: AuthorAssessment[]): OutlineChange[] {
  const before = new Map<string, { kind: OutlineChange['kind']; title: string }>();
  for (const m of latest?.outline.modules ?? []) {
    before.set(m.moduleId, { kind: 'module', title: m.title });
    for (const l of m.lessons) before.set(l.lessonId, { kind: 'lesson', title: l.title });
    for (const a of m.assessments) before.set(a.assessmentId, { kind: 'assessment', title: a.title });
  }
  const now = new Map<string, { kind: OutlineChange['kind']; title: string }>();
  for (const m of draft.modules) {
    now.set(m.id, { kind: 'module', title: m.title });
    for (const l of m.lessons) now.set(l.id, { kind: 'lesson', title: l.title });
  }
  for (const a of assessments) now.set(a.id, { kind: 'assessment', title: a.title });
  const changes: OutlineChange[] = [];
  for (const [id, item] of now) {
    const old = before.get(id);
    if (!old) changes.push({ ...item, change: 'added' });
    else if (old.title !== item.title) changes.push({ ...item, change: 'renamed' });
  }
  for (const [id, item] of before) if (!now.has(id)) changes.push({ ...item, change: 'removed' });
  return changes;
}
