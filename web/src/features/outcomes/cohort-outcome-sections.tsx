import { Trans, useLingui } from '@lingui/react/macro';
import { useFormat } from '../../shared/i18n/use-format';
import { BarChart, type Bar } from './bar-chart';
import { FigureCell } from './figure-cell';
import { figureState, percentOf, type FigureState } from './figures';
import { useOutcomeLabels } from './outcome-labels';
import { scopeCells } from './scope-cells';
import type { CohortReport, OutcomeFigures } from './outcome.types';

/** A figure as the chart's label writes it (the table beside it writes it the same way). */
function useBarText() {
  const { t } = useLingui();
  const format = useFormat();
  return (state: FigureState, kind: 'count' | 'rate'): string => {
    if (state.kind === 'suppressed') return t`Suppressed`;
    if (state.kind === 'none') return '–';
    return kind === 'rate' ? format.percent(percentOf(state.value)) : format.number(state.value);
  };
}

function useBar() {
  const text = useBarText();
  return (label: string, state: FigureState, kind: 'count' | 'rate'): Bar => ({ label, value: state.kind === 'value' ? state.value : null, text: text(state, kind) });
}

export function FunnelSection({ report }: { report: CohortReport }) {
  const { t } = useLingui();
  const labels = useOutcomeLabels();
  const bar = useBar();
  const stages = ['applied', 'accepted', 'enrolled', 'completed', 'certified'] as const;
  return (
    <section className="section" aria-labelledby="funnel">
      <h2 id="funnel">
        <Trans>From application to certificate</Trans>
      </h2>
      <BarChart title={t`Trainees at each stage`} bars={stages.map((s) => bar(labels.stage(s), figureState(report.funnel[s], null, null), 'count'))} />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Trainees at each stage`}>
        <table className="figure-table">
          <caption>{t`Trainees at each stage`}</caption>
          <tbody>
            {stages.map((s) => (
              <tr key={s}>
                <th scope="row">{labels.stage(s)}</th>
                <FigureCell path={`funnel.${s}`} kind="count" state={figureState(report.funnel[s], null, null)} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface TrackScope {
  label: string;
  path: string;
  figures: OutcomeFigures;
}

/** The tracks as published: each large enough on its own, then "other tracks" for the rest. */
export function trackScopes(report: CohortReport, otherLabel: string): TrackScope[] {
  const scopes: TrackScope[] = [];
  report.tracks.forEach((track, i) => {
    if (track.figures) scopes.push({ label: track.trackCode, path: `tracks.${i}.figures`, figures: track.figures });
  });
  if (report.otherTracks) scopes.push({ label: otherLabel, path: 'otherTracks.figures', figures: report.otherTracks.figures });
  return scopes;
}

export function TracksSection({ report }: { report: CohortReport }) {
  const { t } = useLingui();
  const bar = useBar();
  const scopes = trackScopes(report, t`Other tracks`);
  const merged = report.otherTracks?.trackCodes.join(', ');
  const state = (s: TrackScope, metric: 'completionRate' | 'certificationRate') => figureState(s.figures[metric], metric, s.figures.suppressed);
  return (
    <section className="section" aria-labelledby="by-track">
      <h2 id="by-track">
        <Trans>Completion and certification by track</Trans>
      </h2>
      <BarChart title={t`Completion rate by track`} max={1} bars={scopes.map((s) => bar(s.label, state(s, 'completionRate'), 'rate'))} />
      <BarChart title={t`Certification rate by track`} max={1} bars={scopes.map((s) => bar(s.label, state(s, 'certificationRate'), 'rate'))} />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Figures by track`}>
        <table className="figure-table">
          <caption>{t`Figures by track`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Track`}</th>
              <th scope="col">{t`Enrolled`}</th>
              <th scope="col">{t`Completed`}</th>
              <th scope="col">{t`Completion rate`}</th>
              <th scope="col">{t`Certified`}</th>
              <th scope="col">{t`Certification rate`}</th>
            </tr>
          </thead>
          <tbody>
            {scopes.map((s) => {
              const cell = scopeCells(s.figures, s.path);
              return (
                <tr key={s.path}>
                  <th scope="row">{s.label}</th>
                  {cell('enrolled', s.figures.enrolled, 'count')}
                  {cell('completed', s.figures.completed, 'count')}
                  {cell('completionRate', s.figures.completionRate, 'rate')}
                  {cell('certified', s.figures.certified, 'count')}
                  {cell('certificationRate', s.figures.certificationRate, 'rate')}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {merged && <p className="meta">{t`Tracks with fewer than k trainees are counted together as "Other tracks": ${merged}.`}</p>}
    </section>
  );
}

export function SkillsSection({ report }: { report: CohortReport }) {
  const { t } = useLingui();
  const bar = useBar();
  const skills = report.overall.skills;
  const cell = scopeCells(report.overall, 'overall');
  if (skills.length === 0) return null;
  return (
    <section className="section" aria-labelledby="skills">
      <h2 id="skills">
        <Trans>Skill attainment</Trans>
      </h2>
      <BarChart
        title={t`Share of trainees attaining each skill`}
        max={1}
        bars={skills.map((s) => bar(s.skillCode, figureState(s.attainmentRate, `skills.${s.skillCode}.attainmentRate`, report.overall.suppressed), 'rate'))}
      />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Skill attainment`}>
        <table className="figure-table">
          <caption>{t`Skill attainment`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Skill`}</th>
              <th scope="col">{t`Trainees`}</th>
              <th scope="col">{t`Attained`}</th>
              <th scope="col">{t`Share`}</th>
            </tr>
          </thead>
          <tbody>
            {skills.map((s, i) => (
              <tr key={s.skillCode}>
                <th scope="row">{s.skillCode}</th>
                {cell(`skills.${i}.trainees`, s.trainees, 'count', `skills.${s.skillCode}.trainees`)}
                {cell(`skills.${i}.attained`, s.attained, 'count', `skills.${s.skillCode}.attained`)}
                {cell(`skills.${i}.attainmentRate`, s.attainmentRate, 'rate', `skills.${s.skillCode}.attainmentRate`)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function AssessmentsSection({ report }: { report: CohortReport }) {
  const { t } = useLingui();
  const items = report.overall.assessments;
  const cell = scopeCells(report.overall, 'overall');
  if (items.length === 0) return null;
  return (
    <section className="section" aria-labelledby="assessments">
      <h2 id="assessments">
        <Trans>Assessments</Trans>
      </h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Assessments`}>
        <table className="figure-table">
          <caption>{t`Attempts and passes per assessment`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Assessment`}</th>
              <th scope="col">{t`Attempted`}</th>
              <th scope="col">{t`Passed`}</th>
              <th scope="col">{t`Pass rate`}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a, i) => (
              <tr key={a.assessmentId}>
                <th scope="row">{a.title}</th>
                {cell(`assessments.${i}.attempted`, a.attempted, 'count', `assessments.${a.assessmentId}.attempted`)}
                {cell(`assessments.${i}.passed`, a.passed, 'count', `assessments.${a.assessmentId}.passed`)}
                {cell(`assessments.${i}.passRate`, a.passRate, 'rate', `assessments.${a.assessmentId}.passRate`)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ActivitySection({ report }: { report: CohortReport }) {
  const { t } = useLingui();
  const format = useFormat();
  const bar = useBar();
  const weeks = report.weeklyActivity;
  if (weeks.length === 0) return null;
  return (
    <section className="section" aria-labelledby="activity">
      <h2 id="activity">
        <Trans>Weekly activity</Trans>
      </h2>
      <BarChart title={t`Active trainees per week`} bars={weeks.map((w) => bar(format.date(w.weekStarting), figureState(w.activeTrainees, null, null), 'count'))} />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Active trainees per week`}>
        <table className="figure-table">
          <caption>{t`Active trainees per week`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Week starting`}</th>
              <th scope="col">{t`Active trainees`}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w, i) => (
              <tr key={w.weekStarting}>
                <th scope="row">{format.date(w.weekStarting)}</th>
                <FigureCell path={`weeklyActivity.${i}.activeTrainees`} kind="count" state={figureState(w.activeTrainees, null, null)} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function PlacementsSection({ report }: { report: CohortReport }) {
  const { t } = useLingui();
  const bar = useBar();
  const scopes = [{ label: t`Whole cohort`, path: 'overall', figures: report.overall }, ...trackScopes(report, t`Other tracks`)];
  const state = (f: OutcomeFigures) => figureState(f.placements.placed, 'placements.placed', f.suppressed);
  return (
    <section className="section" aria-labelledby="placements">
      <h2 id="placements">
        <Trans>Placements</Trans>
      </h2>
      <BarChart title={t`Trainees placed in work`} bars={scopes.map((s) => bar(s.label, state(s.figures), 'count'))} />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Placements and follow-ups`}>
        <table className="figure-table">
          <caption>{t`Placements and follow-ups`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Group`}</th>
              <th scope="col">{t`Placed`}</th>
              <th scope="col">{t`Placement rate`}</th>
              <th scope="col">{t`Still in role at 3 months`}</th>
              <th scope="col">{t`Still in role at 6 months`}</th>
            </tr>
          </thead>
          <tbody>
            {scopes.map((s) => {
              const cell = scopeCells(s.figures, s.path);
              const p = s.figures.placements;
              return (
                <tr key={s.path}>
                  <th scope="row">{s.label}</th>
                  {cell('placements.placed', p.placed, 'count')}
                  {cell('placements.placementRate', p.placementRate, 'rate')}
                  {cell('placements.followUp3Months.stillInRole', p.followUp3Months.stillInRole, 'count')}
                  {cell('placements.followUp6Months.stillInRole', p.followUp6Months.stillInRole, 'count')}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Every headline figure of the cohort, as the JSON's `overall` holds them. */
export function OverallSection({ report }: { report: CohortReport }) {
  const { t } = useLingui();
  const f = report.overall;
  const cell = scopeCells(f, 'overall');
  const rows: Array<[string, string, number | null, 'count' | 'rate' | 'number']> = [
    [t`Trainees`, 'trainees', f.trainees, 'count'],
    [t`Enrollments`, 'enrolled', f.enrolled, 'count'],
    [t`Active`, 'active', f.active, 'count'],
    [t`Withdrawn`, 'withdrawn', f.withdrawn, 'count'],
    [t`Completed`, 'completed', f.completed, 'count'],
    [t`Completion rate`, 'completionRate', f.completionRate, 'rate'],
    [t`Certified`, 'certified', f.certified, 'count'],
    [t`Certification rate`, 'certificationRate', f.certificationRate, 'rate'],
    [t`At risk`, 'atRisk', f.atRisk, 'count'],
    [t`Active this week`, 'weeklyActiveTrainees', f.weeklyActiveTrainees, 'count'],
    [t`Mean course score`, 'meanCourseScore', f.meanCourseScore, 'number'],
    [t`Median course score`, 'medianCourseScore', f.medianCourseScore, 'number'],
    [t`Median days to completion`, 'medianDaysToCompletion', f.medianDaysToCompletion, 'number'],
  ];
  return (
    <section className="section" aria-labelledby="overall">
      <h2 id="overall">
        <Trans>The cohort at a glance</Trans>
      </h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t`The cohort at a glance`}>
        <table className="figure-table">
          <caption>{t`Whole cohort`}</caption>
          <tbody>
            <tr>
              <th scope="row">{t`Applicants`}</th>
              <FigureCell path="applicants" kind="count" state={figureState(report.applicants, null, null)} />
            </tr>
            <tr>
              <th scope="row">{t`Accepted`}</th>
              <FigureCell path="accepted" kind="count" state={figureState(report.accepted, null, null)} />
            </tr>
            {rows.map(([label, metric, value, kind]) => (
              <tr key={metric}>
                <th scope="row">{label}</th>
                {cell(metric, value, kind)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Each course version of the cohort; one with fewer than k trainees is counted in "other courses" instead. */
export function CoursesSection({ report }: { report: CohortReport }) {
  const { t } = useLingui();
  const rows = report.courses.map((course, i) => ({ key: course.versionId, label: `${course.courseTitle} (${course.trackCode})`, path: `courses.${i}.figures`, figures: course.figures }));
  if (report.otherCourses) rows.push({ key: 'other', label: t`Other courses`, path: 'otherCourses.figures', figures: report.otherCourses.figures });
  return (
    <section className="section" aria-labelledby="courses">
      <h2 id="courses">
        <Trans>By course</Trans>
      </h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Figures by course`}>
        <table className="figure-table">
          <caption>{t`Figures by course`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Course`}</th>
              <th scope="col">{t`Enrolled`}</th>
              <th scope="col">{t`Completed`}</th>
              <th scope="col">{t`Completion rate`}</th>
              <th scope="col">{t`Certified`}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              if (!row.figures) {
                return (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    <td colSpan={4}>{t`Fewer than k trainees: counted in "Other courses".`}</td>
                  </tr>
                );
              }
              const cell = scopeCells(row.figures, row.path);
              return (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {cell('enrolled', row.figures.enrolled, 'count')}
                  {cell('completed', row.figures.completed, 'count')}
                  {cell('completionRate', row.figures.completionRate, 'rate')}
                  {cell('certified', row.figures.certified, 'count')}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
