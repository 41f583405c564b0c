/**
 * Fair and meeting times in the person's own time zone (their profile's, else the device's) and
 * language, with the zone named: a fair abroad or online is easy to misread by an hour.
 */
export function formatTimeRange(startsAt: string, endsAt: string, locale: string, timeZone: string | undefined): string {
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: validTimeZone(timeZone),
  });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** One moment (e.g. when an employer viewed the profile), in the same zone and language, the zone named. */
export function formatMoment(iso: string, locale: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: validTimeZone(timeZone),
  }).format(new Date(iso));
}

/** The zone if this browser knows it; otherwise the device's (undefined), rather than an error on screen. */
function validTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}
