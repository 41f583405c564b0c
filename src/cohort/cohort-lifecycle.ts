import type { CohortStatus } from './cohort.entity';

/** The only legal moves of a cohort's lifecycle. A planned cohort may start without applications (direct enrollment, CSV import). */
export const COHORT_TRANSITIONS: Record<CohortStatus, CohortStatus[]> = {
  planned: ['accepting_applications', 'running', 'archived'],
  accepting_applications: ['running', 'archived'],
  running: ['completed'],
  completed: ['archived'],
  archived: [],
};

export function canTransition(from: CohortStatus, to: CohortStatus): boolean {
  return COHORT_TRANSITIONS[from].includes(to);
}

/** Cohorts that still take enrollments (acceptance, waitlist promotion, admin enrollment, import). */
export const ENROLLING_STATUSES: CohortStatus[] = ['planned', 'accepting_applications', 'running'];
