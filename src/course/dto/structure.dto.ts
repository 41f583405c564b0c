import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { LESSON_KINDS, LessonKind } from '../lesson.entity';

export const SKILL_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class ModuleFieldsDto {
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000)
  summary?: string;

  @ApiPropertyOptional({ type: [String], description: 'Codes of the skills the module teaches (of the course’s track)' })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @ArrayUnique() @Matches(SKILL_CODE, { each: true })
  skillCodes?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Modules of the same course that must be completed first' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true })
  prerequisiteModuleIds?: string[];
}

export class CreateModuleDto extends ModuleFieldsDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200)
  title: string;
}

export class UpdateModuleDto extends ModuleFieldsDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200)
  title?: string;
}

export class MoveDto {
  @ApiProperty({ minimum: 1, description: '1-based position to move to' }) @IsInt() @Min(1) @Max(10_000)
  position: number;
}

export class MoveLessonDto extends MoveDto {
  @ApiPropertyOptional({ description: 'Another module of the same course to move the lesson into' }) @IsOptional() @IsUUID()
  moduleId?: string;
}

export class LessonFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200_000, description: 'Markdown: the article, or the lab instructions; optional notes otherwise' })
  @IsOptional() @IsString() @MaxLength(200_000)
  body?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'http(s) URL of the video (video lessons)' }) @IsOptional() @IsUrl(HTTP_URL) @MaxLength(2000)
  videoUrl?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 86400 }) @IsOptional() @IsInt() @Min(1) @Max(86400)
  durationSeconds?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20_000, description: 'Lab environment notes (Markdown)' }) @IsOptional() @IsString() @MaxLength(20_000)
  environmentNotes?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'http(s) URL of the resource (external lessons)' }) @IsOptional() @IsUrl(HTTP_URL) @MaxLength(2000)
  externalUrl?: string | null;
}

export class CreateLessonDto extends LessonFieldsDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200)
  title: string;

  @ApiProperty({ enum: LESSON_KINDS }) @IsIn(LESSON_KINDS)
  kind: LessonKind;
}

export class UpdateLessonDto extends LessonFieldsDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ enum: LESSON_KINDS }) @IsOptional() @IsIn(LESSON_KINDS)
  kind?: LessonKind;
}
