import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { fairSlotsQuery, useBookSlot } from './careers.queries';
import { careersErrorText } from './careers-problems';
import { slotState, slotsByEmployer } from './fair-slots';
import { useCareersTime } from './use-careers-time';
import type { FairSlot } from './careers.types';

/**
 * The employers' meeting slots, by employer. Booking says what happened in one place (an alert for
 * a refusal, a status for a booking) and the list is read again either way, so a slot someone else
 * took a moment ago shows as taken.
 */
export function FairSlotsSection({ fairId, registered }: { fairId: string; registered: boolean }) {
  const { i18n, t } = useLingui();
  const slots = useQuery(fairSlotsQuery(fairId));
  const book = useBookSlot(fairId);
  const time = useCareersTime();
  const [booked, setBooked] = useState<string>();
  const outcome = useRef<HTMLDivElement>(null);
  const choose = (slot: FairSlot) => {
    setBooked(undefined);
    const organisation = slot.organisationName;
    const when = time.range(slot.startsAt, slot.endsAt);
    book.mutate(slot, {
      onSuccess: () => setBooked(t`Booked: ${organisation}, ${when}.`),
      // Focus moves to the outcome, so a keyboard user hears it and continues from there.
      onSettled: () => outcome.current?.focus(),
    });
  };
  return (
    <section className="section" aria-labelledby="slots-heading">
      <h2 id="slots-heading">
        <Trans>Meetings with employers</Trans>
      </h2>
      <div ref={outcome} tabIndex={-1}>
        {book.isError && (
          <div className="form-alert" role="alert">
            {careersErrorText(book.error)}
          </div>
        )}
        <p role="status" className="status-line">
          {booked}
        </p>
      </div>
      <QueryView query={slots} isEmpty={(data) => data.length === 0} empty={<Trans>No employer has published a meeting time yet.</Trans>}>
        {(data) =>
          slotsByEmployer(data, i18n.locale || 'en').map((group) => (
            <div key={group.organisationId} className="card">
              <h3 className="card-title">{group.organisationName}</h3>
              <ul className="slot-list">
                {group.slots.map((slot) => (
                  <SlotRow key={slot.id} slot={slot} registered={registered} pending={book.isPending} onBook={choose} />
                ))}
              </ul>
            </div>
          ))
        }
      </QueryView>
    </section>
  );
}

function SlotRow({ slot, registered, pending, onBook }: { slot: FairSlot; registered: boolean; pending: boolean; onBook: (slot: FairSlot) => void }) {
  const { t } = useLingui();
  const time = useCareersTime();
  const when = time.range(slot.startsAt, slot.endsAt);
  const organisation = slot.organisationName;
  const state = slotState(slot, registered, new Date());
  return (
    <li className="slot">
      <span>{when}</span>
      {state === 'mine' && (
        <strong>
          <Trans>Booked by you</Trans>
        </strong>
      )}
      {state === 'taken' && (
        <span className="meta">
          <Trans>Taken</Trans>
        </span>
      )}
      {state === 'started' && (
        <span className="meta">
          <Trans>Already started</Trans>
        </span>
      )}
      {state === 'register-first' && (
        <span className="meta">
          <Trans>Register to book</Trans>
        </span>
      )}
      {state === 'bookable' && (
        <Button variant="secondary" isPending={pending} aria-label={t`Book ${when} with ${organisation}`} onClick={() => onBook(slot)}>
          <Trans>Book</Trans>
        </Button>
      )}
    </li>
  );
}
