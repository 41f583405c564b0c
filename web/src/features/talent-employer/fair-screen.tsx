import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { fairQuery, slotsQuery } from './talent.queries';
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
                {(items) => <SlotsTable slots={items} />}
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

function SlotsTable({ slots }: { slots: FairSlot[] }) {
  const { t } = useLingui();
  const format = useFormat();
  return (
    <div className="table-scroll table-scroll--spaced" tabIndex={0} role="region" aria-label={t`Your meeting slots`}>
      <table className="data-table data-table--flush data-table--labelled">
        <thead>
          <tr>
            <th scope="col">{t`Starts`}</th>
            <th scope="col">{t`Ends`}</th>
            <th scope="col">{t`Booked by`}</th>
          </tr>
        </thead>
        <tbody>
          {slots.map((slot) => (
            <tr key={slot.id}>
              <th scope="row">{format.dateTime(slot.startsAt)}</th>
              <td>{format.dateTime(slot.endsAt)}</td>
              {/* Booked by a candidate who since withdrew: the name is no longer shown. */}
              <td>{slot.available ? t`Free` : (slot.bookedByName ?? t`Booked`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
