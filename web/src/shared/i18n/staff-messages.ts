import { lazyCatalogue } from './lazy-catalogue';
import { loadTraineeMessages } from './trainee-messages';

const loadStaffCatalogue = lazyCatalogue({
  en: () => import('./locales/en/staff.po'),
  es: () => import('./locales/es/staff.po'),
});

/**
 * The staff and reviewer screens' messages (see lingui.config.ts), with the trainee screens' ones:
 * the instructor's screens show the trainee's assessment components (trial runs, previews).
 */
export async function loadStaffMessages(): Promise<void> {
  await Promise.all([loadStaffCatalogue(), loadTraineeMessages()]);
}
