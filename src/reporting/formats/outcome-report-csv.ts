import type { CohortOutcomeReport } from '../cohort-outcome-report';
import type { CrossCohortReport } from '../cross-cohort-report';
import type { OutcomeFigures } from '../outcome-figures';
import { PIPELINE_STAGES, PipelineStage } from '../pipeline-figures';
import { DIMENSIONS, SuppressedTable } from '../disaggregation';
import { toCsv } from './csv-writer';

type Row = [string, string, string, string | number | null];
export const CSV_HEADER = ['section', 'group', 'metric', 'value'];
/** A withheld figure: distinct from an empty value (a rate over nobody). */
export const SUPPRESSED = 'suppressed';

const SCALARS = [
  'trainees', 'enrolled', 'active', 'withdrawn', 'completed', 'completionRate', 'certified', 'certificationRate', 'atRisk',
  'weeklyActiveTrainees', 'meanCourseScore', 'medianCourseScore', 'medianDaysToCompletion',
] as const;

/** The CSV carries exactly the JSON's figures: a null that the scope lists as withheld reads `suppressed`. */
export function figureRows(section: string, group: string, f: OutcomeFigures): Row[] {
  const withheld = (metric: string) => f.suppressed.some((s) => s.metric === metric || metric.startsWith(`${s.metric}.`));
  const shown = (metric: string, v: number | null): string | number | null => (v === null && withheld(metric) ? SUPPRESSED : v);
  const sub = (name: string) => `${group}${group ? ' / ' : ''}${name}`;
  const rows: Row[] = SCALARS.map((m) => [section, group, m, shown(m, f[m])]);
  for (const a of f.assessments) {
    const metric = `assessments.${a.assessmentId}`;
    for (const key of ['attempted', 'passed', 'passRate'] as const) rows.push([`${section}.assessment`, sub(a.title), key, shown(`${metric}.${key}`, a[key])]);
  }
  for (const s of f.skills) {
    const metric = `skills.${s.skillCode}`;
    for (const key of ['trainees', 'attained', 'attainmentRate'] as const) rows.push([`${section}.skill`, sub(s.skillCode), key, shown(`${metric}.${key}`, s[key])]);
  }
  const p = f.placements;
  rows.push([`${section}.placement`, group, 'placed', shown('placements.placed', p.placed)]);
  rows.push([`${section}.placement`, group, 'placementRate', shown('placements.placementRate', p.placementRate)]);
  for (const key of ['followUp3Months', 'followUp6Months'] as const) {
    rows.push([`${section}.placement`, group, `${key}.recorded`, shown(`placements.${key}.recorded`, p[key].recorded)]);
    rows.push([`${section}.placement`, group, `${key}.stillInRole`, shown(`placements.${key}.stillInRole`, p[key].stillInRole)]);
  }
  return rows;
}

export function tableRows(section: string, t: SuppressedTable): Row[] {
  const shown = (v: number | null) => (v === null ? SUPPRESSED : v);
  const rows: Row[] = [[section, '', 'notGiven', shown(t.notGiven)], [section, '', 'mergedIntoOther', t.mergedIntoOther]];
  if (t.withheld) rows.push([section, '', 'withheld', t.withheld.reason]);
  t.rows.forEach((category, i) => {
    t.columns.forEach((stage, j) => rows.push([section, category, stage, shown(t.cells[i][j])]));
    rows.push([section, category, 'total', t.rowTotals[i]]);
  });
  t.columns.forEach((stage, j) => rows.push([section, 'total', stage, shown(t.columnTotals[j])]));
  rows.push([section, 'total', 'total', t.grandTotal]);
  return rows;
}

function funnelRows(section: string, group: string, funnel: Record<string, number | null>): Row[] {
  return Object.entries(funnel).map(([m, v]) => [section, group, m, v === null ? SUPPRESSED : v] as Row);
}

/** The talent-pipeline stages; a withheld stage reads `suppressed`, like every withheld figure. */
function pipelineRows(section: string, group: string, pipeline: Record<PipelineStage, number | null> | undefined): Row[] {
  if (!pipeline) return [];
  return PIPELINE_STAGES.map((m) => [section, group, m, pipeline[m] === null ? SUPPRESSED : pipeline[m]] as Row);
}

export function cohortReportCsv(r: CohortOutcomeReport): string {
  const rows: Row[] = [
    ['report', r.cohort.name, 'asOf', r.asOf],
    ['report', r.cohort.name, 'minCellSize', r.minCellSize],
    ['cohort', '', 'applicants', r.applicants],
    ['cohort', '', 'accepted', r.accepted],
    ...funnelRows('funnel', '', r.funnel),
    ...figureRows('cohort', '', r.overall),
    ...r.courses.flatMap((c) =>
      c.figures ? figureRows('course', `${c.courseCode} (${c.trackCode})`, c.figures) : [['course', `${c.courseCode} (${c.trackCode})`, 'countedIn', 'other courses'] as Row],
    ),
    ...(r.otherCourses ? figureRows('course', 'other courses', r.otherCourses.figures) : []),
    ...r.tracks.flatMap((t) => (t.figures ? figureRows('track', t.trackCode, t.figures) : [['track', t.trackCode, 'countedIn', 'other tracks'] as Row])),
    ...(r.otherTracks ? figureRows('track', 'other tracks', r.otherTracks.figures) : []),
    ...r.weeklyActivity.map((w) => ['weeklyActivity', w.weekStarting, 'activeTrainees', w.activeTrainees ?? SUPPRESSED] as Row),
    ...DIMENSIONS.flatMap((d) => tableRows(`by.${d}`, r.disaggregation[d])),
    ...pipelineRows('pipeline', '', r.pipeline),
  ];
  return toCsv(CSV_HEADER, rows);
}

export function crossCohortCsv(r: CrossCohortReport): string {
  const rows: Row[] = [
    ['report', 'All cohorts', 'asOf', r.asOf],
    ['report', 'All cohorts', 'minCellSize', r.minCellSize],
    ...funnelRows('funnel', '', r.funnel),
    ...Object.entries(r.overall).map(([m, v]) => ['all', '', m, v === null && !m.endsWith('Rate') ? SUPPRESSED : v] as Row),
    ...pipelineRows('pipeline', '', r.pipeline),
    ...r.cohorts.flatMap((c) => [
      ...funnelRows('cohort.funnel', c.cohort.name, c.funnel),
      ...figureRows('cohort', c.cohort.name, c.overall),
      ...pipelineRows('cohort.pipeline', c.cohort.name, c.pipeline),
    ]),
  ];
  return toCsv(CSV_HEADER, rows);
}
