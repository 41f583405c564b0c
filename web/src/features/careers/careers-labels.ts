import { t } from '@lingui/core/macro';
import type { Availability, InterviewRequest } from './careers.types';

/** The availability choices, in the order the form lists them (functions: `t` reads the active language). */
export const availabilityLabels = (): Record<Availability, string> => ({
  immediately: t`I can start now`,
  within_1_month: t`Within a month`,
  within_3_months: t`Within three months`,
  open_to_offers: t`Open to offers`,
});

export const stageLabels = (): Record<NonNullable<InterviewRequest['stage']>, string> => ({
  interviewed: t`Interviewed`,
  offered: t`Offered a job`,
  hired: t`Hired`,
  declined: t`Not taken further`,
});
