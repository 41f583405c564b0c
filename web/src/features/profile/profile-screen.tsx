import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { session } from '../../shared/auth/session';
import { demographicConsentQuery, meQuery } from '../../shared/api/resources/me';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { LanguageChoice } from './language-choice';
import { ProfileForm } from './profile-form';
import { DemographicConsentSection } from './demographic-consent-section';
import { DataExportSection } from './data-export-section';

export function ProfileScreen() {
  const { t } = useLingui();
  const me = useQuery(meQuery);
  const consent = useQuery(demographicConsentQuery);
  return (
    <Screen title={t`Your profile`}>
      <QueryView query={me}>
        {(person) => (
          <>
            <p className="meta">{person.email}</p>
            <ul className="link-list">
              <li>
                <Link to="/certificates">
                  <Trans>Your certificates</Trans>
                </Link>
              </li>
              <li>
                <Link to="/profile/placement">
                  <Trans>Tell us about a new job or promotion</Trans>
                </Link>
              </li>
              <li>
                <Link to="/profile/password">
                  <Trans>Change your password</Trans>
                </Link>
              </li>
              <li>
                <Link to="/notifications/preferences">
                  <Trans>Notification settings</Trans>
                </Link>
              </li>
            </ul>
            <section className="section" aria-labelledby="language-heading">
              <h2 id="language-heading">
                <Trans>Language</Trans>
              </h2>
              <LanguageChoice />
            </section>
            <section className="section" aria-labelledby="details-heading">
              <h2 id="details-heading">
                <Trans>Your details</Trans>
              </h2>
              <ProfileForm key={consent.data?.consent ? 'with-consent' : 'without'} me={person} consented={!!consent.data?.consent} />
            </section>
            <DemographicConsentSection />
            <DataExportSection />
          </>
        )}
      </QueryView>
      <section className="section" aria-labelledby="session-heading">
        <h2 id="session-heading">
          <Trans>Session</Trans>
        </h2>
        <Button variant="secondary" onClick={() => void session.signOut()}>
          <Trans>Sign out</Trans>
        </Button>
      </section>
    </Screen>
  );
}
