import { useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { CareersTabs } from './careers-tabs';
import { fairsQuery, myBookingsQuery, myRegistrationsQuery, useCancelBooking } from './careers.queries';
import { careersErrorText } from './careers-problems';
import type { MyFairBooking } from './careers.types';
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
  const { t } = useLingui();
  const bookings = useInfiniteQuery(myBookingsQuery);
  const time = useCareersTime();
  const cancel = useCancelBooking();
  const [cancelled, setCancelled] = useState<string>();
  const outcome = useRef<HTMLDivElement>(null);
  const cancelMeeting = (booking: MyFairBooking) => {
    setCancelled(undefined);
    const organisation = booking.organisationName;
    const when = time.range(booking.startsAt, booking.endsAt);
    cancel.mutate(booking, {
      onSuccess: () => setCancelled(t`Meeting cancelled: ${organisation}, ${when}. The time is free for others to book.`),
      // The cancelled meeting's button is gone: focus goes to what happened.
      onSettled: () => outcome.current?.focus(),
    });
  };
  return (
    <section className="section" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">
        <Trans>Your meetings</Trans>
      </h2>
      <div ref={outcome} tabIndex={-1}>
        {cancel.isError && (
          <div className="form-alert" role="alert">
            {careersErrorText(cancel.error)}
          </div>
        )}
        <p role="status" className="status-line">
          {cancelled}
        </p>
      </div>
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
                  {new Date(booking.startsAt) > new Date() && <CancelMeeting booking={booking} onConfirm={() => cancelMeeting(booking)} />}
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

/** Asks before cancelling, naming the meeting and what changes. */
function CancelMeeting({ booking, onConfirm }: { booking: MyFairBooking; onConfirm: () => void }) {
  const { t } = useLingui();
  const time = useCareersTime();
  const organisation = booking.organisationName;
  const when = time.range(booking.startsAt, booking.endsAt);
  const fair = booking.fairName;
  return (
    <ConfirmDialog
      trigger={t`Cancel meeting`}
      triggerLabel={t`Cancel meeting with ${organisation}, ${when}`}
      title={t`Cancel your meeting with ${organisation}?`}
      confirm={t`Cancel the meeting`}
      cancel={t`Keep the meeting`}
      onConfirm={onConfirm}
    >
      <p>
        <Trans>
          {when}, at {fair}. If you cancel:
        </Trans>
      </p>
      <ul className="consequences">
        <li>
          <Trans>The meeting is removed from your schedule and from {organisation}'s.</Trans>
        </li>
        <li>
          <Trans>The time becomes free: another trainee can book it, so you may not get it back.</Trans>
        </li>
        <li>
          <Trans>You stay registered for the fair and can book another free time.</Trans>
        </li>
      </ul>
    </ConfirmDialog>
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
