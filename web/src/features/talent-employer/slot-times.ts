/**
 * A datetime-local value ("2026-12-07T10:30", the person's own clock) as an instant with its
 * offset, as the API requires (a time without one would be read in the server's zone). Empty or
 * unreadable: sent as typed, so the API names the field.
 */
export function localInputToIso(value: string): string {
  if (!value) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** An instant as a datetime-local value on the person's clock (to prefill the form with the fair's start). */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
