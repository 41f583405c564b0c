import type { CohortOutcomeReport } from '../cohort-outcome-report';
import type { CrossCohortReport } from '../cross-cohort-report';
import type { OutcomeFigures } from '../outcome-figures';
import type { SuppressedTable } from '../small-cell-suppression';
import { DIMENSIONS } from '../disaggregation';
import { toCsv } from './csv-writer';

type Row = [string, string, string, string | number | null];
export const CSV_HEADER = ['section', 'group', 'metric', 'value'];
/** A suppressed cell: distinct from an empty value (a rate over nobody). */
export const SUPPRESSED = 'suppressed';

const SCALARS = [
  'trainees', 'enrolled', 'active', 'withdrawn', 'completed', 'completionRate', 'certified', 'certificationRate', 'atRisk',
  'weeklyActiveTrainees', 'meanCourseScore', 'medianCourseScore', 'medianDaysToCompletion',
] as const;

export function figureRows(section: string, group: string, f: OutcomeFigures): Row[] {
  const rows: Row[] = SCALARS.map((m) => [section, group, m, f[m]]);
  for (const a of f.assessments) {
    rows.push([`${section}.assessment`, `${group}${group ? ' / ' : ''}${a.title}`, 'attempted', a.attempted]);
    rows.push([`${section}.assessment`, `${group}${group ? ' / ' : ''}${a.title}`, 'passed', a.passed]);
    rows.push([`${section}.assessment`, `${group}${group ? ' / ' : ''}${a.title}`, 'passRate', a.passRate]);
  }
  for (const s of f.skills) {
    rows.push([`${section}.skill`, `${group}${group ? ' / ' : ''}${s.skillCode}`, 'trainees', s.trainees]);
    rows.push([`${section}.skill`, `${group}${group ? ' / ' : ''}${s.skillCode}`, 'attained', s.attained]);
    rows.push([`${section}.skill`, `${group}${group ? ' / ' : ''}${s.skillCode}`, 'attainmentRate', s.attainmentRate]);
  }
  const p = f.placements;
  rows.push([`${section}.placement`, group, 'placed', p.placed], [`${section}.placement`, group, 'placementRate', p.placementRate]);
  rows.push([`${section}.placement`, group, 'followUp3Months.recorded', p.followUp3Months.recorded]);
  rows.push([`${section}.placement`, group, 'followUp3Months.stillInRole', p.followUp3Months.stillInRole]);
  rows.push([`${section}.placement`, group, 'followUp6Months.recorded', p.followUp6Months.recorded]);
  rows.push([`${section}.placement`, group, 'followUp6Months.stillInRole', p.followUp6Months.stillInRole]);
  return rows;
}

export function tableRows(section: string, t: SuppressedTable): Row[] {
  const shown = (v: number | null) => (v === null ? SUPPRESSED : v);
  const rows: Row[] = [];
  t.rows.forEach((category, i) => {
    t.columns.forEach((stage, j) => rows.push([section, category, stage, shown(t.cells[i][j])]));
    rows.push([section, category, 'total', shown(t.rowTotals[i])]);
  });
  t.columns.forEach((stage, j) => rows.push([section, 'total', stage, shown(t.columnTotals[j])]));
  rows.push([section, 'total', 'total', shown(t.grandTotal)]);
  return rows;
}

function funnelRows(section: string, group: string, funnel: CohortOutcomeReport['funnel']): Row[] {
  return Object.entries(funnel).map(([m, v]) => [section, group, m, v] as Row);
}

export function cohortReportCsv(r: CohortOutcomeReport): string {
  const rows: Row[] = [
    ['report', r.cohort.name, 'asOf', r.asOf],
    ['report', r.cohort.name, 'minCellSize', r.minCellSize],
    ['cohort', '', 'applicants', r.applicants],
    ['cohort', '', 'accepted', r.accepted],
    ...funnelRows('funnel', '', r.funnel),
    ...figureRows('cohort', '', r.overall),
    ...r.courses.flatMap((c) => figureRows('course', `${c.courseCode} (${c.trackCode})`, c.figures)),
    ...r.tracks.flatMap((t) => figureRows('track', t.trackCode, t.figures)),
    ...r.weeklyActivity.map((w) => ['weeklyActivity', w.weekStarting, 'activeTrainees', w.activeTrainees] as Row),
    ...DIMENSIONS.flatMap((d) => tableRows(`by.${d}`, r.disaggregation[d])),
  ];
  return toCsv(CSV_HEADER, rows);
}

export function crossCohortCsv(r: CrossCohortReport): string {
  const rows: Row[] = [
    ['report', 'All cohorts', 'asOf', r.asOf],
    ['report', 'All cohorts', 'minCellSize', r.minCellSize],
    ...funnelRows('funnel', '', r.funnel),
    ...figureRows('all', '', r.overall),
    ...r.tracks.flatMap((t) => figureRows('track', t.trackCode, t.figures)),
    ...r.cohorts.flatMap((c) => [...funnelRows('cohort.funnel', c.cohort.name, c.funnel), ...figureRows('cohort', c.cohort.name, c.overall)]),
    ...DIMENSIONS.flatMap((d) => tableRows(`by.${d}`, r.disaggregation[d])),
  ];
  return toCsv(CSV_HEADER, rows);
}
