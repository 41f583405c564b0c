import { lazyCatalogue } from './lazy-catalogue';

/** The trainees' career screens' messages (see lingui.config.ts). */
export const loadCareersMessages = lazyCatalogue({
  en: () => import('./locales/en/careers.po'),
  es: () => import('./locales/es/careers.po'),
});
