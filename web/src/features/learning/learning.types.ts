// Interim shapes of the course routes' answers, until they declare response schemas (then: aliases of schema.gen.ts).
export interface OutlineLesson {
  lessonId: string;
  title: string;
  kind: 'article' | 'video' | 'lab' | 'external';
  position: number;
}

export interface OutlineAssessment {
  assessmentId: string;
  kind: 'quiz' | 'flag' | 'sql' | 'config' | 'rubric';
  title: string;
  required: boolean;
  passMark: number;
  maxScore: number;
}

export interface OutlineModule {
  moduleId: string;
  title: string;
  summary?: string;
  position: number;
  prerequisiteModuleIds: string[];
  lessons: OutlineLesson[];
  assessments: OutlineAssessment[];
}

export interface CourseVersion {
  versionId: string;
  courseId: string;
  version: number;
  title: string;
  summary: string;
  outline: { modules: OutlineModule[] };
}

export interface Lesson {
  lessonId: string;
  moduleId: string;
  kind: OutlineLesson['kind'];
  title: string;
  bodyHtml: string;
  videoUrl: string | null;
  externalUrl: string | null;
  durationSeconds: number | null;
  environmentNotesHtml: string | null;
}
