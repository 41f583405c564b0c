import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class EraseUserDto {
  @ApiProperty({ description: 'Why (the request received); kept in the erasure audit, for admins only', maxLength: 500 })
  @IsString() @Length(1, 500) @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

export class ErasureView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'date-time' }) erasedAt: string;
}

/** Everything held about the caller, gathered from every module; each section as the module keeps it. */
export class DataExportView {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Profile, consents, profile history, account changes' }) identity: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Applications, enrollments, lesson completions' }) cohorts: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Submissions (with answers) and grades' }) assessments: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Certificates' }) certificates: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Notifications and preferences' }) notifications: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Placements and follow-ups' }) placements: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Talent pipeline: profile, who viewed it, shortlists, interview requests and outcomes' }) talent: Record<string, unknown>;
}
