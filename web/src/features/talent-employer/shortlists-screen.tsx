import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { requestsQuery, shortlistsQuery } from './talent.queries';
import { groupByRole, latestRequestFor } from './shortlist-groups';
import { useTalentLabels } from './talent-labels';
import { InterviewRequestForm } from './interview-request-form';
import { TalentNav } from './talent-nav';
import type { InterviewRequest, ShortlistEntry } from './talent.types';
import './talent-employer.css';

/** The organisation's shortlists, one per role, with each candidate's interview request (or the form to send one). */
export function ShortlistsScreen() {
  const { t } = useLingui();
  const shortlists = useQuery(shortlistsQuery);
  const requests = useQuery(requestsQuery);
  return (
    <Screen title={t`Shortlists`} before={<TalentNav />}>
      <QueryView
        query={shortlists}
        isEmpty={(entries) => entries.length === 0}
        empty={
          <>
            <Trans>Nobody is shortlisted yet. Find candidates, open a profile and shortlist them for a role.</Trans>{' '}
            <Link to="/talent">
              <Trans>Find candidates</Trans>
            </Link>
          </>
        }
        lines={6}
      >
        {(entries) =>
          groupByRole(entries).map((group, index) => (
            <section key={group.key} className="section" aria-labelledby={`role-${index}`}>
              <h2 id={`role-${index}`}>{group.roleTitle}</h2>
              <ul className="card-list">
                {group.entries.map((entry) => (
                  <ShortlistedCandidate key={entry.id} entry={entry} request={latestRequestFor(requests.data ?? [], entry)} />
                ))}
              </ul>
            </section>
          ))
        }
      </QueryView>
    </Screen>
  );
}

function ShortlistedCandidate({ entry, request }: { entry: ShortlistEntry; request: InterviewRequest | undefined }) {
  const { t } = useLingui();
  const labels = useTalentLabels();
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState<InterviewRequest>();
  const shown = sent ?? request;
  const name = entry.displayName;
  const role = entry.roleTitle;
  // A new request can follow an answered one (the API refuses a second one only while one waits).
  const canAsk = !shown || shown.state !== 'pending';
  return (
    <li className="card">
      <h3 className="card-title">
        <Link to="/talent/candidates/$traineeId" params={{ traineeId: entry.traineeId }}>
          {name}
        </Link>
      </h3>
      {shown && (
        <p>
          <Link to="/talent/requests/$requestId" params={{ requestId: shown.id }}>
            <Trans>Interview request: {labels.state[shown.state]}</Trans>
          </Link>
          {shown.stage && <> · {labels.stage[shown.stage]}</>}
        </p>
      )}
      {sent && (
        <p role="status">
          <Trans>
            Interview request sent to {name} for {role}.
          </Trans>
        </p>
      )}
      {canAsk && !sent && !asking && (
        <Button variant="secondary" onClick={() => setAsking(true)} aria-label={t`Request an interview with ${name} for ${role}`}>
          <Trans>Request an interview</Trans>
        </Button>
      )}
      {asking && !sent && (
        <InterviewRequestForm
          traineeId={entry.traineeId}
          displayName={name}
          roleTitle={role}
          onSent={(created) => {
            setSent(created);
            setAsking(false);
          }}
        />
      )}
    </li>
  );
}
