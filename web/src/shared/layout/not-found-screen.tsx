import { Link } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from './screen';

export function NotFoundScreen() {
  const { t } = useLingui();
  return (
    <Screen title={t`Page not found`}>
      <p>
        <Trans>This page is not available: it does not exist, or it is not yours to see.</Trans>
      </p>
      <Link to="/" className="button">
        <Trans>Go to your home page</Trans>
      </Link>
    </Screen>
  );
}
