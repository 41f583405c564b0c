import type { AssessmentOutline } from '../course/published-course-versions.contract';
import type { Assessment, LatePolicy } from './assessment.entity';
import type { AssessmentKind } from './graders/grader-registry';

/**
 * What a published course version keeps of an assessment: everything grading needs, key included.
 * Grading always reads this (the trainee's version), never the draft row.
 */
export interface FrozenAssessment {
  assessmentId: string;
  moduleId: string;
  kind: AssessmentKind;
  title: string;
  instructions: string;
  maxScore: number;
  passMark: number;
  weight: number;
  required: boolean;
  attemptsAllowed: number;
  timeLimitMinutes: number | null;
  dueOffsetDays: number | null;
  latePolicy: LatePolicy;
  latePenaltyPercentPerDay: number;
  /** Absent from versions published before floors and grace existed: read as 0. */
  lateFloorPercent?: number;
  lateGraceMinutes?: number;
  skillCodes: string[];
  key: unknown;
}

export function freeze(a: Assessment): FrozenAssessment {
  return {
    assessmentId: a.id,
    moduleId: a.moduleId,
    kind: a.kind,
    title: a.title,
    instructions: a.instructions,
    maxScore: a.maxScore,
    passMark: a.passMark,
    weight: a.weight,
    required: a.required,
    attemptsAllowed: a.attemptsAllowed,
    timeLimitMinutes: a.timeLimitMinutes,
    dueOffsetDays: a.dueOffsetDays,
    latePolicy: a.latePolicy,
    latePenaltyPercentPerDay: a.latePenaltyPercentPerDay,
    lateFloorPercent: a.lateFloorPercent,
    lateGraceMinutes: a.lateGraceMinutes,
    skillCodes: [...a.skillCodes],
    key: a.answerKey,
  };
}

export function outlineOf(f: FrozenAssessment): AssessmentOutline {
  return {
    assessmentId: f.assessmentId,
    kind: f.kind,
    title: f.title,
    required: f.required,
    maxScore: f.maxScore,
    passMark: f.passMark,
    weight: f.weight,
    dueOffsetDays: f.dueOffsetDays,
    skillCodes: [...f.skillCodes],
  };
}

/** The published content is ours, but it travelled through another module: check it is ours. */
export function asFrozen(value: unknown): FrozenAssessment | null {
  const f = value as Partial<FrozenAssessment> | null;
  if (!f || typeof f !== 'object' || typeof f.assessmentId !== 'string' || typeof f.kind !== 'string' || f.key === undefined) return null;
  return f as FrozenAssessment;
}

/**
 * Whole days late, rounded up (one minute late is one day), counted from the due date; 0 when on
 * time, within the grace period, or without a due date.
 */
export function lateDaysAt(submittedAt: Date, dueAt: Date | null, graceMinutes = 0): number {
  if (!dueAt || submittedAt.getTime() <= dueAt.getTime() + graceMinutes * 60_000) return 0;
  return Math.ceil((submittedAt.getTime() - dueAt.getTime()) / 86_400_000);
}

/** Whether a moment is past the due date and its grace period. */
export function pastDue(at: Date, dueAt: Date | null, graceMinutes = 0): boolean {
  return !!dueAt && at.getTime() > dueAt.getTime() + graceMinutes * 60_000;
}

/**
 * Late penalty: a percentage of the score per day late, never below the floor (a percentage of the
 * score earned, so a correct late answer keeps at least that share) nor below 0.
 */
export function applyLatePenalty(score: number, lateDays: number, percentPerDay: number, floorPercent = 0): number {
  const factor = Math.max(floorPercent / 100, 0, 1 - (lateDays * percentPerDay) / 100);
  return Math.round(score * factor * 100) / 100;
}
