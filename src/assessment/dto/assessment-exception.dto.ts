import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsDateTime } from '@gds/time';

export class GrantExceptionDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 500, description: 'Trainees of the cohort: one, or a group' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @IsUUID('all', { each: true })
  traineeIds: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'The new due date for these trainees; must lie in the future' })
  @IsOptional() @IsDateTime()
  dueAt?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, description: 'Attempts added to those the assessment allows' })
  @IsOptional() @IsInt() @Min(1) @Max(20)
  extraAttempts?: number;

  @ApiProperty({ maxLength: 1000, description: 'Why; kept in the audit trail and told to the trainee' })
  @IsString() @Length(1, 1000)
  reason: string;
}

export class AssessmentExceptionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'uuid' }) traineeId: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ minimum: 0 }) extraAttempts: number;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) grantedBy: string;
  @ApiProperty({ format: 'date-time' }) grantedAt: string;
}

export class AssessmentExceptionListView {
  @ApiProperty({ type: [AssessmentExceptionView] }) items: AssessmentExceptionView[];
}
