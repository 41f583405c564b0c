import { Trans } from '@lingui/react/macro';
import { useFormat } from '../../shared/i18n/use-format';
import type { LockReason } from './module-lock';

export function ModuleLockNote({ reason }: { reason: LockReason }) {
  const format = useFormat();
  if (reason.kind === 'opens-later') {
    const date = format.date(reason.opensAt);
    return (
      <p className="notice">
        <Trans>Locked: this module opens on {date}.</Trans>
      </p>
    );
  }
  if (reason.kind === 'prerequisites') {
    const modules = reason.waitingFor.join(', ');
    return (
      <p className="notice">
        <Trans>Locked: finish {modules} first.</Trans>
      </p>
    );
  }
  return (
    <p className="notice">
      <Trans>Locked: this module is not open yet. Your instructor will open it.</Trans>
    </p>
  );
}
