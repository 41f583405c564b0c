import type { CourseVersionOutline } from '../course/published-course-versions.contract';
import type { AssessmentResult } from '../assessment/assessment-results.contract';

export interface CriteriaSettings {
  requireAllModules: boolean;
  requireRequiredAssessments: boolean;
  /** Weighted course score, 0..100. */
  minCourseScore: number;
}

export interface TraineeStanding {
  completedModuleIds: string[];
  results: AssessmentResult[];
  /** Weighted course score 0..100, or null when the version has no assessments. */
  courseScore: number | null;
}

export interface CriteriaVerdict {
  met: boolean;
  /** Why not, in words an admin can act on (empty when met). */
  shortfalls: string[];
}

/**
 * Decides whether a trainee meets a course version's criteria. Pure: the caller gathers the outline
 * and the trainee's standing from the course, cohort and assessment modules.
 */
export function evaluateCriteria(outline: CourseVersionOutline, criteria: CriteriaSettings, standing: TraineeStanding): CriteriaVerdict {
  const shortfalls: string[] = [];
  if (criteria.requireAllModules) {
    const done = new Set(standing.completedModuleIds);
    const missing = outline.modules.filter((m) => !done.has(m.moduleId));
    if (missing.length > 0) shortfalls.push(`modules not complete: ${missing.map((m) => m.title).join(', ')}`);
  }
  if (criteria.requireRequiredAssessments) {
    const passed = new Set(standing.results.filter((r) => r.passed).map((r) => r.assessmentId));
    const failing = outline.modules.flatMap((m) => m.assessments).filter((a) => a.required && !passed.has(a.assessmentId));
    if (failing.length > 0) shortfalls.push(`required assessments not passed: ${failing.map((a) => a.title).join(', ')}`);
  }
  // A version without assessments has no score; only a positive threshold then stands in the way.
  const score = standing.courseScore ?? (hasAssessments(outline) ? 0 : null);
  if (score === null ? criteria.minCourseScore > 0 : score < criteria.minCourseScore) {
    shortfalls.push(`course score ${score === null ? 'none' : round(score)} is below ${criteria.minCourseScore}`);
  }
  return { met: shortfalls.length === 0, shortfalls };
}

/** Every distinct skill code of the version (modules and assessments), for the credential's alignments. */
export function skillsOf(outline: CourseVersionOutline): string[] {
  const codes = outline.modules.flatMap((m) => [...m.skillCodes, ...m.assessments.flatMap((a) => a.skillCodes)]);
  return [...new Set(codes)].sort();
}

function hasAssessments(outline: CourseVersionOutline): boolean {
  return outline.modules.some((m) => m.assessments.length > 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
