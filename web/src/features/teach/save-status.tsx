import { Trans } from '@lingui/react/macro';
import type { AutosaveStatus } from './use-autosave';

/** Where the autosave stands, announced politely to screen readers. */
export function SaveStatus({ status, error }: { status: AutosaveStatus; error: unknown }) {
  return (
    <p className="save-status meta" role="status">
      {status === 'saved' && <Trans>All changes saved.</Trans>}
      {status === 'pending' && <Trans>Changes not saved yet…</Trans>}
      {status === 'saving' && <Trans>Saving…</Trans>}
      {status === 'failed' && <Trans>Not saved: {error instanceof Error ? error.message : ''} Your text stays here; keep editing to try again.</Trans>}
    </p>
  );
}
