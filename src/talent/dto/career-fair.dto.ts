import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECKED_IN_AS, type CheckedInAs } from '../career-fair.entity';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsDateTime } from '@gds/time';

/**
 * A date-time must say its offset (Z or ±hh:mm): without one it would be read in the server's zone,
 * which is no one's fair or meeting time.
 */
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const withOffset = () => Matches(WITH_OFFSET, { message: ({ property }) => `${property} must give its offset from UTC (Z or ±hh:mm)` });

export class CreateCareerFairDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ format: 'date-time', description: 'With its offset (Z or ±hh:mm)' }) @IsDateTime() @withOffset()
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'With its offset (Z or ±hh:mm)' }) @IsDateTime() @withOffset()
  endsAt: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'Where it happens; give this, onlineUrl, or both' }) @IsOptional() @IsString() @Length(1, 300)
  place?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'An https link for online meetings' }) @IsOptional() @IsUrl({ protocols: ['https'], require_protocol: true }) @MaxLength(500)
  onlineUrl?: string;

  @ApiProperty({ type: String, isArray: true, description: 'Participating organisations (employers)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ArrayUnique() @IsUUID('all', { each: true })
  organisationIds: string[];

  @ApiProperty({ type: String, isArray: true, description: 'Invited cohorts: their shortlisted or listed trainees may register' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ArrayUnique() @IsUUID('all', { each: true })
  cohortIds: string[];
}

export class CareerFairView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ type: String, nullable: true }) onlineUrl: string | null;
  @ApiProperty({ type: String, isArray: true }) organisationIds: string[];
  @ApiProperty({ type: String, isArray: true }) cohortIds: string[];
}

export class PublishSlotDto {
  @ApiProperty({ format: 'date-time', description: 'With its offset (Z or ±hh:mm)' }) @IsDateTime() @withOffset()
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'With its offset (Z or ±hh:mm)' }) @IsDateTime() @withOffset()
  endsAt: string;
}

export class FairSlotView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ description: 'Nobody booked it yet' }) available: boolean;
  @ApiProperty({ description: 'You booked it (trainees)' }) bookedByMe: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The employer's own slots only: who booked it" }) bookedByName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The booking, for the trainee who made it and for the employer whose slot it is (while the trainee is listed)' }) bookingId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The employer's own slots only: when the trainee who booked it checked in at the fair" }) bookerCheckedInAt: string | null;
}

export class FairRegistrationView {
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ format: 'uuid' }) traineeId: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiProperty({ enum: CHECKED_IN_AS, nullable: true, description: 'Who checked the trainee in: themself, an employer they meet, or programme staff' }) checkedInAs: CheckedInAs | null;
}

export class FairBookingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) slotId: string;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class AttendeeBookingView {
  @ApiProperty({ format: 'uuid', description: 'The booking (DELETE /fair-bookings/:id cancels it)' }) bookingId: string;
  @ApiProperty({ format: 'uuid' }) slotId: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class FairAttendeeView {
  @ApiProperty({ format: 'uuid' }) traineeId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiProperty({ enum: CHECKED_IN_AS, nullable: true }) checkedInAs: CheckedInAs | null;
  @ApiProperty({ type: AttendeeBookingView, isArray: true, description: 'Their meetings at the fair, in time order' }) bookings: AttendeeBookingView[];
}
