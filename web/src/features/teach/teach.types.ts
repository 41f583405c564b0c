import type { components } from '../../shared/api/schema.gen';

type Schemas = components['schemas'];
export type TeachCourse = Schemas['CatalogueCourseView'];
export type CourseDraft = Schemas['CourseDraftView'];
export type DraftModule = CourseDraft['modules'][number];
export type DraftLesson = Schemas['DraftLessonHtmlView'];
export type AuthorAssessment = Schemas['AssessmentAuthorView'];
export type AssessmentKind = AuthorAssessment['kind'];
export type VersionSummary = Schemas['CourseVersionSummaryView'];
export type VersionDiff = Schemas['VersionDiffView'];
export type Criteria = Schemas['CriteriaView'];
export type Cohort = Schemas['CohortView'];
export type CourseDetail = Schemas['CourseDetailView'];

export const ASSESSMENT_KINDS: AssessmentKind[] = ['quiz', 'flag', 'sql', 'config', 'rubric'];
export const TRACKS = ['cybersecurity', 'data-analysis', 'ui-ux-design', 'cloud-engineering'] as const;
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
