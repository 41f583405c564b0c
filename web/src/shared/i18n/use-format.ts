import { useLingui } from '@lingui/react';

/** Dates and numbers in the active language (Intl), so "5 Dec 2026" reads right in Spanish too. */
export function useFormat() {
  const { i18n } = useLingui();
  const locale = i18n.locale || 'en';
  return {
    date: (iso: string | null | undefined) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)) : ''),
    dateTime: (iso: string | null | undefined) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : ''),
    number: (value: number, maximumFractionDigits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value),
    percent: (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value) + '%',
  };
}
