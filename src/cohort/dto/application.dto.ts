import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PageQuery, IsDecimal } from '@gds/http';
import type { CourseVersionOutline } from '../../course/published-course-versions.contract';
import { APPLICATION_STATUSES, ApplicationStatus, DECISIONS, Decision } from '../application.entity';

/** The tracks a course version belongs to (the course module's codes). */
export type TrackCode = CourseVersionOutline['trackCode'];
export const TRACK_CODES: readonly TrackCode[] = ['cybersecurity', 'data-analysis', 'ui-ux-design', 'cloud-engineering'];
export const APPLICATION_SORTS = ['submitted', '-submitted', 'score', '-score', 'name', '-name', 'status', '-status'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export class AnswerDto {
  @ApiProperty({ example: 'q1' }) @IsString() @Length(1, 10)
  questionId: string;

  @ApiProperty({ maxLength: 4000 }) @IsString() @Length(1, 4000)
  answer: string;
}

export class ApplyDto {
  @ApiProperty({ maxLength: 5000 }) @IsString() @Length(1, 5000)
  statement: string;

  @ApiPropertyOptional({ type: [AnswerDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AnswerDto)
  answers?: AnswerDto[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The track (course version) applied for; required when the cohort runs several' })
  @IsOptional() @IsUUID()
  courseVersionId?: string;

  @ApiPropertyOptional({ maxLength: 30, example: '+501 610-1234', description: 'A phone number staff may call about the application' })
  @IsOptional() @IsString() @Length(7, 30) @Matches(/^\+?[0-9 ()./-]+$/, { message: 'phone may hold digits, spaces, + ( ) . / - only' })
  phone?: string;
}

export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(100)
  minScore?: number;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  courseVersionId?: string;

  @ApiPropertyOptional({ enum: TRACK_CODES, description: 'The track applied for' }) @IsOptional() @IsIn(TRACK_CODES)
  trackCode?: TrackCode;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only applications with a score; false: only those without' })
  @IsOptional() @IsIn(['true', 'false'])
  scored?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['true'], description: 'true: only applications flagged as possible duplicates' })
  @IsOptional() @IsIn(['true'])
  duplicates?: 'true';

  @ApiPropertyOptional({ maxLength: 100, description: 'Finds text in the applicant’s name or e-mail, the statement or the answers (case and accents ignored)' })
  @IsOptional() @IsString() @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: APPLICATION_SORTS, default: 'submitted', description: 'A leading - sorts descending; unscored applications come last either way' })
  @IsOptional() @IsIn(APPLICATION_SORTS)
  sort: ApplicationSort = 'submitted';

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: every matching application (not one page) as a CSV file' })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ScoreDto {
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsDecimal(2) @Min(0) @Max(100)
  score: number;

  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @Length(1, 1000)
  note?: string;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS)
  decision: Decision;

  @ApiProperty({ maxLength: 1000, description: 'Why; kept in the audit trail and told to the applicant' }) @IsString() @Length(1, 1000)
  reason: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Waitlist rank (1 = first promoted); default: after the last' })
  @IsOptional() @IsInt() @Min(1) @Max(100000)
  rank?: number;

  @ApiPropertyOptional({ description: 'With an accept, admins only (403 for others; other decisions ignore it): accept even though the applicant has not completed every prerequisite course (else 422 prerequisites-not-met); the waived courses are recorded in the decision’s audit entry' })
  @IsOptional() @IsBoolean()
  overridePrerequisites?: boolean;
}

export class BulkDecisionItemDto extends DecisionDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  applicationId: string;
}

export class BulkDecisionDto {
  @ApiProperty({ type: [BulkDecisionItemDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => BulkDecisionItemDto)
  items: BulkDecisionItemDto[];
}

export class ApplicationView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: String, format: 'uuid' }) traineeId: string;
  @ApiProperty({ type: String, format: 'uuid' }) courseVersionId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: String }) statement: string;
  @ApiProperty({ type: [AnswerDto] }) answers: AnswerDto[];
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: Number, nullable: true }) waitlistRank: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Present when the decision enrolled the applicant' }) enrollmentId?: string | null;
}

export class DecisionRecordView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ type: String }) action: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty({ type: String }) toStatus: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: Number, nullable: true }) waitlistRank: number | null;
  @ApiProperty({ type: [String], format: 'uuid', nullable: true, description: 'The prerequisite courses an admin waived with this decision (null when none)' })
  prerequisitesOverridden: string[] | null;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    nullable: true,
    description: 'On a promotion-skipped entry: the prerequisite courses the applicant had not completed (null otherwise; entries recorded before this field say so in `reason`)',
  })
  prerequisitesMissing: string[] | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

/** Why one item of a bulk decision was refused: the problem it would have answered alone. */
export class BulkDecisionProblemView {
  @ApiProperty({ type: String }) type: string;
  @ApiPropertyOptional({ type: String }) detail?: string;
}

export class BulkDecisionResultView {
  @ApiProperty({ type: String, format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: Number, description: 'HTTP status this item would have had alone' }) status: number;
  @ApiPropertyOptional({ type: ApplicationView }) application?: ApplicationView;
  @ApiPropertyOptional({ type: BulkDecisionProblemView, description: 'problem type and detail when refused' }) problem?: BulkDecisionProblemView;
}

export class BulkDecisionResultsView {
  @ApiProperty({ type: [BulkDecisionResultView] }) results: BulkDecisionResultView[];
}
