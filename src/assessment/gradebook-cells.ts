import { pastDue } from './frozen-assessment';
import type { SubmissionStatus } from './submission.entity';
import type { GradebookCellView, GradebookStatus } from './dto/gradebook.dto';

/** What the database says of one trainee and one assessment (all absent: nothing done yet). */
export interface CellFacts {
  bestScore: number | null;
  latest: { id: string; status: SubmissionStatus; score: number | null; lateDays: number } | null;
  attemptsStarted: number;
  /** An attempt is started, not submitted, and its time (if any) has not run out. */
  openAttempt: boolean;
  exception: { dueAt: Date | null; extraAttempts: number } | null;
}

export interface CellRules {
  assessmentId: string;
  passMark: number;
  attemptsAllowed: number;
  /** Minutes after the due date before work counts as late (the assessment's late policy). */
  lateGraceMinutes?: number;
}

/** The trainee's side of a cell: when the work is due for them (extensions included) and whether they are still at it. */
export interface CellDeadline {
  /** The due date in force for this trainee: the schedule's, or a later one granted; null when the assessment has none. */
  dueAt: Date | null;
  /** Only an active enrollment owes work: a withdrawn or completed trainee's is never overdue. */
  enrollmentActive: boolean;
  now: Date;
}

/**
 * The status of a cell, first match wins: work waiting (for the grader, then for an instructor)
 * comes before a pass, so an instructor sees what is theirs to do; a pass is final; an open attempt
 * means the trainee is at it; a grade below the pass mark is `failed` only once no attempt is left.
 */
export function cellStatus(facts: CellFacts, rules: CellRules): GradebookStatus {
  const latest = facts.latest?.status;
  if (latest === 'queued') return 'submitted';
  if (latest === 'needs_review' || latest === 'error') return 'awaiting_review';
  if (facts.bestScore !== null && facts.bestScore >= rules.passMark) return 'passed';
  if (facts.openAttempt) return 'in_progress';
  if (facts.bestScore !== null) return facts.attemptsStarted >= attemptsAllowedFor(facts, rules) ? 'failed' : 'graded';
  return facts.attemptsStarted > 0 ? 'in_progress' : 'not_started';
}

/** Exceptions add attempts, to at most the 100 an attempt row allows (as when the trainee submits). */
export function attemptsAllowedFor(facts: CellFacts, rules: CellRules): number {
  return Math.min(100, rules.attemptsAllowed + (facts.exception?.extraAttempts ?? 0));
}

/**
 * Overdue: nothing handed in (no submission at all; an attempt opened and left counts as nothing)
 * and the due date in force for the trainee, with the assessment's grace, has passed.
 */
export function isOverdue(facts: CellFacts, rules: CellRules, deadline: CellDeadline): boolean {
  return deadline.enrollmentActive && facts.latest === null && pastDue(deadline.now, deadline.dueAt, rules.lateGraceMinutes ?? 0);
}

export function gradebookCell(facts: CellFacts, rules: CellRules, deadline: CellDeadline): GradebookCellView {
  const latest = facts.latest;
  return {
    assessmentId: rules.assessmentId,
    status: cellStatus(facts, rules),
    bestScore: facts.bestScore,
    latestScore: latest?.status === 'graded' ? latest.score : null,
    latestSubmissionId: latest?.id ?? null,
    attemptsUsed: facts.attemptsStarted,
    attemptsAllowed: attemptsAllowedFor(facts, rules),
    dueAt: deadline.dueAt?.toISOString() ?? null,
    overdue: isOverdue(facts, rules, deadline),
    late: (latest?.lateDays ?? 0) > 0,
    lateDays: latest?.lateDays ?? 0,
    exception: facts.exception ? { dueAt: facts.exception.dueAt?.toISOString() ?? null, extraAttempts: facts.exception.extraAttempts } : null,
  };
}
