import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { ProblemError } from '../../shared/api/problem';
import { useErrorMessage } from '../../shared/states/error-state';
import { checkInBooking, fairQuery, slotsQuery, talentKeys } from './talent.queries';
import { checkInOpen } from './slot-times';
import { PublishSlotForm } from './publish-slot-form';
import { TalentNav } from './talent-nav';
import { fairRoute } from './routes';
import type { CareerFair, FairSlot } from './talent.types';
import './talent-employer.css';

/** One fair: where and when, the organisation's meeting slots with who booked each, and publishing more. */
export function FairScreen() {
  const { t } = useLingui();
  const { fairId } = fairRoute.useParams();
  const fair = useQuery(fairQuery(fairId));
  const slots = useQuery(slotsQuery(fairId));
  return (
    <Screen title={fair.data?.name ?? t`Career fair`} before={<TalentNav />}>
      <QueryView query={fair} lines={3}>
        {(data) => (
          <>
            <FairFacts fair={data} />
            <section className="section" aria-labelledby="slots-title">
              <h2 id="slots-title">
                <Trans>Your meeting slots and bookings</Trans>
              </h2>
              <QueryView query={slots} isEmpty={(items) => items.length === 0} empty={<Trans>No slot published yet.</Trans>} lines={4}>
                {(items) => <SlotsTable fair={data} slots={items} />}
              </QueryView>
            </section>
            <PublishSlotForm fair={data} />
          </>
        )}
      </QueryView>
    </Screen>
  );
}

function FairFacts({ fair }: { fair: CareerFair }) {
  const { t } = useLingui();
  const format = useFormat();
  return (
    <dl className="facts">
      <dt>{t`Starts`}</dt>
      <dd>{format.dateTime(fair.startsAt)}</dd>
      <dt>{t`Ends`}</dt>
      <dd>{format.dateTime(fair.endsAt)}</dd>
      {fair.place && (
        <>
          <dt>{t`Place`}</dt>
          <dd>{fair.place}</dd>
        </>
      )}
      {fair.onlineUrl && (
        <>
          <dt>{t`Online`}</dt>
          <dd>
            <a href={fair.onlineUrl} target="_blank" rel="noopener noreferrer">
              {fair.onlineUrl}
            </a>
          </dd>
        </>
      )}
    </dl>
  );
}

/**
 * The organisation's slots with who booked each and, on the fair's day, a button to check that
 * candidate in. The outcome is said in one place above the table, and focus moves there.
 */
function SlotsTable({ fair, slots }: { fair: CareerFair; slots: FairSlot[] }) {
  const { t } = useLingui();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const outcome = useRef<HTMLDivElement>(null);
  const [done, setDone] = useState<string>();
  const checkIn = useMutation({
    mutationFn: (slot: FairSlot) => checkInBooking(slot.bookingId!),
    onSettled: () => queryClient.invalidateQueries({ queryKey: talentKeys.slots(fair.id) }),
  });
  const open = checkInOpen(fair, new Date());
  const choose = (slot: FairSlot) => {
    setDone(undefined);
    const name = slot.bookedByName ?? '';
    checkIn.mutate(slot, {
      onSuccess: () => setDone(t`${name} is checked in.`),
      onSettled: () => outcome.current?.focus(),
    });
  };
  const refusal = checkIn.isError
    ? checkIn.error instanceof ProblemError && checkIn.error.slug === 'check-in-closed'
      ? t`Check-in is open from two hours before the fair starts until it ends.`
      : errorMessage(checkIn.error)
    : undefined;
  return (
    <>
      <div ref={outcome} tabIndex={-1}>
        <FormAlert message={refusal} />
        <p role="status" className="status-line">
          {done}
        </p>
      </div>
      <div className="table-scroll table-scroll--spaced" tabIndex={0} role="region" aria-label={t`Your meeting slots`}>
        <table className="data-table data-table--flush data-table--labelled">
          <thead>
            <tr>
              <th scope="col">{t`Starts`}</th>
              <th scope="col">{t`Ends`}</th>
              <th scope="col">{t`Booked by`}</th>
              <th scope="col">{t`Check-in`}</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => (
              <tr key={slot.id}>
                <th scope="row">{format.dateTime(slot.startsAt)}</th>
                <td>{format.dateTime(slot.endsAt)}</td>
                {/* Booked by a candidate who since withdrew: the name is no longer shown. */}
                <td>{slot.available ? t`Free` : (slot.bookedByName ?? t`Booked`)}</td>
                <td>
                  <CheckInCell slot={slot} open={open} pending={checkIn.isPending} onCheckIn={choose} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A booked slot's check-in: done (when), the button on the fair's day, or when it opens. */
function CheckInCell({ slot, open, pending, onCheckIn }: { slot: FairSlot; open: boolean; pending: boolean; onCheckIn: (slot: FairSlot) => void }) {
  const { t } = useLingui();
  const format = useFormat();
  if (!slot.bookingId) return null;
  if (slot.bookerCheckedInAt) {
    const at = format.dateTime(slot.bookerCheckedInAt);
    return <>{t`Checked in ${at}`}</>;
  }
  if (!open) return <span className="meta">{t`On the fair's day`}</span>;
  const name = slot.bookedByName ?? '';
  const when = format.dateTime(slot.startsAt);
  return (
    <Button variant="secondary" isPending={pending} aria-label={t`Check in ${name} (meeting at ${when})`} onClick={() => onCheckIn(slot)}>
      <Trans>Check in</Trans>
    </Button>
  );
}
