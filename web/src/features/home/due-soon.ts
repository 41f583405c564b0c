import type { Enrollment } from '../../shared/api/resources/enrollments';

export interface DueItem {
  assessmentId: string;
  title: string;
  courseTitle: string;
  dueAt: string;
  overdue: boolean;
  /** Not overdue yet, but due within the next 48 hours: marked on home. */
  within48Hours: boolean;
}

const HOUR_MS = 3600 * 1000;
const WINDOW_MS = 14 * 24 * HOUR_MS;
const URGENT_MS = 48 * HOUR_MS;

/** Unpassed assessments of active enrollments due within two weeks (or overdue), soonest first; those due in the next 48 hours flagged. */
export function dueSoon(enrollments: Enrollment[], now = Date.now()): DueItem[] {
  return enrollments
    .filter((e) => e.status === 'active')
    .flatMap((e) =>
      e.modules.flatMap((m) =>
        m.assessments
          .filter((a) => a.dueAt && !a.passed && Date.parse(a.dueAt) - now < WINDOW_MS)
          .map((a) => {
            const left = Date.parse(a.dueAt!) - now;
            return { assessmentId: a.assessmentId, title: a.title, courseTitle: e.course.title, dueAt: a.dueAt!, overdue: left < 0, within48Hours: left >= 0 && left <= URGENT_MS };
          }),
      ),
    )
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
