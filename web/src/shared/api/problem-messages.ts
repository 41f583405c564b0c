import { i18n } from '@lingui/core';
import { plural, t } from '@lingui/core/macro';
import type { ProblemError } from './problem';

/**
 * The API writes a problem's `detail` in English; a person reads the screens in their language.
 * The problems a trainee or applicant can meet are known by their stable `type` (its last segment,
 * `slug`): each has its message here, in the catalogue. Any other problem shows the server's own
 * detail, so a new rule on the server is still explained (in English) until it is added here.
 * Functions, not constants: `t` reads the active language when called.
 */
const PROBLEM_TEXTS: Record<string, (problem: ProblemError['problem'] & Record<string, unknown>) => string> = {
  // Signing in and accounts
  'invalid-credentials': () => t`The email or password is not correct.`,
  'rate-limited': () => t`Too many attempts. Wait a few minutes, then try again.`,
  'email-taken': () => t`An account with this email already exists. Sign in, or reset your password if you have forgotten it.`,
  'invalid-reset-token': () => t`This password reset link no longer works: it was used, has expired or was replaced by a newer one. Ask for a new one.`,
  'wrong-current-password': () => t`Your current password is not correct, so your password was not changed.`,
  'invalid-invitation': () => t`This invitation is not valid or has expired. Ask the person who invited you for a new one.`,
  unauthorized: () => t`Your session has ended. Sign in again.`,
  validation: () => t`Some answers need your attention; see the messages by the fields.`,
  'consent-required': () => t`To give these details, first agree to how they are used.`,
  'category-not-listed': () => t`Choose one of the listed options.`,
  // Assessments
  'attempts-exhausted': (problem) => {
    const allowed = typeof problem.attemptsAllowed === 'number' ? problem.attemptsAllowed : 1;
    return plural(allowed, { one: 'You have used the one attempt this assessment allows.', other: 'You have used all # attempts this assessment allows.' });
  },
  'attempt-expired': () => t`The time for this attempt has run out.`,
  'attempt-not-started': () => t`This assessment is timed: start an attempt first.`,
  'attempt-conflict': () => t`Another attempt was started at the same moment. Try again.`,
  'already-submitted': () => t`This attempt was submitted already.`,
  'past-due': () => t`This assessment is past its due date and does not accept late work.`,
  'lesson-locked': (problem) => {
    const opensAt = typeof problem.opensAt === 'string' ? new Date(problem.opensAt) : undefined;
    if (!opensAt || Number.isNaN(opensAt.getTime())) return t`This module is not open to you yet.`;
    const date = new Intl.DateTimeFormat(i18n.locale || 'en', { dateStyle: 'medium' }).format(opensAt);
    return t`This module is not open to you yet. It opens on ${date}.`;
  },
  'enrollment-not-active': () => t`Your enrollment in this course has ended: you can read your work, but not change it.`,
  'cohort-not-running': () => t`Lessons can be marked done only while the cohort is running.`,
  'invalid-answer': () => t`This answer could not be read. Check it and try again.`,
  'exercise-unavailable': () => t`This exercise cannot check answers right now. Its instructors need to fix it.`,
  'sandbox-unavailable': () => t`The practice database cannot be reached right now. Try again shortly.`,
  // Cohorts and applications
  'applications-closed': () => t`This cohort is not taking applications now.`,
  'cohort-not-enrolling': () => t`This cohort is closed to new enrollments.`,
  'cohort-full': () => t`Every seat in this cohort is taken.`,
  'already-applied': () => t`You have already applied to this cohort.`,
  'already-enrolled': () => t`You are already enrolled in this cohort.`,
  'missing-answers': () => t`Answer every required question.`,
  'not-withdrawable': () => t`This application can no longer be withdrawn.`,
  // Met by an applicant (apply) and by staff (accept, enrol): the words fit both.
  'prerequisites-not-met': (problem) => {
    const titles = Array.isArray(problem.missingCourses)
      ? problem.missingCourses.map((course: unknown) => (course && typeof course === 'object' && typeof (course as { title?: unknown }).title === 'string' ? (course as { title: string }).title : '')).filter(Boolean)
      : [];
    if (titles.length === 0) return t`Every prerequisite course must be completed first.`;
    const courses = new Intl.ListFormat(i18n.locale || 'en', { type: 'conjunction' }).format(titles);
    return plural(titles.length, { one: `This prerequisite course must be completed first: ${courses}.`, other: `These prerequisite courses must be completed first: ${courses}.` });
  },
  // Profile
  'placement-exists': () => t`You have already told us about this job (same role, employer and start date).`,
  // Any screen
  'not-found': () => t`Check the link, or go back to your home screen.`,
  forbidden: () => t`If you think you should have access, ask your instructor or an administrator.`,
  conflict: () => t`This clashes with something already saved. Reload and try again.`,
  unavailable: () => t`A service GDS Academy needs is unavailable. Try again shortly.`,
};

/** The problem in the user's language when it is a known one; else the server's detail (or title). */
export function problemText(error: ProblemError): string {
  const known = PROBLEM_TEXTS[error.slug];
  if (known) return known(error.problem as ProblemError['problem'] & Record<string, unknown>);
  return error.problem.detail ?? error.problem.title;
}

/**
 * A field error's message (class-validator's English, e.g. "email must be an email") in the user's
 * language for the common rules; any other keeps the server's words.
 */
export function fieldErrorText(message: string): string {
  let match: RegExpMatchArray | null;
  if (/must be an email$/.test(message)) return t`Enter an email address, like name@example.com.`;
  if (/(should not be empty|must not be blank)$/.test(message)) return t`Fill this in.`;
  if ((match = /must be longer than or equal to (\d+) characters$/.exec(message))) {
    const count = Number(match[1]);
    return plural(count, { one: 'Use at least # character.', other: 'Use at least # characters.' });
  }
  if ((match = /must be shorter than or equal to (\d+) characters$/.exec(message))) {
    const count = Number(match[1]);
    return plural(count, { one: 'Use at most # character.', other: 'Use at most # characters.' });
  }
  if (/must be one of/.test(message)) return t`Choose one of the listed options.`;
  return message;
}
