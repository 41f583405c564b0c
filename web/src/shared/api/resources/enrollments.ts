import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../unwrap';
import { queryKeys } from '../query-keys';

// Interim shapes: GET /api/v1/me/enrollments declares no response schema yet. When it does,
// these become aliases of the generated types (schema.gen.ts) and the compiler checks the screens.
export type ModuleStatus = 'locked' | 'open' | 'done';

export interface EnrollmentModule {
  moduleId: string;
  title: string;
  position: number;
  status: ModuleStatus;
  opensAt: string | null;
  lessonsDone: number;
  lessonsTotal: number;
  completedLessonIds: string[];
  assessments: { assessmentId: string; title: string; dueAt: string | null; passed: boolean }[];
}

export interface Enrollment {
  id: string;
  cohortId: string;
  status: 'active' | 'completed' | 'withdrawn';
  enrolledAt: string;
  completedAt: string | null;
  lastActivityAt: string | null;
  percentComplete: number;
  lessonsDone: number;
  modulesDone: number;
  cohort: { id: string; name: string; status: string; startsAt: string; endsAt: string };
  course: { versionId: string; courseId: string; title: string; code: string; version: number };
  modules: EnrollmentModule[];
  next: { moduleId: string; lessonId: string | null; assessmentId: string | null } | null;
}

/** The trainee's enrollments with progress per module and what is next: home and learning read it. */
export const enrollmentsQuery = queryOptions({
  queryKey: queryKeys.enrollments.all,
  queryFn: () => unwrap<Enrollment[]>(api.GET('/api/v1/me/enrollments')),
  // Changes behind the trainee's back (an admission, a grade): read again whenever a screen shows it.
  staleTime: 0,
});
