import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@gds/http';

export const GRADEBOOK_STATUSES = ['not_started', 'in_progress', 'submitted', 'awaiting_review', 'graded', 'passed', 'failed'] as const;
export type GradebookStatus = (typeof GRADEBOOK_STATUSES)[number];

export class GradebookQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The course version (one the cohort runs); may be left out when the cohort runs one' })
  @IsOptional() @IsUUID()
  courseVersionId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: every trainee in one file (limit and cursor are ignored)' })
  @IsOptional() @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';
}

/** One column of the gradebook: an assessment of the course version, in course order. */
export class GradebookAssessmentView {
  @ApiProperty({ type: String, format: 'uuid' }) assessmentId: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ enum: ['quiz', 'flag', 'sql', 'config', 'rubric'] }) kind: string;
  @ApiProperty({ type: String, format: 'uuid' }) moduleId: string;
  @ApiProperty({ type: String }) moduleTitle: string;
  @ApiProperty({ type: Number }) maxScore: number;
  @ApiProperty({ type: Number }) passMark: number;
  @ApiProperty({ type: Boolean }) required: boolean;
  @ApiProperty({ type: Number, description: 'Attempts the version allows (before any exception)' }) attemptsAllowed: number;
}

export class GradebookExceptionView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The latest due date granted' }) dueAt: string | null;
  @ApiProperty({ type: Number, description: 'Extra attempts granted, in all' }) extraAttempts: number;
}

/** One trainee × one assessment. */
export class GradebookCellView {
  @ApiProperty({ type: String, format: 'uuid' }) assessmentId: string;
  @ApiProperty({
    enum: GRADEBOOK_STATUSES,
    description:
      'not_started: no attempt; in_progress: an attempt open, nothing submitted since; submitted: the latest answer waits for the grader; ' +
      'awaiting_review: the latest answer waits for an instructor (rubric, or grading failed); passed: a grade reached the pass mark; ' +
      'failed: graded below the pass mark with no attempt left; graded: graded below the pass mark, attempts left',
  })
  status: GradebookStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'Best graded score (after penalties)' }) bestScore: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Score of the latest submission, once graded' }) latestScore: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) latestSubmissionId: string | null;
  @ApiProperty({ type: Number, description: 'Attempts started' }) attemptsUsed: number;
  @ApiProperty({ type: Number, description: 'Attempts this trainee may use (exceptions included)' }) attemptsAllowed: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The due date in force for this trainee (a later date granted as an exception counts); null: no due date' })
  dueAt: string | null;
  @ApiProperty({
    type: Boolean,
    description: 'Work owed and not handed in: the trainee is actively enrolled, has submitted nothing, and the due date in force for them (dueAt) and its grace have passed',
  })
  overdue: boolean;
  @ApiProperty({ type: Boolean, description: 'The latest submission came after the due date (and its grace)' }) late: boolean;
  @ApiProperty({ type: Number, description: 'Days late of the latest submission' }) lateDays: number;
  @ApiProperty({ type: GradebookExceptionView, nullable: true, description: 'Exceptions granted to this trainee for this assessment' })
  exception: GradebookExceptionView | null;
}

export class GradebookRowView {
  @ApiProperty({ type: String, format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ type: String, format: 'uuid' }) traineeId: string;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ enum: ['active', 'withdrawn', 'completed'] }) enrollmentStatus: string;
  @ApiProperty({ type: [GradebookCellView], description: 'One per assessment, in the order of `assessments`' }) cells: GradebookCellView[];
}

/** A page of the gradebook: the assessment columns once, then one row per trainee. */
export class GradebookView {
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: String, format: 'uuid' }) courseVersionId: string;
  @ApiProperty({ type: String }) courseTitle: string;
  @ApiProperty({ type: Number }) version: number;
  @ApiProperty({ type: [GradebookAssessmentView] }) assessments: GradebookAssessmentView[];
  @ApiProperty({ type: [GradebookRowView] }) items: GradebookRowView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
