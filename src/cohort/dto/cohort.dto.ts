import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@gds/http';
import { DEFAULT_TIME_ZONE, IsDateTime, IsTimeZone } from '@gds/time';
import { COHORT_STATUSES, CohortStatus, UNLOCK_MODES, UnlockMode } from '../cohort.entity';

export class ModuleUnlockDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  moduleId: string;

  @ApiProperty({ minimum: 0, maximum: 3650, description: 'Days after the cohort start' }) @IsInt() @Min(0) @Max(3650)
  offsetDays: number;
}

export class QuestionDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500)
  prompt: string;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean()
  required?: boolean;
}

export class CreateCohortDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Published course versions (e.g. one per track)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique() @IsUUID('all', { each: true })
  courseVersionIds: string[];

  @ApiProperty({ minimum: 1, maximum: 100000 }) @IsInt() @Min(1) @Max(100000)
  capacity: number;

  @ApiProperty({ format: 'date-time' }) @IsDateTime()
  applicationsOpenAt: string;

  @ApiProperty({ format: 'date-time' }) @IsDateTime()
  applicationsCloseAt: string;

  @ApiProperty({ format: 'date-time' }) @IsDateTime()
  startsAt: string;

  @ApiProperty({ format: 'date-time' }) @IsDateTime()
  endsAt: string;

  @ApiProperty({ enum: UNLOCK_MODES, description: 'schedule: modules open at start + offset; prerequisites: when their prerequisites are done' })
  @IsIn(UNLOCK_MODES)
  unlockMode: UnlockMode;

  @ApiPropertyOptional({ maxLength: 64, example: DEFAULT_TIME_ZONE, description: `IANA time zone of the cohort (${DEFAULT_TIME_ZONE} when not given): its start day, unlock days and due dates are counted there` })
  @ValidateIf((o: CreateCohortDto) => o.timeZone !== undefined) @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ type: [ModuleUnlockDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => ModuleUnlockDto)
  schedule?: ModuleUnlockDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true })
  instructorIds?: string[];

  @ApiPropertyOptional({ type: [QuestionDto], description: 'Questions every applicant answers; ids q1, q2, ... in this order' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => QuestionDto)
  questions?: QuestionDto[];
}

export class UpdateCohortDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000, description: 'Never below the seats taken' }) @IsOptional() @IsInt() @Min(1) @Max(100000)
  capacity?: number;

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateTime()
  applicationsOpenAt?: string;

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateTime()
  applicationsCloseAt?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Reschedules the start (not of a completed cohort). Moved to a later day (in the cohort’s zone), its trainees are told "your course starts today" again on the new day. A new start (or zone) has the enrolled trainees\' module unlocks recomputed by the worker',
  })
  @IsOptional() @IsDateTime()
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'After the start' }) @IsOptional() @IsDateTime()
  endsAt?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'IANA time zone of the cohort: its start day, unlock days and due dates are counted there' })
  // Not @IsOptional(): that would let null through, and a zone cannot be cleared.
  @ValidateIf((o: UpdateCohortDto) => o.timeZone !== undefined) @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the assigned instructors' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true })
  instructorIds?: string[];
}

export class TransitionCohortDto {
  @ApiProperty({ enum: COHORT_STATUSES }) @IsIn(COHORT_STATUSES)
  status: CohortStatus;
}

export class ListCohortsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COHORT_STATUSES }) @IsOptional() @IsIn(COHORT_STATUSES)
  status?: CohortStatus;
}

/** A course to complete before applying to a cohort of a course version, and whether the signed-in user has. */
export class CoursePrerequisiteView {
  @ApiProperty({ type: String, format: 'uuid' }) courseId: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: Boolean, description: 'Whether the signed-in user has completed this course (a completed enrollment in any of its versions)' }) met: boolean;
}

/** A course a cohort runs, as applicants choose it (the version's title and track). */
export class CohortCourseDto {
  @ApiProperty({ type: String, format: 'uuid' }) versionId: string;
  @ApiProperty({ type: String, format: 'uuid' }) courseId: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ enum: ['cybersecurity', 'data-analysis', 'ui-ux-design', 'cloud-engineering'] }) trackCode: string;
  @ApiProperty({ type: Number }) version: number;
  @ApiProperty({ type: [CoursePrerequisiteView], description: 'Courses to complete before applying (or being enrolled), as the version was published' })
  prerequisites: CoursePrerequisiteView[];
  @ApiProperty({ type: Boolean, description: 'Whether the signed-in user has completed every prerequisite (true when there are none)' }) prerequisitesMet: boolean;
}

export class CohortQuestionView {
  @ApiProperty({ type: String, example: 'q1' }) id: string;
  @ApiProperty({ type: String }) prompt: string;
  @ApiProperty({ type: Boolean }) required: boolean;
}

export class CohortView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ enum: COHORT_STATUSES }) status: CohortStatus;
  @ApiProperty({ type: Number }) capacity: number;
  @ApiProperty({ type: Number }) seatsTaken: number;
  @ApiProperty({ type: String, format: 'date-time' }) applicationsOpenAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) applicationsCloseAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: UNLOCK_MODES }) unlockMode: UnlockMode;
  @ApiProperty({ type: String, example: DEFAULT_TIME_ZONE, description: 'IANA time zone of the cohort' }) timeZone: string;
  @ApiProperty({ type: [String], format: 'uuid' }) courseVersionIds: string[];
  @ApiProperty({ type: [CohortCourseDto], description: 'The course versions with their titles, in title order' }) courses: CohortCourseDto[];
  @ApiProperty({ type: [ModuleUnlockDto] }) schedule: ModuleUnlockDto[];
  @ApiProperty({ type: [String], format: 'uuid' }) instructorIds: string[];
  @ApiProperty({ type: [CohortQuestionView] }) questions: CohortQuestionView[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}
