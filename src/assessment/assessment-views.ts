import { Assessment } from './assessment.entity';
import { Submission } from './submission.entity';
import { AssessmentAttempt } from './assessment-attempt.entity';
import { FrozenAssessment } from './frozen-assessment';
import { InstructedAssessment } from './instructor-assessments.service';
import { AssessmentAuthorView, AssessmentInstructorView, AssessmentTraineeView, AttemptView } from './dto/assessment-views.dto';
import { StaffSubmissionView, SubmissionView } from './dto/submission-views.dto';

type TraineeExtra = Pick<AssessmentTraineeView, 'dueAt' | 'attemptsUsed' | 'openAttempt' | 'submissions'>;

/** The shapes the API answers. Trainee views are built from public views only: never a key. */
export function authorView(a: Assessment): AssessmentAuthorView {
  return {
    id: a.id, moduleId: a.moduleId, courseId: a.courseId, kind: a.kind, title: a.title, instructions: a.instructions,
    maxScore: a.maxScore, passMark: a.passMark, weight: a.weight, required: a.required, attemptsAllowed: a.attemptsAllowed,
    timeLimitMinutes: a.timeLimitMinutes, dueOffsetDays: a.dueOffsetDays, latePolicy: a.latePolicy,
    latePenaltyPercentPerDay: a.latePenaltyPercentPerDay, lateFloorPercent: a.lateFloorPercent, lateGraceMinutes: a.lateGraceMinutes,
    skillCodes: a.skillCodes, key: a.answerKey,
    createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
  };
}

export function traineeView(f: FrozenAssessment, content: Record<string, unknown>, extra: TraineeExtra): AssessmentTraineeView;
export function traineeView(f: FrozenAssessment, content: Record<string, unknown>): Omit<AssessmentTraineeView, keyof TraineeExtra>;
export function traineeView(f: FrozenAssessment, content: Record<string, unknown>, extra?: TraineeExtra) {
  return {
    id: f.assessmentId, moduleId: f.moduleId, kind: f.kind, title: f.title, instructions: f.instructions,
    maxScore: f.maxScore, passMark: f.passMark, weight: f.weight, required: f.required, attemptsAllowed: f.attemptsAllowed,
    timeLimitMinutes: f.timeLimitMinutes, dueOffsetDays: f.dueOffsetDays, latePolicy: f.latePolicy,
    latePenaltyPercentPerDay: f.latePenaltyPercentPerDay, lateFloorPercent: f.lateFloorPercent ?? 0, lateGraceMinutes: f.lateGraceMinutes ?? 0,
    skillCodes: f.skillCodes, content, ...extra,
  };
}

/** Cohort instructors grade and explain: they see the frozen key of the version their cohort runs. */
export function instructorView(i: InstructedAssessment, content: Record<string, unknown>): AssessmentInstructorView {
  return { ...traineeView(i.frozen, content), versionId: i.versionId, cohortIds: i.cohortIds, key: i.frozen.key };
}

export function attemptView(a: AssessmentAttempt, content: Record<string, unknown>): AttemptView {
  return {
    id: a.id, assessmentId: a.assessmentId, attemptNumber: a.attemptNumber, attemptsAllowed: a.attemptsAllowed,
    startedAt: a.startedAt.toISOString(), deadlineAt: a.deadlineAt?.toISOString() ?? null, content,
  };
}

export function submissionView(s: Submission, queuePosition: number | null, forInstructor: true): StaffSubmissionView;
export function submissionView(s: Submission, queuePosition: number | null, forInstructor: boolean): SubmissionView & Partial<StaffSubmissionView>;
export function submissionView(s: Submission, queuePosition: number | null, forInstructor: boolean) {
  return {
    id: s.id, assessmentId: s.assessmentId, attemptId: s.attemptId, status: s.status,
    ...(queuePosition !== null ? { queuePosition } : {}),
    submittedAt: s.submittedAt.toISOString(), lateDays: s.lateDays, score: s.score, maxScore: s.maxScore, passed: s.passed,
    feedback: s.feedback, error: s.error, gradedAt: s.gradedAt?.toISOString() ?? null, answer: s.answer,
    ...(forInstructor ? { traineeId: s.traineeId, cohortId: s.cohortId, enrollmentId: s.enrollmentId, versionId: s.versionId } : {}),
    url: `/api/v1/submissions/${s.id}`,
  };
}
