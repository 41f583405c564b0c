import { Trans, useLingui } from '@lingui/react/macro';
import { useFormat } from '../../shared/i18n/use-format';
import { availabilityLabels } from './careers-labels';
import type { MyTalentProfile } from './careers.types';

/** Exactly the fields an employer's view of the profile holds (TalentProfileView), laid out as they read it. */
export function ProfilePreview({ profile }: { profile: MyTalentProfile }) {
  const { t } = useLingui();
  const format = useFormat();
  return (
    <section className="section" aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        <Trans>What employers see</Trans>
      </h2>
      <p className="meta">
        {profile.listed ? (
          <Trans>This is your profile as employers read it now.</Trans>
        ) : (
          <Trans>Employers see none of this while you are not listed; listing again shows them this.</Trans>
        )}
      </p>
      <article className="card preview" aria-label={t`Preview of your profile`}>
        <h3 className="card-title">{profile.displayName}</h3>
        <dl className="facts">
          <dt>
            <Trans>Track</Trans>
          </dt>
          <dd>{profile.trackName}</dd>
          <dt>
            <Trans>Can start</Trans>
          </dt>
          <dd>{availabilityLabels()[profile.availability]}</dd>
          <dt>
            <Trans>Roles wanted</Trans>
          </dt>
          <dd>{profile.preferredRoles.length > 0 ? profile.preferredRoles.join(', ') : <Trans>None named</Trans>}</dd>
        </dl>
        {profile.statement && <p className="answers">{profile.statement}</p>}
        <h3>
          <Trans>Verified certificates</Trans>
        </h3>
        {profile.certificates.length === 0 ? (
          <p className="meta">
            <Trans>No certificate yet: finishing a course adds one here.</Trans>
          </p>
        ) : (
          <ul className="plain-list">
            {profile.certificates.map((certificate) => {
              const issued = format.date(certificate.issuedAt);
              const course = certificate.courseTitle;
              return (
                <li key={certificate.certificateId}>
                  {course} <span className="meta">({issued})</span>{' '}
                  <a href={certificate.verificationUrl} target="_blank" rel="noreferrer">
                    <Trans>Check that {course} is valid (new tab)</Trans>
                  </a>
                </li>
              );
            })}
          </ul>
        )}
        <h3>
          <Trans>Skills and their evidence</Trans>
        </h3>
        {profile.skills.length === 0 ? (
          <p className="meta">
            <Trans>No skill proven yet: passing assessments mapped to skills adds them here.</Trans>
          </p>
        ) : (
          <ul className="plain-list">
            {profile.skills.map((skill) => (
              <li key={skill.code}>
                <strong>{skill.name}</strong> <span className="meta">{skill.code}</span>
                <ul className="plain-list">
                  {skill.evidence.map((item) => {
                    const passed = format.date(item.passedAt);
                    const assessment = item.assessmentTitle;
                    const course = item.courseTitle;
                    return (
                      <li key={item.assessmentId}>{passed ? <Trans>Passed {assessment} ({course}) on {passed}</Trans> : <Trans>Passed {assessment} ({course})</Trans>}</li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
        )}
        <p className="meta">
          <Trans>Your email address is not shown. Only an organisation whose interview request you accept receives it.</Trans>
        </p>
      </article>
    </section>
  );
}
