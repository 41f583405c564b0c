import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NUMERIC } from './numeric-column';

export const SUBMISSION_STATUSES = ['queued', 'graded', 'needs_review', 'error'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** One attempt's answer; `score` is the current grade (the history is in `grade`). */
@Entity('submission')
export class Submission {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') attemptId: string;
  @Column('uuid') assessmentId: string;
  @Column('uuid') versionId: string;
  @Column('uuid') enrollmentId: string;
  @Column('uuid') cohortId: string;
  @Column('uuid') traineeId: string;
  @Column('text') kind: string;
  @Column('jsonb') answer: unknown;
  @Column('text') status: SubmissionStatus;
  @Column('int') lateDays: number;
  @Column('numeric', { transformer: NUMERIC }) maxScore: number;
  @Column('numeric', { transformer: NUMERIC }) passMark: number;
  @Column('numeric', { nullable: true, transformer: NUMERIC }) score: number | null;
  @Column('boolean', { nullable: true }) passed: boolean | null;
  @Column('jsonb', { nullable: true }) feedback: Record<string, unknown> | null;
  @Column('text', { nullable: true }) error: string | null;
  @Column('timestamptz') submittedAt: Date;
  @Column('timestamptz', { nullable: true }) gradedAt: Date | null;
}

/**
 * Every column of a submission under its property name, numbers as numbers: for the grading path's
 * plain locking read (`FOR UPDATE`), which runs once per submission.
 */
export const SUBMISSION_FIELDS = `id, attempt_id AS "attemptId", assessment_id AS "assessmentId", version_id AS "versionId", enrollment_id AS "enrollmentId",
  cohort_id AS "cohortId", trainee_id AS "traineeId", kind, answer, status, late_days AS "lateDays", max_score::float8 AS "maxScore",
  pass_mark::float8 AS "passMark", score::float8 AS score, passed, feedback, error, submitted_at AS "submittedAt", graded_at AS "gradedAt"`;
