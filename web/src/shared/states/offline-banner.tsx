import { Trans } from '@lingui/react/macro';
import { useOnline } from './use-online';

export function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <div className="offline-banner" role="status">
      <Trans>You are offline. What you have open stays here; changes are sent when you are back online.</Trans>
    </div>
  );
}
