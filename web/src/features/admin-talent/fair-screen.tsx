import { useRef } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { attendeesQuery, type CareerFair, cohortChoicesQuery, fairQuery, organisationsQuery, useCancelFairMeeting } from './admin-talent.queries';
import { useErrorMessage } from '../../shared/states/error-state';
import { CancelFairMeeting } from './cancel-fair-meeting';
import { isoToWallClock, PROGRAMME_TIME_ZONE } from './fair-times';
import './admin-talent.css';

/** One fair: when and where, who takes part and who is invited, and who registered, checked in and meets whom. */
export function FairScreen() {
  const { t } = useLingui();
  const { fairId = '' } = useParams({ strict: false });
  const fair = useQuery(fairQuery(fairId));
  return (
    <Screen
      title={fair.data?.name ?? t`Career fair`}
      before={
        <Link to="/admin/career-fairs" className="back-link">
          <Trans>All career fairs</Trans>
        </Link>
      }
    >
      <QueryView query={fair}>{(data) => <FairDetail fair={data} />}</QueryView>
    </Screen>
  );
}

function FairDetail({ fair }: { fair: CareerFair }) {
  const { t } = useLingui();
  const organisations = useQuery(organisationsQuery);
  const cohorts = useQuery(cohortChoicesQuery);
  const organisationName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? id;
  const cohortName = (id: string) => cohorts.data?.find((c) => c.id === id)?.name ?? id;
  const starts = isoToWallClock(fair.startsAt, PROGRAMME_TIME_ZONE);
  const ends = isoToWallClock(fair.endsAt, PROGRAMME_TIME_ZONE);
  return (
    <>
      <dl className="facts">
        <dt>{t`When (${PROGRAMME_TIME_ZONE})`}</dt>
        <dd>{t`${starts} to ${ends}`}</dd>
        {fair.place && (
          <>
            <dt>{t`Place`}</dt>
            <dd>{fair.place}</dd>
          </>
        )}
        {fair.onlineUrl && (
          <>
            <dt>{t`Online link`}</dt>
            <dd>
              <a href={fair.onlineUrl} rel="noopener noreferrer" target="_blank">
                {fair.onlineUrl}
              </a>
            </dd>
          </>
        )}
        <dt>{t`Participating organisations`}</dt>
        <dd>{fair.organisationIds.map(organisationName).join(', ')}</dd>
        <dt>{t`Invited cohorts`}</dt>
        <dd>{fair.cohortIds.map(cohortName).join(', ')}</dd>
      </dl>
      <Attendees fairId={fair.id} />
    </>
  );
}

export function Attendees({ fairId }: { fairId: string }) {
  const { t } = useLingui();
  const attendees = useQuery(attendeesQuery(fairId));
  const cancel = useCancelFairMeeting(fairId);
  const errorMessage = useErrorMessage();
  // The cancelled meeting's button leaves the list when it is read again: focus goes to the outcome,
  // not to the top of the page.
  const outcome = useRef<HTMLDivElement>(null);
  return (
    <section className="section" aria-labelledby="registrations">
      <h2 id="registrations">
        <Trans>Registrations</Trans>
      </h2>
      <div role="status" className="meeting-cancel-status" ref={outcome} tabIndex={-1}>
        {cancel.isError ? <p className="form-alert">{errorMessage(cancel.error)}</p> : cancel.isSuccess ? <p>{t`Meeting cancelled; the employer and the trainee are told.`}</p> : null}
      </div>
      <QueryView query={attendees} isEmpty={(page) => page.items.length === 0} empty={<Trans>Nobody has registered yet.</Trans>}>
        {(page) => (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Registrations`}>
            <table className="data-table">
              <caption className="visually-hidden">{t`Registrations`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t`Trainee`}</th>
                  <th scope="col">{t`Checked in`}</th>
                  <th scope="col">{t`Meetings`}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((person) => (
                  <tr key={person.traineeId}>
                    <th scope="row">{person.displayName}</th>
                    <td>{person.checkedInAt ? isoToWallClock(person.checkedInAt, PROGRAMME_TIME_ZONE) : t`Not yet`}</td>
                    <td>
                      {person.bookings.length === 0 ? (
                        t`None booked`
                      ) : (
                        <ul className="meeting-list">
                          {person.bookings.map((booking) => {
                            const when = isoToWallClock(booking.startsAt, PROGRAMME_TIME_ZONE);
                            return (
                              <li key={booking.slotId} className="meeting">
                                <span>{`${when} · ${booking.organisationName}`}</span>
                                {Date.parse(booking.startsAt) > Date.now() && (
                                  <CancelFairMeeting
                                    meeting={{ bookingId: booking.bookingId, traineeName: person.displayName, organisationName: booking.organisationName, when }}
                                    isPending={cancel.isPending && cancel.variables === booking.bookingId}
                                    onConfirm={() => cancel.mutate(booking.bookingId, { onSettled: () => outcome.current?.focus() })}
                                  />
                                )}
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}
