import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { DIMENSION_NAMES } from './dimension-names';
import { BreakdownTable } from './breakdown-table';
import { ActivitySection, AssessmentsSection, CoursesSection, FunnelSection, OverallSection, PlacementsSection, SkillsSection, TracksSection } from './cohort-outcome-sections';
import { OutcomeNotes } from './outcome-notes';
import { ReportActions } from './report-actions';
import { cohortOutcomesQuery } from './outcomes.queries';
import type { CohortReport } from './outcome.types';
import './outcomes.css';

/** One cohort's outcomes, for the consortium's reviewers and staff: every figure of the JSON report, charted and tabled. */
export function CohortOutcomesScreen() {
  const { t } = useLingui();
  // Not strict: the role branch is a pathless route, whose id the router's types and runtime spell differently.
  const { cohortId = '' } = useParams({ strict: false });
  const report = useQuery(cohortOutcomesQuery(cohortId));
  const name = report.data?.cohort.name;
  return (
    <Screen
      title={name ? t`${name}: outcomes` : t`Cohort outcomes`}
      before={
        <Link to="/outcomes" className="back-link no-print">
          <Trans>All cohorts' outcomes</Trans>
        </Link>
      }
    >
      <QueryView query={report} lines={8}>
        {(r) => <CohortOutcomes report={r} />}
      </QueryView>
    </Screen>
  );
}

function CohortOutcomes({ report }: { report: CohortReport }) {
  const format = useFormat();
  const { t } = useLingui();
  const asOf = format.dateTime(report.asOf);
  const starts = format.date(report.cohort.startsAt);
  const ends = format.date(report.cohort.endsAt);
  return (
    <>
      <p className="meta">
        {report.cohort.startsAt && report.cohort.endsAt ? t`Runs ${starts} to ${ends}.` : null} <Trans>Figures as of {asOf}.</Trans>
      </p>
      <ReportActions cohortId={report.cohort.id} />
      <FunnelSection report={report} />
      <TracksSection report={report} />
      <CoursesSection report={report} />
      <SkillsSection report={report} />
      <ActivitySection report={report} />
      <PlacementsSection report={report} />
      <AssessmentsSection report={report} />
      <OverallSection report={report} />
      <section className="section" aria-labelledby="breakdowns">
        <h2 id="breakdowns">
          <Trans>Breakdowns by trainee background</Trans>
        </h2>
        <p>
          <Trans>Each trainee is counted once, at the furthest stage they reached. Only trainees who consented to share these details are counted by them.</Trans>
        </p>
        {DIMENSION_NAMES.map((dimension) => (
          <BreakdownTable key={dimension} dimension={dimension} table={report.disaggregation[dimension]} path={`disaggregation.${dimension}`} />
        ))}
      </section>
      <OutcomeNotes minCellSize={report.minCellSize} />
    </>
  );
}
