import { ApiProperty } from '@nestjs/swagger';

/** One of the trainee's own fair meetings, with what they need to get there: the fair, the employer, the place or link. */
export class MyFairBookingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) slotId: string;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty() fairName: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, nullable: true, description: "The fair's place" }) place: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The fair's link for online meetings" }) onlineUrl: string | null;
}
