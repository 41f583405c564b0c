import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { BarChart } from './bar-chart';
import { FigureCell } from './figure-cell';
import { figureState } from './figures';
import { useOutcomeLabels } from './outcome-labels';
import { OutcomeNotes } from './outcome-notes';
import { ReportActions } from './report-actions';
import { scopeCells } from './scope-cells';
import { crossCohortOutcomesQuery } from './outcomes.queries';
import type { CrossCohortReport } from './outcome.types';
import './outcomes.css';

/** Outcomes across every cohort the reader may see: the pooled funnel and each cohort's headline, linking to its report. */
export function OutcomesScreen() {
  const { t } = useLingui();
  const report = useQuery(crossCohortOutcomesQuery);
  return (
    <Screen title={t`Outcomes`}>
      <QueryView query={report} lines={6} isEmpty={(r) => r.cohorts.length === 0} empty={<Trans>No cohorts to report on yet.</Trans>}>
        {(r) => <AcrossCohorts report={r} />}
      </QueryView>
    </Screen>
  );
}

const POOLED: Array<{ metric: 'trainees' | 'enrolled' | 'active' | 'withdrawn' | 'completed' | 'certified' | 'atRisk' | 'completionRate' | 'certificationRate'; kind: 'count' | 'rate' }> = [
  { metric: 'trainees', kind: 'count' },
  { metric: 'enrolled', kind: 'count' },
  { metric: 'active', kind: 'count' },
  { metric: 'withdrawn', kind: 'count' },
  { metric: 'completed', kind: 'count' },
  { metric: 'completionRate', kind: 'rate' },
  { metric: 'certified', kind: 'count' },
  { metric: 'certificationRate', kind: 'rate' },
  { metric: 'atRisk', kind: 'count' },
];

function AcrossCohorts({ report }: { report: CrossCohortReport }) {
  const { t } = useLingui();
  const format = useFormat();
  const labels = useOutcomeLabels();
  const asOf = format.dateTime(report.asOf);
  const stages = ['applied', 'accepted', 'enrolled', 'completed', 'certified'] as const;
  const pooledLabels: Record<string, string> = {
    trainees: t`Trainees`, enrolled: t`Enrollments`, active: t`Active`, withdrawn: t`Withdrawn`, completed: t`Completed`,
    completionRate: t`Completion rate`, certified: t`Certified`, certificationRate: t`Certification rate`, atRisk: t`At risk`,
  };
  const funnelState = (value: number | null) => figureState(value, null, null);
  return (
    <>
      <p className="meta">
        <Trans>All the cohorts you may see, as of {asOf}. A pooled figure is suppressed when any cohort suppresses it.</Trans>
      </p>
      <ReportActions cohortId={null} />
      <section className="section" aria-labelledby="cohorts">
        <h2 id="cohorts">
          <Trans>Cohorts</Trans>
        </h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Each cohort's headline`}>
          <table className="figure-table">
            <caption>{t`Each cohort's headline (open a cohort for its full report)`}</caption>
            <thead>
              <tr>
                <th scope="col">{t`Cohort`}</th>
                <th scope="col">{t`Applied`}</th>
                <th scope="col">{t`Enrolled`}</th>
                <th scope="col">{t`Completed`}</th>
                <th scope="col">{t`Completion rate`}</th>
                <th scope="col">{t`Certified`}</th>
              </tr>
            </thead>
            <tbody>
              {report.cohorts.map((c, i) => {
                const cell = scopeCells(c.overall, `cohorts.${i}.overall`);
                return (
                  <tr key={c.cohort.id}>
                    <th scope="row">
                      <Link to="/outcomes/$cohortId" params={{ cohortId: c.cohort.id }}>
                        {c.cohort.name}
                      </Link>
                    </th>
                    <FigureCell path={`cohorts.${i}.funnel.applied`} kind="count" state={funnelState(c.funnel.applied)} />
                    {cell('enrolled', c.overall.enrolled, 'count')}
                    {cell('completed', c.overall.completed, 'count')}
                    {cell('completionRate', c.overall.completionRate, 'rate')}
                    {cell('certified', c.overall.certified, 'count')}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="section" aria-labelledby="pooled">
        <h2 id="pooled">
          <Trans>All cohorts together</Trans>
        </h2>
        <BarChart
          title={t`Trainees at each stage, all cohorts`}
          bars={stages.map((s) => {
            const value = report.funnel[s];
            return { label: labels.stage(s), value, text: value === null ? t`Suppressed` : format.number(value) };
          })}
        />
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t`All cohorts together`}>
          <table className="figure-table">
            <caption>{t`All cohorts together`}</caption>
            <tbody>
              {stages.map((s) => (
                <tr key={s}>
                  <th scope="row">{labels.stage(s)}</th>
                  <FigureCell path={`funnel.${s}`} kind="count" state={funnelState(report.funnel[s])} />
                </tr>
              ))}
              {POOLED.map(({ metric, kind }) => {
                const value = report.overall[metric];
                // A pooled rate is null when its count is withheld somewhere (suppressed) or nobody is enrolled (nothing to compute).
                const numerator = metric === 'completionRate' ? report.overall.completed : metric === 'certificationRate' ? report.overall.certified : value;
                const state = value !== null ? figureState(value, null, null) : numerator === null ? figureState(null, null, null) : ({ kind: 'none' } as const);
                return (
                  <tr key={metric}>
                    <th scope="row">{pooledLabels[metric]}</th>
                    <FigureCell path={`overall.${metric}`} kind={kind} state={state} />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <OutcomeNotes minCellSize={report.minCellSize} />
    </>
  );
}
