import { Link } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { useTalentLabels } from './talent-labels';
import type { SearchItem } from './talent.types';

interface CandidateCardProps {
  candidate: SearchItem;
  /** The skill codes the search asked for: the candidate's are marked, and the match is out of this many. */
  asked: string[];
}

/** One search result: who, which track, when available, and how well their evidenced skills match the search. */
export function CandidateCard({ candidate, asked }: CandidateCardProps) {
  const { t } = useLingui();
  const labels = useTalentLabels();
  const match = candidate.skillMatch;
  const total = asked.length;
  return (
    <li className="card talent-candidate">
      <h3 className="card-title">
        <Link to="/talent/candidates/$traineeId" params={{ traineeId: candidate.traineeId }}>
          {candidate.displayName}
        </Link>
      </h3>
      {total > 0 && (
        <p className="talent-match" data-match={match}>
          <Trans>
            Matches {match} of {total} skills asked
          </Trans>
        </p>
      )}
      <dl className="facts">
        <dt>{t`Track`}</dt>
        <dd>{labels.track[candidate.trackCode as keyof typeof labels.track] ?? candidate.trackCode}</dd>
        <dt>{t`Availability`}</dt>
        <dd>{labels.availability[candidate.availability]}</dd>
        {candidate.preferredRoles.length > 0 && (
          <>
            <dt>{t`Preferred roles`}</dt>
            <dd>{candidate.preferredRoles.join(', ')}</dd>
          </>
        )}
        <dt>{t`Evidenced skills`}</dt>
        <dd>
          {candidate.skillCodes.length === 0 ? (
            t`None yet`
          ) : (
            <ul className="talent-tags">
              {candidate.skillCodes.map((code) => (
                <li key={code} className={asked.includes(code) ? 'talent-tag talent-tag-match' : 'talent-tag'}>
                  {asked.includes(code) ? t`${code} (asked)` : code}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {candidate.certifiedCourseCodes.length > 0 && (
          <>
            <dt>{t`Certificates`}</dt>
            <dd>{candidate.certifiedCourseCodes.join(', ')}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
