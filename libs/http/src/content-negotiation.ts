/** The q-value a client's Accept header gives a media type (-1 when it does not name it). */
export function acceptQuality(accept: string | undefined, type: string): number {
  if (!accept) return -1;
  const entry = accept
    .split(',')
    .map((part) => part.trim().split(';'))
    .find(([media]) => media.trim().toLowerCase() === type);
  if (!entry) return -1;
  const q = entry.slice(1).map((p) => p.trim()).find((p) => p.startsWith('q='));
  const value = q ? Number(q.slice(2)) : 1;
  return Number.isFinite(value) ? value : -1;
}

/** HTML when the client ranks text/html above JSON (browsers); JSON otherwise (machines, curl). */
export function prefersHtml(accept: string | undefined): boolean {
  const html = acceptQuality(accept, 'text/html');
  return html > 0 && html > Math.max(acceptQuality(accept, 'application/json'), -1);
}
