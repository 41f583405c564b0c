import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, Equals, IsArray, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CourseFieldsDto, COURSE_CODE } from './course.dto';
import { CreateLessonDto, SKILL_CODE } from './structure.dto';

export const COURSE_DOCUMENT_FORMAT = 'gds-academy/course@1';

export class DocumentModuleDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200)
  title: string;

  @ApiProperty({ maxLength: 4000 }) @IsString() @MaxLength(4000)
  summary: string;

  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(30) @ArrayUnique() @Matches(SKILL_CODE, { each: true })
  skillCodes: string[];

  @ApiProperty({ type: [Number], description: '1-based positions of prerequisite modules in this document' })
  @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsInt({ each: true }) @Min(1, { each: true }) @Max(200, { each: true })
  prerequisitePositions: number[];

  @ApiProperty({ type: [CreateLessonDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CreateLessonDto)
  lessons: CreateLessonDto[];
}

/** A course version as one JSON document, for sharing between providers (assessments not included). */
export class CourseDocumentDto {
  @ApiProperty({ enum: [COURSE_DOCUMENT_FORMAT] }) @Equals(COURSE_DOCUMENT_FORMAT)
  format: string;

  @ApiProperty({ type: CourseFieldsDto }) @IsObject() @ValidateNested() @Type(() => CourseFieldsDto)
  course: CourseFieldsDto;

  @ApiProperty({ type: [DocumentModuleDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => DocumentModuleDto)
  modules: DocumentModuleDto[];
}

export class ImportCourseDto {
  @ApiProperty({ description: 'Code of the new draft course', pattern: COURSE_CODE.source }) @IsString() @Matches(COURSE_CODE)
  code: string;

  @ApiPropertyOptional({ description: 'Admins may import for another instructor' }) @IsOptional() @IsUUID()
  ownerId?: string;

  @ApiProperty({ type: CourseDocumentDto }) @IsObject() @ValidateNested() @Type(() => CourseDocumentDto)
  document: CourseDocumentDto;
}
