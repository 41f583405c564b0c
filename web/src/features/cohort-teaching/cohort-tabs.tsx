import { Link } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';

/** The three views of one cohort, as links (each is its own lazy screen and its own address). */
export function CohortTabs({ cohortId }: { cohortId: string }) {
  const { t } = useLingui();
  return (
    <nav aria-label={t`Cohort views`} className="tab-links">
      <Link to="/cohort-teaching/$cohortId" params={{ cohortId }} activeOptions={{ exact: true }} className="tab-link">
        <Trans>Roster</Trans>
      </Link>
      <Link to="/cohort-teaching/$cohortId/review" params={{ cohortId }} className="tab-link">
        <Trans>Review queue</Trans>
      </Link>
      <Link to="/cohort-teaching/$cohortId/gradebook" params={{ cohortId }} className="tab-link">
        <Trans>Gradebook</Trans>
      </Link>
    </nav>
  );
}
