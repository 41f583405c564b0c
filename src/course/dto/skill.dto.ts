import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { TRACK_CODES, TrackCode } from '../track.entity';
import { SKILL_CODE } from './structure.dto';

export class UpdateSkillDto {
  @ApiPropertyOptional({ maxLength: 120 }) @IsOptional() @IsString() @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ maxLength: 120, nullable: true, description: 'e.g. a NICE work role or an SFIA code' })
  @IsOptional() @IsString() @Length(1, 120)
  frameworkRef?: string | null;
}

export class CreateSkillDto {
  @ApiProperty({ enum: TRACK_CODES }) @IsIn(TRACK_CODES)
  trackCode: TrackCode;

  @ApiProperty({ pattern: SKILL_CODE.source, description: 'Unique across tracks, e.g. CYB-SOC-02' }) @Matches(SKILL_CODE)
  code: string;

  @ApiProperty({ maxLength: 120 }) @IsString() @Length(1, 120)
  name: string;

  @ApiProperty({ maxLength: 2000 }) @IsString() @MaxLength(2000)
  description: string;

  @ApiPropertyOptional({ maxLength: 120, description: 'e.g. a NICE work role or an SFIA code' }) @IsOptional() @IsString() @Length(1, 120)
  frameworkRef?: string;
}

export class SkillsQuery {
  @ApiPropertyOptional({ enum: TRACK_CODES }) @IsOptional() @IsIn(TRACK_CODES)
  track?: TrackCode;
}

export class SkillTrackDocument {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

/** The public page of one skill: where a credential's alignment `targetUrl` points. */
export class SkillDocument {
  @ApiProperty({ description: 'This document\'s URL (the alignment targetUrl of credentials)' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: SkillTrackDocument }) track: SkillTrackDocument;
  @ApiProperty({ nullable: true, type: String, description: 'A NICE work role or an SFIA code' }) frameworkRef: string | null;
  @ApiProperty() framework: string;
}
