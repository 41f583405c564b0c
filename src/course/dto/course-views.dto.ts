import { ApiProperty } from '@nestjs/swagger';
import { COURSE_STATUSES, CourseStatus, LEVELS, Level } from '../course.entity';
import { TRACK_CODES, TrackCode } from '../track.entity';
import { CourseVersionView } from './version-views.dto';
import { CourseModuleView, DraftLessonView } from './structure-views.dto';

/** A course and its draft's fields, as stored (no outline: that belongs to its versions). */
export class CourseView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) summary: string;
  @ApiProperty({ enum: TRACK_CODES }) trackCode: TrackCode;
  @ApiProperty({ enum: LEVELS }) level: Level;
  @ApiProperty({ type: Number }) estimatedHours: number;
  @ApiProperty({ type: String, format: 'uuid' }) ownerId: string;
  @ApiProperty({ enum: COURSE_STATUSES }) status: CourseStatus;
  @ApiProperty({ type: Number, description: '0 until the first publish' }) latestVersion: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

/** One row of the catalogue. */
export class CatalogueCourseView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) summary: string;
  @ApiProperty({ enum: TRACK_CODES }) trackCode: TrackCode;
  @ApiProperty({ enum: LEVELS }) level: Level;
  @ApiProperty({ type: Number }) estimatedHours: number;
  @ApiProperty({ enum: COURSE_STATUSES }) status: CourseStatus;
  @ApiProperty({ type: Number }) latestVersion: number;
  @ApiProperty({ type: String, format: 'uuid' }) ownerId: string;
}

export class CourseSkillView {
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String, nullable: true }) frameworkRef: string | null;
}

export class CourseDetailView {
  @ApiProperty({ type: CourseView }) course: CourseView;
  @ApiProperty({ type: [String], format: 'uuid' }) coInstructorIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) prerequisiteCourseIds: string[];
  @ApiProperty({ type: CourseVersionView, nullable: true, description: 'The latest published version with its outline; null before the first publish' })
  latest: CourseVersionView | null;
  @ApiProperty({ type: [CourseSkillView], description: 'Skills the latest version teaches' }) skills: CourseSkillView[];
}

export class DraftModuleWithLessonsView extends CourseModuleView {
  @ApiProperty({ type: [DraftLessonView] }) lessons: DraftLessonView[];
}

export class CourseDraftView {
  @ApiProperty({ type: CourseView }) course: CourseView;
  @ApiProperty({ type: [DraftModuleWithLessonsView] }) modules: DraftModuleWithLessonsView[];
}

export class CoInstructorsView {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The co-instructors now (the owner is not listed)' }) userIds: string[];
}

export class CoursePrerequisitesView {
  @ApiProperty({ type: [String], format: 'uuid' }) courseIds: string[];
}
