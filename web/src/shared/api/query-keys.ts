/**
 * TanStack Query keys, one branch per API resource, so that a mutation invalidates exactly what it
 * changed (e.g. completing a lesson: `queryKeys.enrollments.all` and the outline it belongs to).
 * Every key of personal data starts with 'me' or a resource id; all are dropped at sign-out.
 */
export const queryKeys = {
  me: ['me'] as const,
  demographicConsent: ['me', 'demographic-consent'] as const,
  profileOptions: ['me', 'profile-options'] as const,
  enrollments: {
    all: ['me', 'enrollments'] as const,
  },
  applications: {
    mine: ['me', 'applications'] as const,
    detail: (id: string) => ['applications', id] as const,
  },
  cohorts: {
    all: ['cohorts'] as const,
    list: () => ['cohorts', 'list'] as const,
    detail: (id: string) => ['cohorts', id] as const,
  },
  courses: {
    detail: (courseId: string) => ['courses', courseId] as const,
    version: (courseId: string, version: number) => ['courses', courseId, 'versions', version] as const,
    lesson: (courseId: string, version: number, lessonId: string) => ['courses', courseId, 'versions', version, 'lessons', lessonId] as const,
  },
  assessments: {
    detail: (id: string) => ['assessments', id] as const,
  },
  submissions: {
    detail: (id: string) => ['submissions', id] as const,
  },
  certificates: {
    mine: ['me', 'certificates'] as const,
    detail: (id: string) => ['certificates', id] as const,
  },
  notifications: {
    all: ['me', 'notifications'] as const,
    list: () => ['me', 'notifications', 'list'] as const,
    unreadCount: ['me', 'notifications', 'unread-count'] as const,
    preferences: ['me', 'notification-preferences'] as const,
  },
  outcomes: {
    all: ['outcomes'] as const,
    cohort: (cohortId: string) => ['outcomes', 'cohorts', cohortId] as const,
  },
  placements: {
    mine: ['me', 'placements'] as const,
  },
};
