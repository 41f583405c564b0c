import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@gds/http';
import { StaffSubmissionView } from './submission-views.dto';

export class ReviewQueueQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the assessments of this course version (one the cohort runs)' })
  @IsOptional() @IsUUID()
  courseVersionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this assessment (one of the cohort’s course versions)' })
  @IsOptional() @IsUUID()
  assessmentId?: string;
}

/** A submission waiting for an instructor, with whose it is and what it answers. */
export class ReviewQueueItemView extends StaffSubmissionView {
  @ApiProperty({ type: String, nullable: true }) traineeDisplayName: string | null;
  @ApiProperty({ type: String }) assessmentTitle: string;
  @ApiProperty({ type: String, format: 'uuid', description: 'The course version (of those the cohort runs) the assessment belongs to' }) courseVersionId: string;
}
