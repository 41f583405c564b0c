/**
 * What the course module tells other modules about published (immutable) course versions. Ids of
 * modules, lessons and assessments are stable across versions: a lesson keeps its id from draft to
 * version 1, 2, ...; the version says which content and which assessments (with their keys frozen)
 * a cohort runs.
 */
export interface AssessmentOutline {
  assessmentId: string;
  kind: 'quiz' | 'flag' | 'sql' | 'config' | 'rubric';
  title: string;
  /** Required assessments must be passed for the module to be complete. */
  required: boolean;
  maxScore: number;
  passMark: number;
  /** Weight toward the course grade (weights of a course need not sum to 1; the grade normalises). */
  weight: number;
  /** Days after the module unlocks (or after the cohort start when the module has no unlock date). */
  dueOffsetDays: number | null;
  skillCodes: string[];
}

export interface LessonOutline {
  lessonId: string;
  title: string;
  kind: 'article' | 'video' | 'lab' | 'external';
  position: number;
}

export interface ModuleOutline {
  moduleId: string;
  title: string;
  position: number;
  prerequisiteModuleIds: string[];
  skillCodes: string[];
  lessons: LessonOutline[];
  assessments: AssessmentOutline[];
}

export interface CourseVersionOutline {
  versionId: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  trackCode: 'cybersecurity' | 'data-analysis' | 'ui-ux-design' | 'cloud-engineering';
  version: number;
  publishedAt: Date;
  modules: ModuleOutline[];
}

/** Implemented by the course module; injected by cohort, assessment, certification, reporting. */
export abstract class PublishedCourseVersions {
  abstract getOutline(versionId: string): Promise<CourseVersionOutline | null>;
  abstract getOutlines(versionIds: string[]): Promise<CourseVersionOutline[]>;
  /** Frozen assessment content (questions, keys, datasets...) as the assessment module contributed it at publish. */
  abstract getFrozenAssessment(versionId: string, assessmentId: string): Promise<unknown | null>;
}

/**
 * Lets the assessment module add its assessments (with keys) to the frozen snapshot at publish
 * time, without the course module knowing assessment tables. Registered at module init.
 */
export interface PublishContributor {
  /** Answers, per module id, the assessments to freeze: their outline and their full frozen content. */
  freezeModules(moduleIds: string[]): Promise<Map<string, Array<{ outline: AssessmentOutline; frozen: unknown }>>>;
}

/**
 * Lets the cohort module say whether a trainee may read lesson bodies of a course version (enrolled
 * in a cohort running it). Registered at module init; when absent, trainees see no bodies.
 */
export type EnrollmentCheck = (userId: string, versionId: string) => Promise<boolean>;
