import { useLingui } from '@lingui/react/macro';
import type { components } from '../../shared/api/schema.gen';

export type NotificationType = components['schemas']['TypePreferencesView']['type'];

/** The notification types a trainee receives, in the order the preferences list them. */
export const TRAINEE_TYPES: NotificationType[] = [
  'application-decided',
  'application-received',
  'promoted-from-waitlist',
  'enrolled',
  'cohort-starts-today',
  'module-unlocked',
  'announcement',
  'deadline-approaching',
  'submission-graded',
  'at-risk',
  'certificate-issued',
  'certificate-revoked',
];

/** Each type's name in the person's language (the server's title and text stay as sent). */
export function useTypeLabels(): (type: string) => string {
  const { t } = useLingui();
  const labels: Partial<Record<string, string>> = {
    'application-received': t`Receipts for your applications`,
    'application-decided': t`Decisions on your applications`,
    'promoted-from-waitlist': t`A seat for you from the waiting list`,
    enrolled: t`You are enrolled`,
    'cohort-starts-today': t`Your course starts today`,
    'module-unlocked': t`New modules open`,
    announcement: t`Announcements from your instructors`,
    'deadline-approaching': t`Deadlines coming up`,
    'submission-graded': t`Your work graded`,
    'at-risk': t`Reminders when you have been away`,
    'certificate-issued': t`Certificates issued`,
    'certificate-revoked': t`Certificates revoked`,
  };
  return (type) => labels[type] ?? type;
}
