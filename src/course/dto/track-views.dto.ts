import { ApiProperty } from '@nestjs/swagger';
import { TRACK_CODES, TrackCode } from '../track.entity';

export class TrackView {
  @ApiProperty({ enum: TRACK_CODES }) code: TrackCode;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) description: string;
  @ApiProperty({ type: Number }) position: number;
}

/** A skill of a track's competency framework. */
export class SkillView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ enum: TRACK_CODES }) trackCode: TrackCode;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) description: string;
  @ApiProperty({ type: String, nullable: true, description: 'A NICE work role or an SFIA code' }) frameworkRef: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
