import { INestApplicationContext } from '@nestjs/common';
import type { Role } from '@gds/http';
import { AppConfig } from '../../config/app-config';
import type { AssessmentOutline, CourseVersionOutline } from '../../course/published-course-versions.contract';

export interface DemoLogin {
  email: string;
  password: string;
  roles: Role[];
  displayName: string;
}

export interface DemoCourse {
  courseId: string;
  versionId: string;
  outline: CourseVersionOutline;
  /** Draft assessment ids by kind (the frozen copies keep the same ids). */
  assessments: Partial<Record<AssessmentOutline['kind'], string>>;
}

/** What the steps share: the application context, what earlier steps made, and the printer. */
export interface DemoContext {
  app: INestApplicationContext;
  config: AppConfig;
  /** People by key (e.g. 'admin', 'instructor-1', 'trainee-3'), with their ids: later steps use them. */
  people: Map<string, DemoLogin & { id: string }>;
  /** Demo courses by code, with their published version (and its outline), set by the courses step. */
  courses: Map<string, DemoCourse>;
  /** The pilot cohort and the trainees' enrollments, set by the cohort step. */
  cohort?: { id: string; name: string; enrollments: Map<string, { enrollmentId: string; courseCode: string; status: string }> };
  /** Submissions the seed made (or found), which the worker grades; the drain step waits for them. */
  submissionIds: string[];
  /** Set when this process runs the workers: the drain step waits up to timeoutMs for grading and certification. */
  drain?: { timeoutMs: number };
  /** Logins to print at the end. */
  logins: DemoLogin[];
  log(line: string): void;
}

/**
 * One step of the demo seed. Steps run in order inside a CLS context (so @Transactional services
 * work) and MUST be idempotent: a second `npm run seed:demo` changes nothing and fails nothing.
 */
export interface DemoStep {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}

/** A fresh context: the people step fills `people`, later steps the rest. */
export function demoContext(app: INestApplicationContext, config: AppConfig, log: (line: string) => void, drain?: { timeoutMs: number }): DemoContext {
  return { app, config, people: new Map(), courses: new Map(), submissionIds: [], logins: [], log, drain };
}
