import { IsDecimal } from '@gds/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@gds/http';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export class SubmitDto {
  @ApiProperty({ description: 'The answer, in the shape of the assessment kind', type: 'object', additionalProperties: true })
  @IsObject()
  answer: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The started attempt this answers (timed assessments); default: the open one' })
  @IsOptional() @IsUUID()
  attemptId?: string;
}

export class CriterionScoreDto {
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  criterionId: string;

  @ApiProperty({ minimum: 0 }) @IsDecimal(2) @Min(0) @Max(1000)
  points: number;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000)
  comment?: string;
}

export class ReviewDto {
  @ApiProperty({ type: [CriterionScoreDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => CriterionScoreDto)
  criteria: CriterionScoreDto[];

  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @Length(1, 5000)
  comment?: string;
}

/** A review graded again: the criteria as for a review, and why. */
export class ReviewCorrectionDto extends ReviewDto {
  @ApiProperty({ maxLength: 500, description: 'Why the review is corrected (kept in the grade history)' }) @IsString() @Length(1, 500)
  reason: string;
}

export class OverrideDto {
  @ApiProperty({ minimum: 0 }) @IsDecimal(2) @Min(0) @Max(10_000)
  score: number;

  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500)
  reason: string;
}

export class AssessmentSubmissionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this cohort (one you instruct)' })
  @IsOptional() @IsUUID()
  cohortId?: string;
}
