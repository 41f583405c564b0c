/** The cohort lifecycle as the server allows it (src/cohort/cohort-lifecycle.ts), for offering only the legal next steps. */
export type CohortStatus = 'planned' | 'accepting_applications' | 'running' | 'completed' | 'archived';

export const NEXT_STATUSES: Record<CohortStatus, CohortStatus[]> = {
  planned: ['accepting_applications', 'running', 'archived'],
  accepting_applications: ['running', 'archived'],
  running: ['completed'],
  completed: ['archived'],
  archived: [],
};
