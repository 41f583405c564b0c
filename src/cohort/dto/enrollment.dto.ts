import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateBy, ValidateIf } from 'class-validator';
import { MaxCodePoints } from '@gds/http';
import { ENROLLMENT_STATUSES, EnrollmentStatus } from '../enrollment.entity';

/** Room for a sentence or two; the waiver table shows it in full. */
export const OVERRIDE_REASON_MAX = 500;

export class DirectEnrollDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  traineeId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required when the cohort runs several course versions' }) @IsOptional() @IsUUID()
  courseVersionId?: string;

  @ApiPropertyOptional({ description: 'Enroll even though the trainee has not completed every prerequisite course (else 422 prerequisites-not-met); direct enrollment is for admins only. The courses waived are recorded (GET /cohorts/:id/prerequisite-waivers)' })
  @IsOptional() @IsBoolean()
  overridePrerequisites?: boolean;

  // Checked whenever either side is present: required with the waiver, refused without it (a reason for no waiver would be stored nowhere).
  @ApiPropertyOptional({ maxLength: OVERRIDE_REASON_MAX, description: 'Why the prerequisites are waived: required (non-blank, trimmed) with overridePrerequisites: true, refused (400) without it. Kept with the waiver record' })
  @ValidateIf((o: DirectEnrollDto) => o.overridePrerequisites === true || o.overrideReason !== undefined)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @ValidateBy({
    name: 'onlyWithOverride',
    validator: {
      validate: (_value, args) => (args?.object as DirectEnrollDto).overridePrerequisites === true,
      defaultMessage: () => 'overrideReason is only taken with overridePrerequisites: true',
    },
  })
  // Code points, as the table's check (char_length) counts them: MaxLength would let emoji with variation selectors past.
  @IsString() @IsNotEmpty({ message: 'overrideReason must not be blank' }) @MaxCodePoints(OVERRIDE_REASON_MAX)
  overrideReason?: string;
}

export class WithdrawEnrollmentDto {
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @Length(1, 1000)
  reason?: string;
}

export class ImportTraineesDto {
  @ApiProperty({ description: 'CSV text with the header `email,displayName` (and optionally `courseVersionId`)', maxLength: 1_000_000 })
  @IsString() @Length(1, 1_000_000)
  csv: string;
}

/** The roster's largest page: a cohort of this many trainees still comes in one answer. */
export const ROSTER_PAGE_MAX = 1000;

export class RosterQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only trainees at risk' }) @IsOptional() @IsIn(['true', 'false'])
  atRisk?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES }) @IsOptional() @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: ROSTER_PAGE_MAX, default: ROSTER_PAGE_MAX, description: 'Trainees per page (a cohort of up to this many comes in one answer)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(ROSTER_PAGE_MAX)
  limit: number = ROSTER_PAGE_MAX;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page (nextCursor)' })
  @IsOptional() @IsString() @MaxLength(500)
  cursor?: string;
}

const ENROLLMENT_SOURCES = ['application', 'admin', 'import', 'waitlist'] as const;

export class EnrollmentView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: String, format: 'uuid' }) traineeId: string;
  @ApiProperty({ type: String, format: 'uuid' }) courseVersionId: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiProperty({ enum: ENROLLMENT_SOURCES }) source: string;
  @ApiProperty({ type: String, format: 'date-time' }) enrolledAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawalReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastActivityAt: string | null;
  @ApiProperty({ type: Number }) percentComplete: number;
}

export class WithdrawnEnrollmentView extends EnrollmentView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The waitlisted applicant who took the freed seat, if any' })
  promotedEnrollmentId: string | null;
}
