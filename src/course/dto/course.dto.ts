import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@gds/http';
import { LEVELS, Level } from '../course.entity';
import { TRACK_CODES, TrackCode } from '../track.entity';

export const COURSE_CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;

export class CourseFieldsDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200)
  title: string;

  @ApiProperty({ maxLength: 4000 }) @IsString() @MaxLength(4000)
  summary: string;

  @ApiProperty({ enum: TRACK_CODES }) @IsIn(TRACK_CODES)
  trackCode: TrackCode;

  @ApiProperty({ enum: LEVELS }) @IsIn(LEVELS)
  level: Level;

  @ApiProperty({ minimum: 1, maximum: 2000 }) @IsInt() @Min(1) @Max(2000)
  estimatedHours: number;
}

export class CreateCourseDto extends CourseFieldsDto {
  @ApiProperty({ description: 'Unique, lower-case kebab code, e.g. cyber-soc-101', pattern: COURSE_CODE.source })
  @IsString() @Matches(COURSE_CODE)
  code: string;

  @ApiPropertyOptional({ description: 'Admins may create a course on behalf of an instructor' }) @IsOptional() @IsUUID()
  ownerId?: string;
}

export class UpdateCourseDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000)
  summary?: string;

  @ApiPropertyOptional({ enum: LEVELS }) @IsOptional() @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ minimum: 1, maximum: 2000 }) @IsOptional() @IsInt() @Min(1) @Max(2000)
  estimatedHours?: number;
}

export class CoInstructorsDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  userIds: string[];
}

export class CoursePrerequisitesDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  courseIds: string[];
}

export class PublishDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'What changed, in the author’s words' }) @IsOptional() @IsString() @MaxLength(2000)
  changeNote?: string;
}

export class CatalogueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TRACK_CODES }) @IsOptional() @IsIn(TRACK_CODES)
  track?: TrackCode;

  @ApiPropertyOptional({ enum: LEVELS }) @IsOptional() @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ description: 'Full-text search over title, summary and lesson titles' }) @IsOptional() @IsString() @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only courses the caller owns or co-instructs, drafts and published alike (admins too)' })
  @IsOptional() @IsIn(['true', 'false'])
  teaching?: 'true' | 'false';
}
