import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { prerequisiteWaiversQuery, WAIVERS_SHOWN } from './admin-cohorts.queries';

/** The audit of direct enrolments that waived prerequisites: who enrolled whom, when, without which courses. */
export function PrerequisiteWaivers({ cohortId }: { cohortId: string }) {
  const { t } = useLingui();
  const format = useFormat();
  const waivers = useQuery(prerequisiteWaiversQuery(cohortId));
  return (
    <QueryView query={waivers} isEmpty={(page) => page.items.length === 0} empty={<Trans>No prerequisites have been waived in this cohort.</Trans>}>
      {({ items, more }) => (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Prerequisites waived`}>
          {more && <p>{t`Showing the ${WAIVERS_SHOWN} most recent waivers.`}</p>}
          <table className="data-table">
            <caption className="visually-hidden">{t`Prerequisites waived`}</caption>
            <thead>
              <tr>
                <th scope="col">{t`When`}</th>
                <th scope="col">{t`Trainee`}</th>
                <th scope="col">{t`Courses not completed`}</th>
                <th scope="col">{t`Waived by`}</th>
                <th scope="col">{t`Reason`}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((waiver) => (
                <tr key={waiver.id}>
                  <td>{format.dateTime(waiver.waivedAt)}</td>
                  <th scope="row">{waiver.trainee.displayName}</th>
                  <td>{waiver.courses.map((course) => (course.code ? `${course.code} ${course.title}` : course.title)).join(', ')}</td>
                  <td>{waiver.waivedBy.displayName}</td>
                  {/* Waivers from before a reason was asked for have none. */}
                  <td>
                    {waiver.reason ?? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">{t`No reason recorded`}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryView>
  );
}
