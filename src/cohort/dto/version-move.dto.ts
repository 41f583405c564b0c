import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class MoveCohortVersionDto {
  @ApiProperty({ format: 'uuid', description: 'A later published version of one of the cohort’s courses' })
  @IsUUID()
  toVersionId: string;

  @ApiProperty({ maxLength: 1000, description: 'Why (kept in the audit trail, and told to trainees when notified)' })
  @IsString() @Length(1, 1000)
  reason: string;

  @ApiPropertyOptional({ default: false, description: 'Tell the active trainees (in-app and email, by their preferences)' })
  @IsOptional() @IsBoolean()
  notifyTrainees?: boolean;
}

export class VersionCheckQuery {
  @ApiProperty({ format: 'uuid', description: 'The version the cohort would move to' })
  @IsUUID()
  toVersionId: string;
}

/** One reason a version is not compatible with what the cohort runs. */
export class IncompatibilityView {
  @ApiProperty({ enum: ['different-course', 'not-newer-version', 'module-added', 'module-removed', 'module-changed', 'assessment-added', 'assessment-removed', 'assessment-changed'] })
  code: string;
  @ApiProperty({ type: String }) detail: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) moduleId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) assessmentId?: string;
  @ApiPropertyOptional({ type: String }) title?: string;
  @ApiPropertyOptional({ type: [String], description: 'What differs' }) fields?: string[];
}

/** Whether the cohort could move to a version now, and what the move would change for lessons. */
export class VersionCheckView {
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: String, format: 'uuid' }) fromVersionId: string;
  @ApiProperty({ type: Number }) fromVersion: number;
  @ApiProperty({ type: String, format: 'uuid' }) toVersionId: string;
  @ApiProperty({ type: Number }) toVersion: number;
  @ApiProperty({ type: Boolean }) compatible: boolean;
  @ApiProperty({ type: [IncompatibilityView] }) incompatibilities: IncompatibilityView[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Lessons new in the target version' }) lessonsAdded: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Lessons gone from it: their completions stay recorded but no longer count' }) lessonsRemoved: string[];
}

/** A recorded move of a cohort to a later version of one of its courses. */
export class CohortVersionMoveView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: String, format: 'uuid' }) courseId: string;
  @ApiProperty({ type: String, format: 'uuid' }) fromVersionId: string;
  @ApiProperty({ type: Number }) fromVersion: number;
  @ApiProperty({ type: String, format: 'uuid' }) toVersionId: string;
  @ApiProperty({ type: Number }) toVersion: number;
  @ApiProperty({ type: String }) reason: string;
  @ApiProperty({ type: String, format: 'uuid' }) movedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) movedAt: string;
  @ApiProperty({ type: Number, description: 'Enrollments (of every status) now on the new version' }) enrollmentsMoved: number;
  @ApiProperty({ type: Boolean }) traineesNotified: boolean;
}
