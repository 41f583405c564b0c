import { Trans, useLingui } from '@lingui/react/macro';
import { useFormat } from '../../shared/i18n/use-format';
import { useAdmissionsLabels } from './admissions-labels';
import type { DecisionRecord, ReviewedApplication } from './admissions.types';

/** Each prerequisite course of the cohort's courses by id, as staff read it: "title (code)". */
export function prerequisiteNames(courses: ReadonlyArray<{ prerequisites: ReadonlyArray<{ courseId: string; code: string; title: string }> }>): Map<string, string> {
  return new Map(courses.flatMap((c) => c.prerequisites.map((p) => [p.courseId, p.code ? `${p.title} (${p.code})` : p.title] as const)));
}

/** Why a waitlisted applicant was passed over: the prerequisite courses they had not completed. */
function MissingPrerequisites({ names }: { names: string[] }) {
  const list = names.join(', ');
  return (
    <>
      {' · '}
      <Trans>Courses not completed: {list}</Trans>
    </>
  );
}

/** An application's trail, oldest first: who decided what, when, why (a passed-over applicant: the courses they lacked, by name). */
export function DecisionHistory({ records, courses }: { records: DecisionRecord[]; courses: ReadonlyMap<string, string> }) {
  const { t } = useLingui();
  const format = useFormat();
  const labels = useAdmissionsLabels();
  return (
    <ol className="history">
      {records.map((r) => {
        const when = format.dateTime(r.createdAt);
        const to = labels.status[r.toStatus as ReviewedApplication['status']] ?? r.toStatus;
        return (
          <li key={r.id}>
            <strong>{labels.action(r.action)}</strong> → {to} · <time dateTime={r.createdAt}>{when}</time>
            {r.reason && (
              <>
                {' · '}
                <q>{r.reason}</q>
              </>
            )}
            {r.prerequisitesMissing?.length ? <MissingPrerequisites names={r.prerequisitesMissing.map((id) => courses.get(id) ?? t`a course no longer listed`)} /> : null}
          </li>
        );
      })}
    </ol>
  );
}
