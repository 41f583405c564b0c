import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fairQuery, myRegistrationsQuery, useRegister } from './careers.queries';
import { careersErrorText, isProblemOf } from './careers-problems';
import { useCareersTime } from './use-careers-time';
import { FairPlace } from './fair-place';
import { FairSlotsSection } from './fair-slots-section';
import type { CareerFair } from './careers.types';
import { careerFairRoute } from './routes';
import './careers.css';

/** One fair: when and where, registering, and the employers' meeting slots to book. */
export function CareerFairScreen() {
  const { t } = useLingui();
  const { fairId } = careerFairRoute.useParams();
  const fair = useQuery(fairQuery(fairId));
  const back = (
    <Link to="/careers/fairs" className="back-link">
      <Trans>All career fairs</Trans>
    </Link>
  );
  return (
    <Screen title={fair.data?.name ?? t`Career fair`} before={back}>
      <QueryView query={fair}>{(data) => <FairDetails fair={data} />}</QueryView>
    </Screen>
  );
}

function FairDetails({ fair }: { fair: CareerFair }) {
  const time = useCareersTime();
  const registrations = useQuery(myRegistrationsQuery);
  const registration = registrations.data?.get(fair.id);
  return (
    <>
      <section className="section" aria-labelledby="when-heading">
        <h2 id="when-heading">
          <Trans>When and where</Trans>
        </h2>
        <p>{time.range(fair.startsAt, fair.endsAt)}</p>
        <FairPlace place={fair.place} onlineUrl={fair.onlineUrl} />
      </section>
      <section className="section" aria-labelledby="registration-heading">
        <h2 id="registration-heading">
          <Trans>Your registration</Trans>
        </h2>
        <QueryView query={registrations} lines={1}>
          {() => (registration ? <Registered since={time.moment(registration.registeredAt)} /> : <RegisterButton fairId={fair.id} />)}
        </QueryView>
      </section>
      <FairSlotsSection fairId={fair.id} registered={!!registration} />
    </>
  );
}

function Registered({ since }: { since: string }) {
  return (
    <p className="status-line">
      <Trans>You are registered (since {since}). Book meetings with the employers below.</Trans>
    </p>
  );
}

function RegisterButton({ fairId }: { fairId: string }) {
  const register = useRegister(fairId);
  return (
    <>
      <p>
        <Trans>Register to book one-to-one meetings with the employers taking part.</Trans>
      </p>
      <FormAlert message={register.isError ? careersErrorText(register.error) : undefined} />
      {isProblemOf(register.error, 'fair-not-eligible') && (
        <p>
          <Link to="/careers">
            <Trans>Go to your talent profile</Trans>
          </Link>
        </p>
      )}
      <Button isPending={register.isPending} onClick={() => register.mutate()}>
        <Trans>Register for this fair</Trans>
      </Button>
    </>
  );
}
