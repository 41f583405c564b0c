import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSESSMENT_KINDS, AssessmentKind } from '../graders/grader-registry';
import { LATE_POLICIES, LatePolicy } from '../assessment.entity';
import { SUBMISSION_STATUSES, SubmissionStatus } from '../submission.entity';

const ANY_OBJECT = { type: 'object', additionalProperties: true } as const;

/** The settings every view of an assessment shares. */
class AssessmentSettingsView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) moduleId: string;
  @ApiProperty({ enum: ASSESSMENT_KINDS }) kind: AssessmentKind;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String, description: 'Markdown' }) instructions: string;
  @ApiProperty({ type: Number }) maxScore: number;
  @ApiProperty({ type: Number }) passMark: number;
  @ApiProperty({ type: Number }) weight: number;
  @ApiProperty({ type: Boolean }) required: boolean;
  @ApiProperty({ type: Number }) attemptsAllowed: number;
  @ApiProperty({ type: Number, nullable: true }) timeLimitMinutes: number | null;
  @ApiProperty({ type: Number, nullable: true }) dueOffsetDays: number | null;
  @ApiProperty({ enum: LATE_POLICIES }) latePolicy: LatePolicy;
  @ApiProperty({ type: Number }) latePenaltyPercentPerDay: number;
  @ApiProperty({ type: Number, description: 'A late answer never scores below this share (percent) of what it earned' }) lateFloorPercent: number;
  @ApiProperty({ type: Number, description: 'Work submitted within this many minutes after the due date counts as on time' }) lateGraceMinutes: number;
  @ApiProperty({ type: [String] }) skillCodes: string[];
}

/** A draft assessment with its answer key: what its editors see. */
export class AssessmentAuthorView extends AssessmentSettingsView {
  @ApiProperty({ type: String, format: 'uuid' }) courseId: string;
  @ApiProperty({ ...ANY_OBJECT, description: 'The answer key, in the shape of the kind' }) key: unknown;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class OpenAttemptRefView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadlineAt: string | null;
}

export class OwnSubmissionRefView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) passed: boolean | null;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String }) url: string;
}

/** The version of an assessment an enrolled trainee takes: public content only, never a key. */
export class AssessmentTraineeView extends AssessmentSettingsView {
  @ApiProperty({ ...ANY_OBJECT, description: 'Questions or exercise, in the shape of the kind (no key)' }) content: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt: string | null;
  @ApiProperty({ type: Number }) attemptsUsed: number;
  @ApiProperty({ type: OpenAttemptRefView, nullable: true }) openAttempt: OpenAttemptRefView | null;
  @ApiProperty({ type: [OwnSubmissionRefView] }) submissions: OwnSubmissionRefView[];
}

/** The frozen copy a cohort instructor's cohorts run, with its key. */
export class AssessmentInstructorView extends AssessmentSettingsView {
  @ApiProperty({ ...ANY_OBJECT, description: 'Questions or exercise, in the shape of the kind' }) content: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'uuid' }) versionId: string;
  @ApiProperty({ type: [String], format: 'uuid' }) cohortIds: string[];
  @ApiProperty({ ...ANY_OBJECT, description: 'The frozen answer key' }) key: unknown;
}

/**
 * GET /assessments/:id answers the view for the caller's role in one schema: editors get the
 * author view (draft with key), cohort instructors the instructor view (frozen copy with key),
 * enrolled trainees the trainee view (never a key). The settings are always there; the rest
 * depends on the role, as each field says.
 */
export class AssessmentView extends AssessmentSettingsView {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Editors' }) courseId?: string;
  @ApiPropertyOptional({ ...ANY_OBJECT, description: 'Editors and cohort instructors: the answer key' }) key?: unknown;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Editors' }) createdAt?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Editors' }) updatedAt?: string;
  @ApiPropertyOptional({ ...ANY_OBJECT, description: 'Cohort instructors and trainees: questions or exercise (trainees: no key)' }) content?: Record<string, unknown>;
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Cohort instructors: the version their cohorts run' }) versionId?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Cohort instructors' }) cohortIds?: string[];
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Trainees' }) dueAt?: string | null;
  @ApiPropertyOptional({ type: Number, description: 'Trainees' }) attemptsUsed?: number;
  @ApiPropertyOptional({ type: OpenAttemptRefView, nullable: true, description: 'Trainees' }) openAttempt?: OpenAttemptRefView | null;
  @ApiPropertyOptional({ type: [OwnSubmissionRefView], description: 'Trainees' }) submissions?: OwnSubmissionRefView[];
}

export class AttemptView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) assessmentId: string;
  @ApiProperty({ type: Number }) attemptNumber: number;
  @ApiProperty({ type: Number }) attemptsAllowed: number;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Server-enforced end of a timed attempt' }) deadlineAt: string | null;
  @ApiProperty({ ...ANY_OBJECT, description: 'Questions or exercise for this attempt (no key)' }) content: Record<string, unknown>;
}

export class RevealedHintView {
  @ApiProperty({ type: String }) hintId: string;
  @ApiProperty({ type: String }) text: string;
  @ApiProperty({ type: Number, description: 'Points taken off later grades' }) cost: number;
  @ApiProperty({ type: String, format: 'date-time' }) revealedAt: string;
}

export class TraineeFlagView {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) label: string;
  @ApiProperty({ type: String, description: 'The flag derived for this trainee' }) flag: string;
}

export class TraineeFlagsView {
  @ApiProperty({ type: String, format: 'uuid' }) assessmentId: string;
  @ApiProperty({ type: String, format: 'uuid' }) traineeId: string;
  @ApiProperty({ type: [TraineeFlagView] }) flags: TraineeFlagView[];
}

export class RegradeView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) assessmentId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The version whose key is applied; null: each submission’s own' }) keyVersionId: string | null;
  @ApiProperty({ type: String }) reason: string;
  @ApiProperty({ enum: ['queued', 'running', 'finished'] }) status: 'queued' | 'running' | 'finished';
  @ApiProperty({ type: Number }) total: number;
  @ApiProperty({ type: Number }) done: number;
  @ApiProperty({ type: Number, description: 'Submissions whose grade changed' }) changed: number;
  @ApiProperty({ type: Number, description: 'Percent done' }) progress: number;
  @ApiProperty({ type: String, nullable: true, description: 'The worker job’s state, while the queue knows it' }) jobState: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: String, description: 'Where to poll progress' }) url: string;
}
