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
