import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUBMISSION_STATUSES, SubmissionStatus } from '../submission.entity';

export class SubmissionAcceptedView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty({ type: String, description: 'Where to poll the grade' }) url: string;
}

/** A submission as its trainee sees it. */
export class SubmissionView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) assessmentId: string;
  @ApiProperty({ type: String, format: 'uuid' }) attemptId: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiPropertyOptional({ type: Number, description: 'Place in the grading queue, while queued (1 = next)' }) queuePosition?: number;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: Number }) lateDays: number;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: Number }) maxScore: number;
  @ApiProperty({ type: Boolean, nullable: true }) passed: boolean | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'What the grader explains, in the shape of the kind' })
  feedback: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why grading failed (status error)' }) error: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) gradedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The answer as submitted' }) answer: unknown;
  @ApiProperty({ type: String }) url: string;
}

/** A submission as the cohort's instructors see it: whose it is. */
export class StaffSubmissionView extends SubmissionView {
  @ApiProperty({ type: String, format: 'uuid' }) traineeId: string;
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: String, format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ type: String, format: 'uuid', description: 'The published course version the submission was made (and is graded) in' }) versionId: string;
}

export class GradeRecordView {
  @ApiProperty({ type: String, description: 'initial, review, override, regrade:<id>' }) cause: string;
  @ApiProperty({ type: Number }) rawScore: number;
  @ApiProperty({ type: Number, description: 'Late penalty and hint costs taken off' }) penalty: number;
  @ApiProperty({ type: Number }) score: number;
  @ApiProperty({ type: Number, nullable: true }) previousScore: number | null;
  @ApiProperty({ type: Boolean }) passed: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) gradedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
}

/**
 * One submission: its trainee sees the plain view; the cohort's instructors also see whose it is
 * and the grade history.
 */
export class SubmissionDetailView extends SubmissionView {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Staff only' }) traineeId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Staff only' }) cohortId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Staff only' }) enrollmentId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Staff only: the published course version the submission was made in (its own key)' }) versionId?: string;
  @ApiPropertyOptional({ type: [GradeRecordView], description: 'Staff only: every grade, oldest first' }) grades?: GradeRecordView[];
}
