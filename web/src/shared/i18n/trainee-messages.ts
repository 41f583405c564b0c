import { lazyCatalogue } from './lazy-catalogue';

/**
 * The trainees' screens after home (learning, assessments, certificates, inbox, cohorts): their
 * messages (see lingui.config.ts) come with the first of them a person opens, not with sign-in.
 */
export const loadTraineeMessages = lazyCatalogue({
  en: () => import('./locales/en/trainee.po'),
  es: () => import('./locales/es/trainee.po'),
});
