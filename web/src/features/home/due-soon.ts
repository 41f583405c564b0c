import type { Enrollment } from '../../shared/api/resources/enrollments';

export interface DueItem {
  assessmentId: string;
  title: string;
  courseTitle: string;
  dueAt: string;
  overdue: boolean;
}

const WINDOW_MS = 14 * 24 * 3600 * 1000;

/** Unpassed assessments of active enrollments due within two weeks (or overdue), soonest first. */
export function dueSoon(enrollments: Enrollment[], now = Date.now()): DueItem[] {
  return enrollments
    .filter((e) => e.status === 'active')
    .flatMap((e) =>
      e.modules.flatMap((m) =>
        m.assessments
          .filter((a) => a.dueAt && !a.passed && Date.parse(a.dueAt) - now < WINDOW_MS)
          .map((a) => ({ assessmentId: a.assessmentId, title: a.title, courseTitle: e.course.title, dueAt: a.dueAt!, overdue: Date.parse(a.dueAt!) < now })),
      ),
    )
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
