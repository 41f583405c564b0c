import { useQuery } from '@tanstack/react-query';
import { useLingui } from '@lingui/react';
import { meQuery } from '../../shared/api/resources/me';
import { formatMoment, formatTimeRange } from './fair-times';

/** Times in the person's language and their profile's time zone (the device's until the profile has loaded). */
export function useCareersTime() {
  const { i18n } = useLingui();
  const timeZone = useQuery(meQuery).data?.timeZone;
  const locale = i18n.locale || 'en';
  return {
    range: (startsAt: string, endsAt: string) => formatTimeRange(startsAt, endsAt, locale, timeZone),
    moment: (iso: string) => formatMoment(iso, locale, timeZone),
  };
}
