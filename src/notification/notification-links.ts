import type { NotificationData } from './notification-texts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id of the event's data, only when it is one (data comes from other modules and ends up in a URL). */
function id(data: NotificationData, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' && UUID.test(value) ? value : null;
}

/** The first screen whose id the data holds, else the inbox. */
function first(...screens: Array<[string, string | null]>): string {
  for (const [prefix, found] of screens) if (found) return `${prefix}/${found}`;
  return 'notifications';
}

/**
 * The screen of the web app (a path under `/app/`, as web/src/features/<feature>/routes.ts names it)
 * where a person acts on a notification: the application, the course, the assessment, the
 * certificate. Notices for staff whose screens the web app does not have yet open the inbox.
 */
export function notificationScreen(type: string, data: NotificationData): string {
  switch (type) {
    case 'application-received':
    case 'application-decided':
      return first(['applications', id(data, 'applicationId')], ['cohorts', id(data, 'cohortId')]);
    case 'enrolled':
    case 'promoted-from-waitlist':
    case 'module-unlocked':
    case 'cohort-starts-today':
    case 'course-version-changed':
      return first(['learning', id(data, 'enrollmentId')], ['cohorts', id(data, 'cohortId')]);
    case 'submission-graded':
    case 'deadline-approaching':
    case 'assessment-exception-granted':
      return first(['assessments', id(data, 'assessmentId')]);
    case 'announcement':
      return first(['cohorts', id(data, 'cohortId')]);
    case 'certificate-issued':
    case 'certificate-revoked':
      return first(['certificates', id(data, 'certificateId')]);
    default:
      return 'notifications';
  }
}

/** The absolute path of that screen (`/app/...`), as the inbox hands it to the web app. */
export const notificationPath = (type: string, data: NotificationData): string => `/app/${notificationScreen(type, data)}`;
