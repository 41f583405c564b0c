import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { candidateQuery } from './talent.queries';
import { useTalentLabels } from './talent-labels';
import { ShortlistForm } from './shortlist-form';
import { TalentNav } from './talent-nav';
import { candidateRoute } from './routes';
import type { Candidate } from './talent.types';
import './talent-employer.css';

/** A listed candidate as they chose to show themselves: certificates with their verification, skills with the evidence for each. */
export function CandidateScreen() {
  const { t } = useLingui();
  const { traineeId } = candidateRoute.useParams();
  const candidate = useQuery(candidateQuery(traineeId));
  return (
    <Screen title={candidate.data?.displayName ?? t`Candidate`} before={<TalentNav />}>
      <QueryView query={candidate} lines={8}>
        {(profile) => (
          <>
            <CandidateSummary profile={profile} />
            <ShortlistForm traineeId={profile.traineeId} displayName={profile.displayName} />
            <CertificatesSection profile={profile} />
            <SkillsSection profile={profile} />
          </>
        )}
      </QueryView>
    </Screen>
  );
}

function CandidateSummary({ profile }: { profile: Candidate }) {
  const { t } = useLingui();
  const labels = useTalentLabels();
  return (
    <section className="section" aria-labelledby="about-title">
      <h2 id="about-title">
        <Trans>About</Trans>
      </h2>
      {profile.statement && <blockquote className="talent-statement">{profile.statement}</blockquote>}
      <dl className="facts">
        <dt>{t`Track`}</dt>
        <dd>{profile.trackName}</dd>
        <dt>{t`Availability`}</dt>
        <dd>{labels.availability[profile.availability]}</dd>
        <dt>{t`Preferred roles`}</dt>
        <dd>{profile.preferredRoles.length > 0 ? profile.preferredRoles.join(', ') : t`Not given`}</dd>
        <dt>{t`Contact`}</dt>
        <dd>
          {profile.contact ? (
            <a href={`mailto:${profile.contact.email}`}>{profile.contact.email}</a>
          ) : (
            t`Shared once the candidate accepts an interview request from your organisation.`
          )}
        </dd>
      </dl>
    </section>
  );
}

function CertificatesSection({ profile }: { profile: Candidate }) {
  const format = useFormat();
  return (
    <section className="section" aria-labelledby="certificates-title">
      <h2 id="certificates-title">
        <Trans>Verified certificates</Trans>
      </h2>
      {profile.certificates.length === 0 ? (
        <p>
          <Trans>No certificate yet.</Trans>
        </p>
      ) : (
        <ul className="card-list">
          {profile.certificates.map((certificate) => {
            const issued = format.date(certificate.issuedAt);
            const title = certificate.courseTitle;
            return (
              <li key={certificate.certificateId} className="card">
                <h3 className="card-title">{title}</h3>
                <p className="meta">
                  <Trans>
                    {certificate.courseCode}, issued {issued}
                  </Trans>
                </p>
                <a href={certificate.verificationUrl} target="_blank" rel="noopener noreferrer">
                  <Trans>Check the certificate of {title} is valid</Trans>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function SkillsSection({ profile }: { profile: Candidate }) {
  const format = useFormat();
  return (
    <section className="section" aria-labelledby="skills-title">
      <h2 id="skills-title">
        <Trans>Skills and the evidence for each</Trans>
      </h2>
      {profile.skills.length === 0 ? (
        <p>
          <Trans>No skill is evidenced yet.</Trans>
        </p>
      ) : (
        <ul className="card-list">
          {profile.skills.map((skill) => (
            <li key={skill.code} className="card">
              <h3 className="card-title">
                {skill.name} <span className="code">{skill.code}</span>
              </h3>
              <ul className="talent-evidence">
                {skill.evidence.map((evidence) => {
                  const assessment = evidence.assessmentTitle;
                  const course = evidence.courseTitle;
                  const passed = format.date(evidence.passedAt);
                  return (
                    <li key={evidence.assessmentId}>
                      {passed ? (
                        <Trans>
                          Passed “{assessment}” ({course}) on {passed}
                        </Trans>
                      ) : (
                        <Trans>
                          Passed “{assessment}” ({course})
                        </Trans>
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/talent">
          <Trans>Back to the search</Trans>
        </Link>
      </p>
    </section>
  );
}
