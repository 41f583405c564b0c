import { useRef, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fairQuery, myRegistrationsQuery, useCheckIn, useRegister } from './careers.queries';
import { careersErrorText, isProblemOf } from './careers-problems';
import { useCareersTime } from './use-careers-time';
import { FairPlace } from './fair-place';
import { FairSlotsSection } from './fair-slots-section';
import { CHECK_IN_OPENS_BEFORE_MS, checkInLater, checkInOpen } from './fair-check-in';
import type { CareerFair, FairRegistration } from './careers.types';
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
          {() =>
            registration ? (
              <>
                <Registered since={time.moment(registration.registeredAt)} />
                <CheckIn fair={fair} registration={registration} />
              </>
            ) : (
              <RegisterButton fairId={fair.id} />
            )
          }
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

/**
 * Checking in on the day: the state once checked in (and who did it), the button while the API
 * takes check-ins (two hours before the start until the end), otherwise when it opens.
 */
function CheckIn({ fair, registration }: { fair: CareerFair; registration: FairRegistration }) {
  const checkIn = useCheckIn(fair.id);
  // One element around every state, so focus can move to what the check-in changed.
  const outcome = useRef<HTMLDivElement>(null);
  return (
    <div ref={outcome} tabIndex={-1}>
      <CheckInState fair={fair} registration={registration}>
        <p>
          <Trans>Arrived? Check in so the organisers and employers know you are here.</Trans>
        </p>
        <FormAlert message={checkIn.isError ? careersErrorText(checkIn.error) : undefined} />
        <Button isPending={checkIn.isPending} onClick={() => checkIn.mutate(undefined, { onSettled: () => outcome.current?.focus() })}>
          <Trans>Check in</Trans>
        </Button>
      </CheckInState>
    </div>
  );
}

/** What the check-in looks like now; `children` (the button) only while the API takes check-ins. */
function CheckInState({ fair, registration, children }: { fair: CareerFair; registration: FairRegistration; children: ReactNode }) {
  const time = useCareersTime();
  const now = new Date();
  if (registration.checkedInAt) {
    const when = time.moment(registration.checkedInAt);
    return (
      <p role="status" className="status-line">
        {registration.checkedInAs === 'employer' ? (
          <Trans>Checked in at {when} by an employer you are meeting.</Trans>
        ) : registration.checkedInAs === 'admin' ? (
          <Trans>Checked in at {when} by the programme staff.</Trans>
        ) : (
          <Trans>You checked in at {when}.</Trans>
        )}
      </p>
    );
  }
  if (checkInOpen(fair, now)) return <>{children}</>;
  if (!checkInLater(fair, now)) return null;
  const opens = time.moment(new Date(new Date(fair.startsAt).getTime() - CHECK_IN_OPENS_BEFORE_MS).toISOString());
  return (
    <p className="meta">
      <Trans>On the day, check in here from {opens}.</Trans>
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
