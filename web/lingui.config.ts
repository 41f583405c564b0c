import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

/**
 * English is the source language; Spanish must be complete (src/shared/i18n/catalogues.test.ts).
 * LINGUI_CATALOGUE_ROOT lets that test extract into a scratch folder and compare with the committed catalogues.
 */
const root = process.env.LINGUI_CATALOGUE_ROOT ?? '<rootDir>/src/shared/i18n/locales';
export const STAFF_FEATURES = ['outcomes', 'admin-cohorts', 'admin-people', 'certificate-reviews', 'operations', 'teach', 'admissions', 'cohort-teaching', 'talent-employer', 'admin-talent'].map((feature) => `<rootDir>/src/features/${feature}`);
// The trainees' career screens (talent profile, interview requests, fairs): opened by some trainees
// some of the time, so their strings stay out of the trainees' first-screen catalogue too.
export const CAREERS_FEATURES = ['careers'].map((feature) => `<rootDir>/src/features/${feature}`);
// The trainees' screens after home: loaded with the first of them opened, so that sign-in and home
// (the first screens on a slow phone) do not carry their strings (web/e2e/weight-and-offline.e2e.ts).
export const TRAINEE_FEATURES = ['assessments', 'learning', 'certificates', 'notifications', 'cohorts'].map((feature) => `<rootDir>/src/features/${feature}`);
const OWN_CATALOGUE_FEATURES = [...STAFF_FEATURES, ...CAREERS_FEATURES, ...TRAINEE_FEATURES];

export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'es'],
  fallbackLocales: { default: 'en' },
  catalogs: [
    { path: `${root}/{locale}/messages`, include: ['<rootDir>/src'], exclude: ['**/*.test.*', '**/schema.gen.ts', ...OWN_CATALOGUE_FEATURES.map((path) => `${path.replace('<rootDir>/', '**/')}/**`)] },
    // The programme staff's and reviewers' screens: a catalogue of their own, loaded when one of them opens
    // (src/shared/i18n/staff-messages.ts), so their strings cost the trainees' first screens nothing.
    { path: `${root}/{locale}/staff`, include: STAFF_FEATURES, exclude: ['**/*.test.*'] },
    // The careers screens' catalogue (src/shared/i18n/careers-messages.ts), loaded by their route branch.
    { path: `${root}/{locale}/careers`, include: CAREERS_FEATURES, exclude: ['**/*.test.*'] },
    // The trainees' screens after home (src/shared/i18n/trainee-messages.ts), loaded by their routes.
    { path: `${root}/{locale}/trainee`, include: TRAINEE_FEATURES, exclude: ['**/*.test.*'] },
  ],
  // No file:line origins: they would change the catalogues on every unrelated edit.
  format: formatter({ origins: false }),
  orderBy: 'messageId',
});
