import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ENROLLMENT_STATUSES, EnrollmentStatus } from '../enrollment.entity';

export class DirectEnrollDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  traineeId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required when the cohort runs several course versions' }) @IsOptional() @IsUUID()
  courseVersionId?: string;
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

export class RosterQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only trainees at risk' }) @IsOptional() @IsIn(['true', 'false'])
  atRisk?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES }) @IsOptional() @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;
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
