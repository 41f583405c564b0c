import { Link } from '@tanstack/react-router';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { CareersTabs } from './careers-tabs';
import { fairsQuery, myBookingsQuery, myRegistrationsQuery } from './careers.queries';
import { useCareersTime } from './use-careers-time';
import { FairPlace } from './fair-place';
import './careers.css';

/** The trainee's meetings across every fair, then the fairs they are invited to (and whether registered). */
export function CareerFairsScreen() {
  const { t } = useLingui();
  return (
    <Screen title={t`Career fairs`}>
      <CareersTabs />
      <MyMeetings />
      <InvitedFairs />
    </Screen>
  );
}

function MyMeetings() {
  const bookings = useInfiniteQuery(myBookingsQuery);
  const time = useCareersTime();
  return (
    <section className="section" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">
        <Trans>Your meetings</Trans>
      </h2>
      <QueryView query={bookings} isEmpty={(data) => data.pages[0].items.length === 0} empty={<Trans>No meeting booked yet. Open a fair to book one.</Trans>}>
        {(data) => (
          <>
            <ul className="card-list">
              {data.pages.flatMap((page) => page.items).map((booking) => (
                <li key={booking.id} className="card">
                  <h3 className="card-title">{booking.organisationName}</h3>
                  <p>{time.range(booking.startsAt, booking.endsAt)}</p>
                  <p className="meta">
                    <Link to="/careers/fairs/$fairId" params={{ fairId: booking.fairId }}>
                      {booking.fairName}
                    </Link>
                  </p>
                  <FairPlace place={booking.place} onlineUrl={booking.onlineUrl} />
                </li>
              ))}
            </ul>
            {bookings.hasNextPage && (
              <Button variant="secondary" isPending={bookings.isFetchingNextPage} onClick={() => void bookings.fetchNextPage()}>
                <Trans>Show more meetings</Trans>
              </Button>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

function InvitedFairs() {
  const fairs = useInfiniteQuery(fairsQuery);
  const registrations = useQuery(myRegistrationsQuery);
  const time = useCareersTime();
  return (
    <section className="section" aria-labelledby="fairs-heading">
      <h2 id="fairs-heading">
        <Trans>Fairs you are invited to</Trans>
      </h2>
      <QueryView query={fairs} isEmpty={(data) => data.pages[0].items.length === 0} empty={<Trans>No fair has invited your cohort yet.</Trans>}>
        {(data) => (
          <>
            <ul className="card-list">
              {data.pages.flatMap((page) => page.items).map((fair) => (
                <li key={fair.id} className="card">
                  <h3 className="card-title">
                    <Link to="/careers/fairs/$fairId" params={{ fairId: fair.id }}>
                      {fair.name}
                    </Link>
                  </h3>
                  <p>{time.range(fair.startsAt, fair.endsAt)}</p>
                  <FairPlace place={fair.place} onlineUrl={fair.onlineUrl} />
                  <p className="meta">{registrations.data?.has(fair.id) ? <Trans>You are registered.</Trans> : registrations.isSuccess ? <Trans>Not registered yet.</Trans> : null}</p>
                </li>
              ))}
            </ul>
            {fairs.hasNextPage && (
              <Button variant="secondary" isPending={fairs.isFetchingNextPage} onClick={() => void fairs.fetchNextPage()}>
                <Trans>Show more fairs</Trans>
              </Button>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}
