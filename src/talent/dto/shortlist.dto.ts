import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@gds/http';
import { OUTCOME_STAGES, OutcomeStage, REQUEST_STATES, RequestState } from '../interview-request.entity';

export class ShortlistDto {
  @ApiProperty({ maxLength: 120, description: 'The role the candidate is shortlisted for' })
  @IsString() @Length(1, 120) @Matches(/\S/, { message: 'roleTitle must not be blank' })
  roleTitle: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID()
  traineeId: string;
}

export class ListShortlistQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only this role (case-insensitive)' }) @IsOptional() @IsString() @Length(1, 120)
  roleTitle?: string;
}

export class ShortlistEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() roleTitle: string;
  @ApiProperty({ format: 'uuid' }) traineeId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class InterviewRequestDto {
  @ApiProperty({ maxLength: 120 })
  @IsString() @Length(1, 120) @Matches(/\S/, { message: 'roleTitle must not be blank' })
  roleTitle: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID()
  traineeId: string;

  @ApiProperty({ maxLength: 2000, description: 'What the trainee reads with the request' })
  @IsString() @MaxLength(2000)
  message: string;
}

export class AnswerInterviewRequestDto {
  @ApiProperty({ enum: ['accept', 'decline'] }) @IsString() @Matches(/^(accept|decline)$/, { message: 'answer must be accept or decline' })
  answer: 'accept' | 'decline';
}

export class RecordOutcomeDto {
  @ApiProperty({ enum: OUTCOME_STAGES }) @IsString() @Matches(/^(interviewed|offered|hired|declined)$/, { message: `stage must be one of ${OUTCOME_STAGES.join(', ')}` })
  stage: OutcomeStage;

  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000)
  note?: string;
}

export class OutcomeView {
  @ApiProperty({ enum: OUTCOME_STAGES }) stage: OutcomeStage;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class InterviewRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ format: 'uuid' }) traineeId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() roleTitle: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: REQUEST_STATES, description: '`ended`: the trainee stopped being listed while it waited' }) state: RequestState;
  @ApiProperty({ enum: OUTCOME_STAGES, nullable: true, description: 'The latest stage recorded' }) stage: OutcomeStage | null;
  @ApiProperty({ type: OutcomeView, isArray: true }) outcomes: OutcomeView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
}
