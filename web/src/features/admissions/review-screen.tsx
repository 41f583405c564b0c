import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { session } from '../../shared/auth/session';
import { cohortQuery } from '../../shared/api/resources/cohorts';
import { reviewQuery, rubricQuery, trailQuery } from './admissions.queries';
import { useAdmissionsLabels } from './admissions-labels';
import { ScoreForm } from './score-form';
import { RevertDecision } from './revert-decision';
import { DecisionHistory, prerequisiteNames } from './decision-history';
import { reviewRoute } from './routes';
import type { ReviewedApplication, Rubric } from './admissions.types';
import './admissions.css';

/** The cohort statuses in which a decision may still be reverted (the API's rule). */
const REVERTIBLE = ['planned', 'accepting_applications'];

/** One application as staff review it: the applicant, answers, scores (yours to give, others' to read), duplicates, history, revert. */
export function ReviewScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const labels = useAdmissionsLabels();
  const { applicationId } = reviewRoute.useParams();
  const user = session.user();
  const isAdmin = user?.roles.includes('admin') ?? false;
  const application = useQuery(reviewQuery(applicationId));
  const cohortId = application.data?.cohortId ?? '';
  const cohort = useQuery({ ...cohortQuery(cohortId), enabled: !!cohortId });
  const rubric = useQuery({ ...rubricQuery(cohortId), enabled: !!cohortId });
  const trail = useQuery(trailQuery(applicationId));
  const name = application.data ? (application.data.applicant.displayName ?? application.data.applicant.email ?? t`Unnamed applicant`) : undefined;
  return (
    <Screen
      title={name ? t`Application of ${name}` : t`Application`}
      before={
        cohortId ? (
          <Link to="/admissions/$cohortId" params={{ cohortId }} className="back-link">
            <Trans>All applications of the cohort</Trans>
          </Link>
        ) : (
          <Link to="/admissions" className="back-link">
            <Trans>Admissions</Trans>
          </Link>
        )
      }
    >
      <QueryView query={application} lines={6}>
        {(a) => {
          const sent = format.dateTime(a.submittedAt);
          const status = labels.status[a.status];
          return (
            <>
              <p className="status-line">
                <span className={`status-pill status-${a.status}`}>{status}</span> <Trans>Sent {sent}</Trans>
                {a.trackCode && <> · {labels.track[a.trackCode]}</>}
              </p>
              <dl className="facts review-facts">
                <div>
                  <dt>
                    <Trans>E-mail</Trans>
                  </dt>
                  <dd>{a.applicant.email ?? '—'}</dd>
                </div>
                <div>
                  <dt>
                    <Trans>Phone</Trans>
                  </dt>
                  <dd>{a.applicant.phone ?? '—'}</dd>
                </div>
                <div>
                  <dt>
                    <Trans>Score</Trans>
                  </dt>
                  <dd>
                    <ScoreFact application={a} />
                  </dd>
                </div>
              </dl>
              <section className="section" aria-labelledby="answers-title">
                <h2 id="answers-title">
                  <Trans>Answers</Trans>
                </h2>
                <dl className="answers">
                  <dt>
                    <Trans>Why they want to join</Trans>
                  </dt>
                  <dd>{a.statement}</dd>
                  {a.answers.map((answer) => (
                    <div key={answer.questionId}>
                      <dt>{cohort.data?.questions.find((q) => q.id === answer.questionId)?.prompt ?? answer.questionId}</dt>
                      <dd>{answer.answer}</dd>
                    </div>
                  ))}
                </dl>
              </section>
              {a.duplicates.length > 0 && <Duplicates application={a} />}
              <section className="section" aria-labelledby="scoring-title">
                <h2 id="scoring-title">
                  <Trans>Scoring</Trans>
                </h2>
                <QueryView query={rubric} lines={3}>
                  {(r) => (
                    <>
                      <OtherScores application={a} rubric={r} reviewerId={user?.id} />
                      <ScoreForm key={a.id} application={a} rubric={r} reviewerId={user?.id} />
                    </>
                  )}
                </QueryView>
              </section>
              <section className="section" aria-labelledby="history-title">
                <h2 id="history-title">
                  <Trans>Decision history</Trans>
                </h2>
                <QueryView query={trail} lines={3}>
                  {(records) => <DecisionHistory records={records} courses={prerequisiteNames(cohort.data?.courses ?? [])} />}
                </QueryView>
              </section>
              {isAdmin && trail.data && cohort.data && REVERTIBLE.includes(cohort.data.status) && <RevertDecision application={a} trail={trail.data} />}
            </>
          );
        }}
      </QueryView>
    </Screen>
  );
}

function ScoreFact({ application }: { application: ReviewedApplication }) {
  const { aggregate, spread, reviewers } = application.scoring;
  if (aggregate === null) return <Trans>Not scored yet</Trans>;
  const score = aggregate.toFixed(1);
  const count = reviewers.length;
  const rank = application.rank;
  const tied = application.tiedWith;
  return (
    <>
      <Trans>
        {score} (mean of the reviewers: {count}; spread {spread})
      </Trans>
      {rank !== null && (
        <>
          {' · '}
          {tied > 0 ? <Trans>rank {rank}, tied with {tied}</Trans> : <Trans>rank {rank}</Trans>}
        </>
      )}
    </>
  );
}

/** Other reviewers' scores, criterion by criterion, so a wide spread can be talked through. */
function OtherScores({ application, rubric, reviewerId }: { application: ReviewedApplication; rubric: Rubric; reviewerId: string | undefined }) {
  const { t } = useLingui();
  const others = application.scoring.reviewers.filter((r) => r.reviewerId !== reviewerId);
  if (others.length === 0)
    return (
      <p className="meta">
        <Trans>No other reviewer has scored this application yet.</Trans>
      </p>
    );
  return (
    <div className="table-scroll table-scroll--spaced" role="region" aria-labelledby="other-scores-caption" tabIndex={0}>
      <table className="data-table data-table--flush data-table--labelled data-table--nowrap-headers data-table--selectable">
        <caption id="other-scores-caption">
          <Trans>Other reviewers’ scores</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Reviewer</Trans>
            </th>
            {rubric.criteria.map((c) => (
              <th key={c.id} scope="col">
                {c.label}
              </th>
            ))}
            <th scope="col">
              <Trans>Total</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {others.map((r) => (
            <tr key={r.reviewerId}>
              <th scope="row">{r.reviewerName ?? t`A reviewer`}</th>
              {rubric.criteria.map((c) => (
                <td key={c.id}>{r.scores.find((s) => s.criterionId === c.id)?.score ?? '—'}</td>
              ))}
              <td>{r.total ?? t`incomplete`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Why the application may be the same person as others of the cohort: what they share, with links to compare. */
function Duplicates({ application }: { application: ReviewedApplication }) {
  const { t } = useLingui();
  const labels = useAdmissionsLabels();
  return (
    <section className="section notice" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">
        <Trans>Possible duplicates</Trans>
      </h2>
      <p>
        <Trans>These applications of the same cohort share contact details or a name with this one. Compare them before deciding.</Trans>
      </p>
      <ul>
        {application.duplicates.map((d) => {
          const other = d.displayName ?? t`Unnamed applicant`;
          const reasons = d.reasons.map((r) => labels.duplicateReason[r]).join(', ');
          return (
            <li key={d.applicationId}>
              <Link to="/admissions/applications/$applicationId" params={{ applicationId: d.applicationId }}>
                {other}
              </Link>
              : {reasons}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
