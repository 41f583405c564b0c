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
  /**
   * Courses (by id) a trainee must have completed before applying to or enrolling in a cohort of this
   * version, as frozen at publish. The course module always answers it; absent means none (outlines
   * made by hand, e.g. in tests and benchmarks).
   */
  prerequisiteCourseIds?: string[];
  modules: ModuleOutline[];
}

/** A course as other modules may name it (e.g. a prerequisite an applicant still lacks). */
export interface CourseRef {
  courseId: string;
  code: string;
  title: string;
}

/**
 * Implemented by the course module; injected by cohort, assessment, certification, reporting.
 * (Course, in turn, injects the cohort module's EnrollmentDirectory to decide who may read lesson
 * bodies: trainees with an active enrollment in a cohort running that version.)
 */
export abstract class PublishedCourseVersions {
  abstract getOutline(versionId: string): Promise<CourseVersionOutline | null>;
  abstract getOutlines(versionIds: string[]): Promise<CourseVersionOutline[]>;
  /** Frozen assessment content (questions, keys, datasets...) as the assessment module contributed it at publish. */
  abstract getFrozenAssessment(versionId: string, assessmentId: string): Promise<unknown | null>;
  /** Courses by id (any status: a prerequisite may since have been archived), in the order asked, leaving out ids that name none. */
  abstract getCourses(courseIds: string[]): Promise<CourseRef[]>;
}

/** A draft module as other modules may know it: to check who may attach assessments to it. */
export interface DraftModuleRef {
  moduleId: string;
  courseId: string;
  /** Owner and co-instructors of the course: they (and admins) may edit it. */
  editorIds: string[];
  courseStatus: 'draft' | 'published' | 'archived';
}

/** Implemented by the course module; injected by assessment (authoring attaches to draft modules). */
export abstract class DraftCourseModules {
  abstract getModule(moduleId: string): Promise<DraftModuleRef | null>;
}

/**
 * Lets the assessment module add its assessments (with keys) to the frozen snapshot at publish
 * time, without the course module knowing assessment tables.
 */
export interface PublishContributor {
  /** Answers, per module id, the assessments to freeze: their outline and their full frozen content. */
  freezeModules(moduleIds: string[]): Promise<Map<string, Array<{ outline: AssessmentOutline; frozen: unknown }>>>;
}

/**
 * The registry of publish contributors, provided (and exported) by the course module; the assessment
 * module registers itself in onModuleInit. Course publishing asks every contributor.
 */
export class PublishContributors {
  private readonly contributors: PublishContributor[] = [];

  register(contributor: PublishContributor): void {
    this.contributors.push(contributor);
  }

  all(): readonly PublishContributor[] {
    return this.contributors;
  }
}
