import { ApiProperty } from '@nestjs/swagger';
import { LESSON_KINDS, LessonKind } from '../lesson.entity';

/** A draft module with the skills it teaches and the modules to complete first. */
export class CourseModuleView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) courseId: string;
  @ApiProperty({ type: Number, description: '1-based, within the course' }) position: number;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) summary: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [String] }) skillCodes: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) prerequisiteModuleIds: string[];
}

/** A draft lesson as stored: `body` is the Markdown as written. */
export class DraftLessonView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) moduleId: string;
  @ApiProperty({ type: Number, description: '1-based, within the module' }) position: number;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind: LessonKind;
  @ApiProperty({ type: String, nullable: true }) body: string | null;
  @ApiProperty({ type: String, nullable: true }) videoUrl: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds: number | null;
  @ApiProperty({ type: String, nullable: true }) environmentNotes: string | null;
  @ApiProperty({ type: String, nullable: true }) externalUrl: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

/** A draft lesson with its Markdown rendered (sanitised) to HTML. */
export class DraftLessonHtmlView extends DraftLessonView {
  @ApiProperty({ type: String, nullable: true }) bodyHtml: string | null;
  @ApiProperty({ type: String, nullable: true }) environmentNotesHtml: string | null;
}
