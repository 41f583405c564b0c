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

export class EnrollmentView {
  @ApiProperty() id: string;
  @ApiProperty() cohortId: string;
  @ApiProperty() traineeId: string;
  @ApiProperty() courseVersionId: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiProperty() source: string;
  @ApiProperty() enrolledAt: string;
  @ApiPropertyOptional({ nullable: true }) withdrawnAt: string | null;
  @ApiPropertyOptional({ nullable: true }) withdrawalReason: string | null;
  @ApiPropertyOptional({ nullable: true }) completedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) lastActivityAt: string | null;
  @ApiProperty() percentComplete: number;
}
