import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const ENROLLMENT_STATUSES = ['active', 'withdrawn', 'completed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export type EnrollmentSource = 'application' | 'admin' | 'import' | 'waitlist';

/** A trainee's place in a cohort, with progress aggregates kept by the progress processor. */
@Entity('enrollment')
export class Enrollment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') cohortId: string;
  @Column('uuid') traineeId: string;
  @Column('uuid') courseVersionId: string;
  @Column('uuid', { nullable: true }) applicationId: string | null;
  @Column('text') source: EnrollmentSource;
  @Column('text') status: EnrollmentStatus;
  @Column('timestamptz') enrolledAt: Date;
  @Column('timestamptz', { nullable: true }) withdrawnAt: Date | null;
  @Column('text', { nullable: true }) withdrawalReason: string | null;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  @Column('timestamptz', { nullable: true }) lastActivityAt: Date | null;
  @Column('int') lessonsDone: number;
  @Column('int') modulesDone: number;
  @Column('int') modulesTotal: number;
  @Column('numeric') percentComplete: string;
  @Column('int') failedAssessments: number;
  @Column('timestamptz', { nullable: true }) progressUpdatedAt: Date | null;
  /** ISO week of the last at-risk notice, so that a trainee is told at most once a week. */
  @Column('text', { nullable: true }) atRiskWeek: string | null;
}

/** Every column of `enrollment` under its property name, for plain-SQL reads that answer `Enrollment`s without the ORM. */
export const ENROLLMENT_COLUMNS = `id, cohort_id AS "cohortId", trainee_id AS "traineeId", course_version_id AS "courseVersionId", application_id AS "applicationId",
  source, status, enrolled_at AS "enrolledAt", withdrawn_at AS "withdrawnAt", withdrawal_reason AS "withdrawalReason", completed_at AS "completedAt",
  last_activity_at AS "lastActivityAt", lessons_done AS "lessonsDone", modules_done AS "modulesDone", modules_total AS "modulesTotal",
  percent_complete AS "percentComplete", failed_assessments AS "failedAssessments", progress_updated_at AS "progressUpdatedAt", at_risk_week AS "atRiskWeek"`;

@Entity('lesson_completion')
export class LessonCompletion {
  @PrimaryColumn('uuid') enrollmentId: string;
  @PrimaryColumn('uuid') lessonId: string;
  @Column('uuid') moduleId: string;
  @Column('timestamptz') completedAt: Date;
}

/** One row per graded submission heard from the assessment module (so a repeated event is a no-op). */
@Entity('assessment_grade')
export class AssessmentGrade {
  @PrimaryColumn('uuid') submissionId: string;
  @Column('uuid') enrollmentId: string;
  @Column('uuid') assessmentId: string;
  @Column('boolean') passed: boolean;
  @Column('numeric') score: string;
  @Column('numeric') maxScore: string;
  @Column('timestamptz') gradedAt: Date;
}

@Entity('module_progress')
export class ModuleProgress {
  @PrimaryColumn('uuid') enrollmentId: string;
  @PrimaryColumn('uuid') moduleId: string;
  @Column('text') status: 'locked' | 'open' | 'done';
  @Column('timestamptz', { nullable: true }) openedAt: Date | null;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
}

export interface ImportRow {
  line: number;
  email: string;
  displayName: string;
  courseVersionId: string | null;
}

export interface ImportRowResult {
  line: number;
  email: string;
  outcome: 'enrolled' | 'already-enrolled' | 'error';
  accountCreated?: boolean;
  error?: string;
}

@Entity('trainee_import')
export class TraineeImport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') cohortId: string;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @Column('text') status: 'queued' | 'running' | 'finished' | 'failed';
  @Column('jsonb') rows: ImportRow[];
  @Column('jsonb', { nullable: true }) report: { rows: ImportRowResult[]; enrolled: number; alreadyEnrolled: number; errors: number } | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz', { nullable: true }) finishedAt: Date | null;
}
