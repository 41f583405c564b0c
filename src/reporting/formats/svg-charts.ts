import { esc, pct } from './html-escape';

const BAR = '#1d4ed8';

/** Horizontal bars, one per stage, labelled with the count. */
export function funnelChart(stages: Array<{ label: string; value: number }>): string {
  const max = Math.max(1, ...stages.map((s) => s.value));
  const rowH = 30;
  const bars = stages
    .map((s, i) => {
      const w = Math.round((s.value / max) * 380);
      const y = i * rowH + 5;
      return `<text x="0" y="${y + 17}" font-size="13">${esc(s.label)}</text><rect x="110" y="${y}" width="${w}" height="22" fill="${BAR}"/><text x="${115 + w}" y="${y + 17}" font-size="13">${s.value}</text>`;
    })
    .join('');
  return svg('Application to certificate funnel', 560, stages.length * rowH + 10, bars);
}

/** Completion rate per track, as bars on a 0–100% scale. */
export function completionChart(tracks: Array<{ label: string; rate: number | null }>): string {
  const rowH = 30;
  const bars = tracks
    .map((t, i) => {
      const w = Math.round((t.rate ?? 0) * 380);
      const y = i * rowH + 5;
      return `<text x="0" y="${y + 17}" font-size="13">${esc(t.label)}</text><rect x="110" y="${y}" width="380" height="22" fill="#e5e7eb"/><rect x="110" y="${y}" width="${w}" height="22" fill="#15803d"/><text x="${500}" y="${y + 17}" font-size="13">${pct(t.rate)}</text>`;
    })
    .join('');
  return svg('Completion rate by track', 580, Math.max(1, tracks.length) * rowH + 10, bars);
}

/** Rows (tracks) × columns (skills); darker is a larger share of trainees attaining the skill. */
export function heatMap(rows: string[], columns: string[], rate: (row: string, col: string) => number | null): string {
  const cw = 90;
  const rh = 28;
  const left = 110;
  const head = columns.map((c, j) => `<text x="${left + j * cw + 4}" y="14" font-size="11">${esc(c)}</text>`).join('');
  const cells = rows
    .map((r, i) => {
      const y = 22 + i * rh;
      const label = `<text x="0" y="${y + 18}" font-size="13">${esc(r)}</text>`;
      return label + columns.map((c, j) => cell(left + j * cw, y, cw - 4, rh - 4, rate(r, c))).join('');
    })
    .join('');
  return svg('Skills heat map', left + Math.max(1, columns.length) * cw, 26 + rows.length * rh, head + cells);
}

function cell(x: number, y: number, w: number, h: number, rate: number | null): string {
  const fill = rate === null ? '#f3f4f6' : `rgba(29,78,216,${(0.1 + 0.9 * rate).toFixed(2)})`;
  const ink = rate !== null && rate > 0.55 ? '#fff' : '#111';
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"/><text x="${x + 6}" y="${y + 17}" font-size="12" fill="${ink}">${rate === null ? 'n/a' : pct(rate)}</text>`;
}

/** Distinct active trainees per week, as columns. */
export function activityChart(weeks: Array<{ label: string; value: number }>): string {
  const max = Math.max(1, ...weeks.map((w) => w.value));
  const cw = 64;
  const cols = weeks
    .map((w, i) => {
      const h = Math.round((w.value / max) * 120);
      const x = i * cw + 4;
      return `<rect x="${x}" y="${140 - h}" width="${cw - 12}" height="${h}" fill="${BAR}"/><text x="${x}" y="${135 - h}" font-size="12">${w.value}</text><text x="${x}" y="158" font-size="10">${esc(w.label.slice(5))}</text>`;
    })
    .join('');
  return svg('Weekly active trainees', weeks.length * cw + 8, 165, cols);
}

function svg(title: string, width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${esc(title)}</title>${body}</svg>`;
}
