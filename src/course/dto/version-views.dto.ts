import { ApiProperty } from '@nestjs/swagger';
import { LESSON_KINDS, LessonKind } from '../lesson.entity';
import { TRACK_CODES } from '../track.entity';

const ASSESSMENT_KINDS = ['quiz', 'flag', 'sql', 'config', 'rubric'] as const;

export class OutlineLessonView {
  @ApiProperty({ type: String, format: 'uuid' }) lessonId: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind: LessonKind;
  @ApiProperty({ type: Number }) position: number;
  @ApiProperty({ type: String, description: 'Hash of the content, so that versions can be compared' }) contentHash: string;
}

export class OutlineAssessmentView {
  @ApiProperty({ type: String, format: 'uuid' }) assessmentId: string;
  @ApiProperty({ enum: ASSESSMENT_KINDS }) kind: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: Boolean }) required: boolean;
  @ApiProperty({ type: Number }) maxScore: number;
  @ApiProperty({ type: Number }) passMark: number;
  @ApiProperty({ type: Number }) weight: number;
  @ApiProperty({ type: Number, nullable: true }) dueOffsetDays: number | null;
  @ApiProperty({ type: [String] }) skillCodes: string[];
  @ApiProperty({ type: String }) contentHash: string;
}

export class OutlineModuleView {
  @ApiProperty({ type: String, format: 'uuid' }) moduleId: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) summary: string;
  @ApiProperty({ type: Number }) position: number;
  @ApiProperty({ type: [String], format: 'uuid' }) prerequisiteModuleIds: string[];
  @ApiProperty({ type: [String] }) skillCodes: string[];
  @ApiProperty({ type: [OutlineLessonView] }) lessons: OutlineLessonView[];
  @ApiProperty({ type: [OutlineAssessmentView] }) assessments: OutlineAssessmentView[];
}

/** The public part of a published version: modules, lessons (no bodies), assessment outlines. */
export class CourseOutlineView {
  @ApiProperty({ type: String }) courseCode: string;
  @ApiProperty({ enum: TRACK_CODES }) trackCode: string;
  @ApiProperty({ type: [String], format: 'uuid' }) prerequisiteCourseIds: string[];
  @ApiProperty({ type: [OutlineModuleView] }) modules: OutlineModuleView[];
}

/** A published version, as listed (no outline). */
export class CourseVersionSummaryView {
  @ApiProperty({ type: String, format: 'uuid' }) versionId: string;
  @ApiProperty({ type: String, format: 'uuid' }) courseId: string;
  @ApiProperty({ type: Number }) version: number;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) summary: string;
  @ApiProperty({ type: String }) level: string;
  @ApiProperty({ type: Number }) estimatedHours: number;
  @ApiProperty({ type: String }) changeNote: string;
  @ApiProperty({ type: String, format: 'uuid' }) publishedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt: string;
}

/** A published version with its outline. */
export class CourseVersionView extends CourseVersionSummaryView {
  @ApiProperty({ type: CourseOutlineView }) outline: CourseOutlineView;
}

export class PublishedVersionView {
  @ApiProperty({ type: String, format: 'uuid' }) versionId: string;
  @ApiProperty({ type: String, format: 'uuid' }) courseId: string;
  @ApiProperty({ type: Number }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt: string;
}

/** A lesson of a published version with its content, Markdown rendered (sanitised) to HTML. */
export class VersionLessonView {
  @ApiProperty({ type: String, format: 'uuid' }) lessonId: string;
  @ApiProperty({ type: String, format: 'uuid' }) moduleId: string;
  @ApiProperty({ type: String, format: 'uuid' }) versionId: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind: LessonKind;
  @ApiProperty({ type: String, nullable: true }) body: string | null;
  @ApiProperty({ type: String, nullable: true }) videoUrl: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds: number | null;
  @ApiProperty({ type: String, nullable: true }) environmentNotes: string | null;
  @ApiProperty({ type: String, nullable: true }) externalUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) bodyHtml: string | null;
  @ApiProperty({ type: String, nullable: true }) environmentNotesHtml: string | null;
}

export class VersionItemRefView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String }) title: string;
}

export class VersionChangedItemView extends VersionItemRefView {
  @ApiProperty({ type: [String], description: 'Names of the fields that changed' }) changes: string[];
}

export class VersionChangeSetView {
  @ApiProperty({ type: [VersionItemRefView] }) added: VersionItemRefView[];
  @ApiProperty({ type: [VersionItemRefView] }) removed: VersionItemRefView[];
  @ApiProperty({ type: [VersionChangedItemView] }) changed: VersionChangedItemView[];
}

export class VersionDiffView {
  @ApiProperty({ type: Number }) from: number;
  @ApiProperty({ type: Number }) to: number;
  @ApiProperty({ type: VersionChangeSetView }) modules: VersionChangeSetView;
  @ApiProperty({ type: VersionChangeSetView }) lessons: VersionChangeSetView;
  @ApiProperty({ type: VersionChangeSetView }) assessments: VersionChangeSetView;
}
