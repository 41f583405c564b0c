import type { components } from '../../shared/api/schema.gen';

// The course routes' answers, as the generated types (schema.gen.ts) say.
type Schemas = components['schemas'];

export type OutlineLesson = Schemas['OutlineLessonView'];
export type OutlineAssessment = Schemas['OutlineAssessmentView'];
export type OutlineModule = Schemas['OutlineModuleView'];
/** GET /api/v1/courses/:id/versions/:version: a published version and its outline. */
export type CourseVersion = Schemas['CourseVersionView'];
/** GET /api/v1/courses/:id/versions/:version/lessons/:lessonId: a lesson's content, Markdown rendered to safe HTML. */
export type Lesson = Schemas['VersionLessonView'];
