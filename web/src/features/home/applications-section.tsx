import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans } from '@lingui/react/macro';
import { homeApplicationsQuery } from '../../shared/api/resources/home-reads';

/** Applicants see where their applications stand; a newcomer is pointed at the open cohorts. */
export function ApplicationsSection({ hasEnrollments }: { hasEnrollments: boolean }) {
  const applications = useQuery(homeApplicationsQuery);
  const open = applications.data?.filter((a) => ['submitted', 'shortlisted', 'waitlisted'].includes(a.status)) ?? [];
  if (!applications.isSuccess) return null;
  if (open.length === 0 && hasEnrollments) return null;
  return (
    <section className="section" aria-labelledby="applications-heading">
      <h2 id="applications-heading">
        <Trans>Your applications</Trans>
      </h2>
      {open.length === 0 ? (
        <p>
          <Trans>Start by applying to a cohort.</Trans>{' '}
          <Link to="/cohorts">
            <Trans>See the cohorts open for applications</Trans>
          </Link>
        </p>
      ) : (
        <ul className="card-list">
          {open.map((application) => (
            <li key={application.id} className="card">
              <Link to="/applications/$applicationId" params={{ applicationId: application.id }}>
                <ApplicationLine status={application.status} rank={application.waitlistRank} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ApplicationLine({ status, rank }: { status: string; rank: number | null }) {
  if (status === 'waitlisted') return rank ? <Trans>Waitlisted (number {rank})</Trans> : <Trans>Waitlisted</Trans>;
  if (status === 'shortlisted') return <Trans>Shortlisted: a decision follows</Trans>;
  return <Trans>Submitted: under review</Trans>;
}
