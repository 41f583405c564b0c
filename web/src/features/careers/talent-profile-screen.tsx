import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { CareersTabs } from './careers-tabs';
import { talentProfileQuery } from './careers.queries';
import { useCareersTime } from './use-careers-time';
import { TalentProfileForm } from './talent-profile-form';
import { ProfilePreview } from './profile-preview';
import { WithdrawProfile } from './withdraw-profile';
import type { MyTalentProfile } from './careers.types';
import './careers.css';

/**
 * The talent profile: opt in (saving lists it), edit it, see exactly what employers see, and stop
 * being listed at once. Nothing is listed without the person pressing "list". The form keeps its
 * place in the tree whatever the state, so saving it the first time keeps focus and what was typed.
 */
export function TalentProfileScreen() {
  const { t } = useLingui();
  const profile = useQuery(talentProfileQuery);
  return (
    <Screen title={t`Careers`}>
      <CareersTabs />
      <QueryView query={profile}>
        {(data) => (
          <>
            {data ? <ListingStatus profile={data} /> : <Invitation />}
            <section className="section" aria-labelledby="edit-heading">
              <h2 id="edit-heading">{data?.listed ? <Trans>Edit your profile</Trans> : <Trans>Your talent profile</Trans>}</h2>
              <TalentProfileForm profile={data} />
            </section>
            {data && <ProfilePreview profile={data} />}
          </>
        )}
      </QueryView>
    </Screen>
  );
}

function Invitation() {
  return (
    <section className="section" aria-labelledby="opt-in-heading">
      <h2 id="opt-in-heading">
        <Trans>Let employers find you</Trans>
      </h2>
      <p>
        <Trans>
          Partner employers look for graduates by track, skills and certificates. Your talent profile is not listed until you choose to list it here, and you can stop
          at any time.
        </Trans>
      </p>
    </section>
  );
}

function ListingStatus({ profile }: { profile: MyTalentProfile }) {
  const time = useCareersTime();
  const listedAt = profile.listedAt ? time.moment(profile.listedAt) : '';
  const withdrawnAt = profile.withdrawnAt ? time.moment(profile.withdrawnAt) : '';
  // The "stop" button leaves with the listing (its own callbacks with it): when the listing ends here,
  // focus goes to this heading, from which the new state is read.
  const heading = useRef<HTMLHeadingElement>(null);
  const wasListed = useRef(profile.listed);
  useEffect(() => {
    if (wasListed.current && !profile.listed) heading.current?.focus();
    wasListed.current = profile.listed;
  }, [profile.listed]);
  return (
    <section className="section" aria-labelledby="status-heading">
      <h2 id="status-heading" ref={heading} tabIndex={-1}>
        <Trans>Your listing</Trans>
      </h2>
      {profile.listed ? (
        <p className="status-line">
          <Trans>Listed since {listedAt}: employers can find your profile and read what the preview below shows.</Trans>
        </p>
      ) : (
        <p className="status-line">
          <Trans>Not listed (you stopped on {withdrawnAt}): no employer can find or open your profile. List it again below whenever you like.</Trans>
        </p>
      )}
      {profile.listed && <WithdrawProfile />}
    </section>
  );
}
