import type { CohortOutcomeReport } from '../cohort-outcome-report';
import type { OutcomeFigures } from '../outcome-figures';
import { DIMENSIONS, SuppressedTable } from '../disaggregation';
import { esc, pct } from './html-escape';
import { activityChart, completionChart, funnelChart, heatMap } from './svg-charts';

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;color:#111;max-width:70rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #d1d5db;padding:.25rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}.s{color:#6b7280}
section{margin-bottom:2rem}`;

/** The cohort dashboard: figures as tables (each cell tagged with data-metric) and charts as inline SVG. No script. */
export function dashboardPage(r: CohortOutcomeReport): string {
  const f = r.funnel;
  const tracks = r.tracks.filter((t) => t.figures !== null).map((t) => ({ trackCode: t.trackCode, figures: t.figures! }));
  if (r.otherTracks) tracks.push({ trackCode: 'other tracks', figures: r.otherTracks.figures });
  const skillCodes = [...new Set(tracks.flatMap((t) => t.figures.skills.map((s) => s.skillCode)))].sort();
  const skillRate = (track: string, code: string) =>
    tracks.find((t) => t.trackCode === track)?.figures.skills.find((s) => s.skillCode === code)?.attainmentRate ?? null;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(r.cohort.name)} · outcomes</title><style>${STYLE}</style></head><body>
<h1>${esc(r.cohort.name)}: outcomes</h1>
<p>As of <time datetime="${esc(r.asOf)}">${esc(r.asOf)}</time>. Groups smaller than <span data-metric="minCellSize">${r.minCellSize}</span> trainees are merged into "other"; counts that could single a trainee out, and enough others that none can be worked out, read "suppressed".</p>
<section><h2>From application to certificate</h2>
${funnelChart([{ label: 'Applied', value: f.applied }, { label: 'Accepted', value: f.accepted }, { label: 'Enrolled', value: f.enrolled }, { label: 'Completed', value: f.completed ?? 0 }, { label: 'Certified', value: f.certified ?? 0 }])}
${metricTable('Cohort', 'overall', r.overall, r)}</section>
<section><h2>By track</h2>
${completionChart(tracks.map((t) => ({ label: t.trackCode, rate: t.figures.completionRate })))}
<table><thead><tr><th>Track</th><th>Enrolled</th><th>Completed</th><th>Completion</th><th>Certified</th><th>Placed</th><th>Placement rate</th></tr></thead><tbody>
${tracks.map((t) => trackRow(t.trackCode, t.figures)).join('\n')}</tbody></table></section>
<section><h2>Skills</h2>${heatMap(tracks.map((t) => t.trackCode), skillCodes, skillRate)}
<table><thead><tr><th>Skill</th><th>Trainees</th><th>Attained</th><th>Share</th></tr></thead><tbody>
${r.overall.skills.map((s) => `<tr><td>${esc(s.skillCode)}</td><td data-metric="skill.${esc(s.skillCode)}.trainees">${num(s.trainees)}</td><td data-metric="skill.${esc(s.skillCode)}.attained">${num(s.attained)}</td><td>${pct(s.attainmentRate)}</td></tr>`).join('\n')}</tbody></table></section>
<section><h2>Assessments</h2><table><thead><tr><th>Assessment</th><th>Attempted</th><th>Passed</th><th>Pass rate</th></tr></thead><tbody>
${r.overall.assessments.map((a) => `<tr><td>${esc(a.title)}</td><td data-metric="assessment.${esc(a.assessmentId)}.attempted">${num(a.attempted)}</td><td data-metric="assessment.${esc(a.assessmentId)}.passed">${num(a.passed)}</td><td>${pct(a.passRate)}</td></tr>`).join('\n')}</tbody></table></section>
<section><h2>Weekly activity</h2>${activityChart(r.weeklyActivity.map((w) => ({ label: w.weekStarting, value: w.activeTrainees ?? 0 })))}
<p>Weeks with 1 to ${r.minCellSize - 1} active trainees are drawn as 0 and read "suppressed" here: ${r.weeklyActivity.map((w) => `<span data-metric="week.${esc(w.weekStarting)}">${num(w.activeTrainees)}</span>`).join(', ')}.</p></section>
<section><h2>Breakdowns</h2>${DIMENSIONS.map((d) => breakdown(d, r.disaggregation[d])).join('\n')}</section>
</body></html>`;
}

function metricTable(title: string, key: string, f: OutcomeFigures, r: CohortOutcomeReport): string {
  const rows: Array<[string, string, string]> = [
    ['Applicants', 'applicants', String(r.applicants)],
    ['Accepted', 'accepted', String(r.accepted)],
    ['Enrolled (enrollments)', `${key}.enrolled`, num(f.enrolled)],
    ['Active', `${key}.active`, num(f.active)],
    ['Withdrawn', `${key}.withdrawn`, num(f.withdrawn)],
    ['Completed', `${key}.completed`, num(f.completed)],
    ['Completion rate', `${key}.completionRate`, pct(f.completionRate)],
    ['Certified', `${key}.certified`, num(f.certified)],
    ['At risk', `${key}.atRisk`, num(f.atRisk)],
    ['Active this week', `${key}.weeklyActiveTrainees`, num(f.weeklyActiveTrainees)],
    ['Mean course score', `${key}.meanCourseScore`, f.meanCourseScore === null ? '–' : String(f.meanCourseScore)],
    ['Median course score', `${key}.medianCourseScore`, f.medianCourseScore === null ? '–' : String(f.medianCourseScore)],
    ['Median days to completion', `${key}.medianDaysToCompletion`, f.medianDaysToCompletion === null ? '–' : String(f.medianDaysToCompletion)],
    ['Placed', `${key}.placed`, num(f.placements.placed)],
    ['Placement rate', `${key}.placementRate`, pct(f.placements.placementRate)],
  ];
  return `<table><caption>${esc(title)}</caption><tbody>${rows.map(([label, metric, value]) => `<tr><th>${esc(label)}</th><td data-metric="${esc(metric)}">${esc(value)}</td></tr>`).join('')}</tbody></table>`;
}

function trackRow(track: string, f: OutcomeFigures): string {
  const m = (name: string, value: number | null) => `<td data-metric="track.${esc(track)}.${name}">${num(value)}</td>`;
  return `<tr><td>${esc(track)}</td>${m('enrolled', f.enrolled)}${m('completed', f.completed)}<td>${pct(f.completionRate)}</td>${m('certified', f.certified)}${m('placed', f.placements.placed)}<td>${pct(f.placements.placementRate)}</td></tr>`;
}

/** A count as shown: a withheld one reads "suppressed", like the CSV. */
function num(value: number | null): string {
  return value === null ? 'suppressed' : String(value);
}

function breakdown(dimension: string, t: SuppressedTable): string {
  if (t.withheld) return `<p data-metric="by.${esc(dimension)}.withheld">By ${esc(dimension)}: not broken down (${esc(t.withheld.reason)}).</p>`;
  const shown = (v: number | null, metric: string) => `<td data-metric="${esc(metric)}"${v === null ? ' class="s" title="suppressed"' : ''}>${v === null ? 'suppressed' : v}</td>`;
  const head = `<tr><th>${esc(dimension)}</th>${t.columns.map((c) => `<th>${esc(c)}</th>`).join('')}<th>total</th></tr>`;
  const body = t.rows
    .map((row, i) => `<tr><td>${esc(row)}</td>${t.columns.map((c, j) => shown(t.cells[i][j], `by.${dimension}.${i}.${j}`)).join('')}${shown(t.rowTotals[i], `by.${dimension}.${i}.total`)}</tr>`)
    .join('');
  const total = `<tr><th>total</th>${t.columns.map((c, j) => shown(t.columnTotals[j], `by.${dimension}.total.${j}`)).join('')}${shown(t.grandTotal, `by.${dimension}.total.total`)}</tr>`;
  return `<table><caption>By ${esc(dimension)}</caption><thead>${head}</thead><tbody>${body}${total}</tbody></table>`;
}
