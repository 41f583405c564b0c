import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsDecimal } from '@gds/http';
import { ApplicationView, TRACK_CODES, TrackCode } from './application.dto';

export class RubricCriterionDto {
  @ApiProperty({ example: 'motivation', pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'Stable key of the criterion' })
  @IsString() @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'id must be 1-40 lower-case letters, digits or -, starting with a letter or digit' })
  id: string;

  @ApiProperty({ maxLength: 200, example: 'Motivation and goals' }) @IsString() @Length(1, 200)
  label: string;

  @ApiProperty({ minimum: 0.001, maximum: 1000, description: 'Relative weight (weights need not sum to 1)' })
  @IsDecimal(3) @Min(0.001) @Max(1000)
  weight: number;

  @ApiProperty({ minimum: 1, maximum: 100, description: 'Scores of this criterion run from 0 to maxScore' }) @IsInt() @Min(1) @Max(100)
  maxScore: number;
}

export class RubricDto {
  @ApiProperty({ type: [RubricCriterionDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => RubricCriterionDto)
  criteria: RubricCriterionDto[];
}

export class RubricCriterionView {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) label: string;
  @ApiProperty({ type: Number }) weight: number;
  @ApiProperty({ type: Number }) maxScore: number;
}

export class RubricView {
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: [RubricCriterionView], description: 'Empty: the cohort has no rubric (a single score per application)' }) criteria: RubricCriterionView[];
  @ApiProperty({ type: Boolean, description: 'Scores exist: the rubric can no longer change' }) locked: boolean;
}

export class RubricScoreDto {
  @ApiProperty({ example: 'motivation' }) @IsString() @Length(1, 40)
  criterionId: string;

  @ApiProperty({ minimum: 0, description: '0 to the criterion’s maxScore, up to two decimals' }) @IsDecimal(2)
  score: number;
}

export class ScoresDto {
  @ApiProperty({ type: [RubricScoreDto], description: 'Your scores: each replaces your earlier score of that criterion' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => RubricScoreDto)
  scores: RubricScoreDto[];

  @ApiPropertyOptional({ maxLength: 1000, description: 'Kept in the audit trail' }) @IsOptional() @IsString() @Length(1, 1000)
  note?: string;
}

export class CriterionScoreView {
  @ApiProperty({ type: String }) criterionId: string;
  @ApiProperty({ type: Number }) score: number;
}

export class ReviewerScoresView {
  @ApiProperty({ type: String, format: 'uuid' }) reviewerId: string;
  @ApiProperty({ type: String, nullable: true }) reviewerName: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Weighted total 0–100; null until every criterion is scored' }) total: number | null;
  @ApiProperty({ type: [CriterionScoreView] }) scores: CriterionScoreView[];
}

export class ScoringView {
  @ApiProperty({ type: Number, nullable: true, description: 'Mean of the reviewers’ complete totals (0–100); also the application’s score' }) aggregate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Highest minus lowest complete total' }) spread: number | null;
  @ApiProperty({ type: [ReviewerScoresView] }) reviewers: ReviewerScoresView[];
}

export class ApplicantView {
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) language: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'As given with the application' }) phone: string | null;
}

export class DuplicateView {
  @ApiProperty({ type: String, format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, format: 'uuid' }) traineeId: string;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ enum: ['email', 'name', 'phone'], isArray: true, description: 'What the two applicants share (normalised)' }) reasons: Array<'email' | 'name' | 'phone'>;
}

/** An application as staff select from it: who applied, the scores, ties and possible duplicates. */
export class ApplicationReviewView extends ApplicationView {
  @ApiProperty({ type: ApplicantView, description: 'No demographic fields: their consent covers aggregate reports only' }) applicant: ApplicantView;
  @ApiProperty({ enum: TRACK_CODES, nullable: true }) trackCode: TrackCode | null;
  @ApiProperty({ type: ScoringView }) scoring: ScoringView;
  @ApiProperty({ type: Number, nullable: true, description: 'Rank by score in the cohort, ties sharing a rank (1, 2, 2, 4)' }) rank: number | null;
  @ApiProperty({ type: Number, description: 'How many other applications of the cohort have the same score' }) tiedWith: number;
  @ApiProperty({ type: [DuplicateView], description: 'Other applications of the cohort that may be the same person' }) duplicates: DuplicateView[];
}

export class ApplicationReviewPageView {
  @ApiProperty({ type: [ApplicationReviewView] }) items: ApplicationReviewView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page' }) nextCursor: string | null;
}

export class TrackQuotaDto {
  @ApiProperty({ enum: TRACK_CODES }) @IsIn(TRACK_CODES)
  trackCode: TrackCode;

  @ApiProperty({ minimum: 0, maximum: 100000 }) @IsInt() @Min(0) @Max(100000)
  seats: number;
}

export class TrackQuotasDto {
  @ApiProperty({ type: [TrackQuotaDto], description: 'Replaces the quotas; a track left out has none (any free seat)' })
  @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => TrackQuotaDto)
  quotas: TrackQuotaDto[];
}

export class TrackQuotaView {
  @ApiProperty({ enum: TRACK_CODES }) trackCode: TrackCode;
  @ApiProperty({ type: Number, nullable: true, description: 'null: no quota' }) seats: number | null;
  @ApiProperty({ type: Number, description: 'Seats of this track taken by enrollments' }) taken: number;
}

export class TrackQuotasView {
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: Number }) capacity: number;
  @ApiProperty({ type: Number }) seatsTaken: number;
  @ApiProperty({ type: [TrackQuotaView] }) tracks: TrackQuotaView[];
}

export class RevertDecisionDto {
  @ApiProperty({ maxLength: 1000, description: 'Why; kept in the audit trail and told to the applicant' }) @IsString() @Length(1, 1000)
  reason: string;
}


