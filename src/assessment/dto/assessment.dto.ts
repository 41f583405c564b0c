import { IsDecimal } from '@gds/http';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ASSESSMENT_KINDS, AssessmentKind } from '../graders/grader-registry';
import { LATE_POLICIES, LatePolicy } from '../assessment.entity';

export class CreateAssessmentDto {
  @ApiProperty({ enum: ASSESSMENT_KINDS }) @IsIn(ASSESSMENT_KINDS)
  kind: AssessmentKind;

  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ description: 'Markdown', maxLength: 50_000 }) @IsOptional() @IsString() @MaxLength(50_000)
  instructions?: string;

  @ApiProperty({ minimum: 0.01, maximum: 10_000 }) @IsDecimal(2) @Min(0.01) @Max(10_000)
  maxScore: number;

  @ApiProperty({ minimum: 0, description: 'Score needed to pass (≤ maxScore)' }) @IsDecimal(2) @Min(0) @Max(10_000)
  passMark: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000, default: 1 }) @IsOptional() @IsDecimal(3) @Min(0) @Max(1000)
  weight?: number;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: 'Default by kind: 3 for practicals (flag, sql, config), 1 for quiz and rubric' })
  @IsOptional() @IsInt() @Min(1) @Max(100)
  attemptsAllowed?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1440)
  timeLimitMinutes?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 3650, nullable: true, description: 'Days after the module unlocks (or the cohort starts)' })
  @IsOptional() @IsInt() @Min(0) @Max(3650)
  dueOffsetDays?: number | null;

  @ApiPropertyOptional({ enum: LATE_POLICIES, default: 'refuse' }) @IsOptional() @IsIn(LATE_POLICIES)
  latePolicy?: LatePolicy;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 0, description: 'Percent of the score lost per day late (latePolicy penalty)' })
  @IsOptional() @IsDecimal(2) @Min(0) @Max(100)
  latePenaltyPercentPerDay?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 0, description: 'A late answer never scores below this percent of what it earned (latePolicy penalty)' })
  @IsOptional() @IsDecimal(2) @Min(0) @Max(100)
  lateFloorPercent?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10080, default: 0, description: 'Minutes after the due date during which work is still on time' })
  @IsOptional() @IsInt() @Min(0) @Max(10080)
  lateGraceMinutes?: number;

  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(30) @ArrayUnique() @IsString({ each: true }) @Matches(/^[A-Za-z0-9._-]{1,40}$/, { each: true })
  skillCodes?: string[];

  @ApiProperty({ description: 'The answer key of the kind, checked by its grader', type: 'object', additionalProperties: true })
  @IsObject()
  key: Record<string, unknown>;
}

export class UpdateAssessmentDto extends PartialType(CreateAssessmentDto) {}

export class RegradeDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500)
  reason: string;

  @ApiPropertyOptional({ description: 'Published version whose frozen key to apply (the version with the fix); default: each submission’s own version' })
  @IsOptional() @IsString() @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  keyVersionId?: string;
}
