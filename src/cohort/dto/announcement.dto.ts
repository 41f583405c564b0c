import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { PageQuery } from '@gds/http';

export const ANNOUNCEMENT_AUDIENCES = ['cohort', 'track', 'trainees'] as const;
export type AnnouncementAudience = (typeof ANNOUNCEMENT_AUDIENCES)[number];
export const TRACK_CODES = ['cybersecurity', 'data-analysis', 'ui-ux-design', 'cloud-engineering'] as const;
export const MAX_ANNOUNCEMENT_TRAINEES = 500;

export class SendAnnouncementDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'Plain text; the title of the notice and the email subject' })
  @IsString() @Length(1, 200) @Matches(/\S/, { message: 'subject must not be blank' })
  subject: string;

  @ApiProperty({ minLength: 1, maxLength: 5000, description: 'Plain text (never HTML); line breaks are kept' })
  @IsString() @Length(1, 5000) @Matches(/\S/, { message: 'body must not be blank' })
  body: string;

  @ApiProperty({ enum: ANNOUNCEMENT_AUDIENCES, description: 'cohort: every active trainee; track: those of one track (trackCode); trainees: those named (traineeIds)' })
  @IsIn(ANNOUNCEMENT_AUDIENCES)
  audience: AnnouncementAudience;

  @ApiPropertyOptional({ enum: TRACK_CODES, description: 'Required with audience track (a track the cohort runs); refused otherwise' })
  @ValidateIf((o: SendAnnouncementDto) => o.trackCode !== undefined) @IsIn(TRACK_CODES)
  trackCode?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_ANNOUNCEMENT_TRAINEES, description: 'Required with audience trainees: 1 to 500 trainees actively enrolled in the cohort; refused otherwise' })
  @ValidateIf((o: SendAnnouncementDto) => o.traineeIds !== undefined)
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ANNOUNCEMENT_TRAINEES) @ArrayUnique() @IsUUID('all', { each: true })
  traineeIds?: string[];

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Also reach trainees who completed the cohort (graduates), not only those actively enrolled; withdrawn trainees never. Left out: false',
  })
  @ValidateIf((o: SendAnnouncementDto) => o.includeCompleted !== undefined) @IsBoolean()
  includeCompleted?: boolean;
}

export class ListAnnouncementsQuery extends PageQuery {}

export class AnnouncementView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: String, format: 'uuid' }) authorId: string;
  @ApiProperty({ enum: ANNOUNCEMENT_AUDIENCES }) audience: AnnouncementAudience;
  @ApiProperty({ enum: TRACK_CODES, nullable: true, type: String }) trackCode: string | null;
  @ApiProperty({ type: String }) subject: string;
  @ApiProperty({ type: String }) body: string;
  @ApiProperty({ type: Boolean, description: 'Whether completed trainees (graduates) were reached too' }) includeCompleted: boolean;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The trainees it was sent to (resolved when sent)' }) recipientIds: string[];
  @ApiProperty({ type: Number }) recipientCount: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}
