import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COHORT_STATUSES, CohortStatus } from '../cohort.entity';
import { ENROLLMENT_STATUSES, EnrollmentStatus } from '../enrollment.entity';
import { EnrollmentView } from './enrollment.dto';

export class ProgressCohortView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ enum: COHORT_STATUSES }) status: CohortStatus;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) endsAt: string;
}

export class ProgressCourseView {
  @ApiProperty({ type: String, format: 'uuid' }) versionId: string;
  @ApiProperty({ type: String, format: 'uuid' }) courseId: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: Number }) version: number;
}

export class ProgressAssessmentView {
  @ApiProperty({ type: String, format: 'uuid' }) assessmentId: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt: string | null;
  @ApiProperty({ type: Boolean }) passed: boolean;
}

export class ProgressModuleView {
  @ApiProperty({ type: String, format: 'uuid' }) moduleId: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: Number }) position: number;
  @ApiProperty({ enum: ['locked', 'open', 'done'] }) status: 'locked' | 'open' | 'done';
  @ApiProperty({ type: String, format: 'date-time' }) opensAt: string;
  @ApiProperty({ type: Number }) lessonsDone: number;
  @ApiProperty({ type: Number }) lessonsTotal: number;
  @ApiProperty({ type: [String], format: 'uuid' }) completedLessonIds: string[];
  @ApiProperty({ type: [ProgressAssessmentView] }) assessments: ProgressAssessmentView[];
}

export class ProgressNextView {
  @ApiProperty({ type: String, format: 'uuid' }) moduleId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) lessonId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assessmentId: string | null;
}

/** An own enrollment with progress. */
export class EnrollmentProgressView extends EnrollmentView {
  @ApiProperty({ type: Number }) lessonsDone: number;
  @ApiProperty({ type: Number }) modulesDone: number;
  @ApiProperty({ type: ProgressCohortView }) cohort: ProgressCohortView;
  @ApiProperty({ type: ProgressCourseView }) course: ProgressCourseView;
  @ApiProperty({ type: [ProgressModuleView] }) modules: ProgressModuleView[];
  @ApiProperty({ type: ProgressNextView, nullable: true, description: 'What to do next; null when nothing is open' }) next: ProgressNextView | null;
}

export class LessonCompletionView {
  @ApiProperty({ type: String, format: 'uuid' }) lessonId: string;
  @ApiProperty({ type: String, format: 'uuid' }) moduleId: string;
  @ApiProperty({ type: String, format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ type: String, format: 'date-time' }) completedAt: string;
  @ApiProperty({ type: Boolean }) alreadyCompleted: boolean;
}

/** One module of a trainee's course version: its state as the progress processor last wrote it, and lessons done. */
export class RosterModuleView {
  @ApiProperty({ type: String, format: 'uuid' }) moduleId: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: Number }) position: number;
  @ApiProperty({ enum: ['locked', 'open', 'done'], description: 'locked until the progress processor has opened it' }) status: 'locked' | 'open' | 'done';
  @ApiProperty({ type: Number }) lessonsDone: number;
  @ApiProperty({ type: Number }) lessonsTotal: number;
}

export class RosterEntryView {
  @ApiProperty({ type: String, format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ type: String, format: 'uuid' }) traineeId: string;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, format: 'uuid' }) courseVersionId: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiProperty({ type: String, format: 'date-time' }) enrolledAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastActivityAt: string | null;
  @ApiProperty({ type: Number }) lessonsDone: number;
  @ApiProperty({ type: Number }) modulesDone: number;
  @ApiProperty({ type: Number }) modulesTotal: number;
  @ApiProperty({ type: [RosterModuleView], description: 'Progress per module, in course order' }) modules: RosterModuleView[];
  @ApiProperty({ type: Number }) percentComplete: number;
  @ApiProperty({ type: Number }) failedAssessments: number;
  @ApiProperty({ type: Boolean }) atRisk: boolean;
  @ApiProperty({ type: 'array', items: { type: 'string', enum: ['inactive', 'failing'] } }) atRiskReasons: Array<'inactive' | 'failing'>;
}

/** The whole roster in one answer (not paged: a cohort is at most a few hundred trainees). */
export class RosterView {
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: String }) cohortName: string;
  @ApiProperty({ type: Number }) capacity: number;
  @ApiProperty({ type: Number }) seatsTaken: number;
  @ApiProperty({ type: Number, description: 'Days of silence that count as inactive' }) inactiveDays: number;
  @ApiProperty({ type: [RosterEntryView] }) items: RosterEntryView[];
  @ApiProperty({ type: String, nullable: true, description: 'The next page (same filters), or null after the last trainee' }) nextCursor: string | null;
}

export class ImportRowResultView {
  @ApiProperty({ type: Number, description: 'Line of the CSV' }) line: number;
  @ApiProperty({ type: String }) email: string;
  @ApiProperty({ enum: ['enrolled', 'already-enrolled', 'error'] }) outcome: 'enrolled' | 'already-enrolled' | 'error';
  @ApiPropertyOptional({ type: Boolean }) accountCreated?: boolean;
  @ApiPropertyOptional({ type: String }) error?: string;
}

export class ImportReportView {
  @ApiProperty({ type: [ImportRowResultView] }) rows: ImportRowResultView[];
  @ApiProperty({ type: Number }) enrolled: number;
  @ApiProperty({ type: Number }) alreadyEnrolled: number;
  @ApiProperty({ type: Number }) errors: number;
}

/** The worker job behind an import, as the queue reports it (null once the queue has forgotten it). */
export class ImportJobView {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String, description: 'BullMQ state: waiting, active, completed, failed, ...' }) state: string;
  @ApiProperty({ description: 'A percentage, or what the worker reported', oneOf: [{ type: 'number' }, { type: 'object' }] }) progress: unknown;
  @ApiProperty({ type: Number }) attemptsMade: number;
  @ApiProperty({ type: String, nullable: true }) failedReason: string | null;
  @ApiProperty({ description: 'What the job returned, if anything', nullable: true }) returnValue: unknown;
}

export class TraineeImportView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ enum: ['queued', 'running', 'finished', 'failed'] }) status: 'queued' | 'running' | 'finished' | 'failed';
  @ApiProperty({ type: Number, description: 'Rows in the file' }) rows: number;
  @ApiProperty({ type: Number, description: 'Percent done' }) progress: number;
  @ApiProperty({ type: ImportJobView, nullable: true }) job: ImportJobView | null;
  @ApiProperty({ type: ImportReportView, nullable: true, description: 'Per-row outcomes, once finished' }) report: ImportReportView | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: String, description: 'Where to poll the status' }) url: string;
}

export class ImportPreviewRowView {
  @ApiProperty({ type: Number, description: 'The line in the file (the header is line 1)' }) line: number;
  @ApiProperty({ type: String }) email: string;
  @ApiProperty({ type: String }) displayName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) courseVersionId: string | null;
  @ApiProperty({
    enum: ['invite-and-enroll', 'enroll', 'already-enrolled', 'no-seat', 'invalid'],
    description: 'invite-and-enroll: a new account, invited to set a password, then enrolled; enroll: an existing trainee; no-seat: beyond the seats left; invalid: see reasons',
  })
  action: 'invite-and-enroll' | 'enroll' | 'already-enrolled' | 'no-seat' | 'invalid';
  @ApiProperty({ type: [String], description: 'Why a row is invalid or finds no seat' }) reasons: string[];
}

/** What importing a CSV would do, per row; nothing is stored. */
export class ImportPreviewView {
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: [ImportPreviewRowView] }) rows: ImportPreviewRowView[];
  @ApiProperty({ type: Number }) toEnroll: number;
  @ApiProperty({ type: Number }) accountsToCreate: number;
  @ApiProperty({ type: Number }) alreadyEnrolled: number;
  @ApiProperty({ type: Number }) invalid: number;
  @ApiProperty({ type: Number }) noSeat: number;
  @ApiProperty({ type: Number, description: 'Seats left in the cohort now' }) seatsLeft: number;
}
