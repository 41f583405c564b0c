import { escapeHtml } from '@gds/http';

/** Every text that reaches the page goes through here (names of cohorts, courses, employers...). */
export function esc(value: unknown): string {
  return escapeHtml(String(value ?? ''));
}

export function pct(rate: number | null): string {
  return rate === null ? '–' : `${(rate * 100).toFixed(1)}%`;
}
