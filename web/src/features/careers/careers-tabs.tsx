import { Link } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';

/** The four career views, as links (each its own lazy screen and address). */
export function CareersTabs() {
  const { t } = useLingui();
  return (
    <nav aria-label={t`Career views`} className="tab-links">
      <Link to="/careers" activeOptions={{ exact: true }} className="tab-link">
        <Trans>Talent profile</Trans>
      </Link>
      <Link to="/careers/views" className="tab-link">
        <Trans>Who viewed it</Trans>
      </Link>
      <Link to="/careers/requests" className="tab-link">
        <Trans>Interview requests</Trans>
      </Link>
      <Link to="/careers/fairs" className="tab-link">
        <Trans>Career fairs</Trans>
      </Link>
    </nav>
  );
}
