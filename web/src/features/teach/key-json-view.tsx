import { Trans, useLingui } from '@lingui/react/macro';

/** For experts: the key exactly as it will be saved, read-only (editing is done in the fields above). */
export function KeyJsonView({ keyValue }: { keyValue: Record<string, unknown> }) {
  const { t } = useLingui();
  return (
    <details className="key-json">
      <summary>
        <Trans>View the key as JSON (read-only)</Trans>
      </summary>
      {/* Focusable so a keyboard can scroll it. */}
      <pre tabIndex={0} aria-label={t`The key as JSON`}>
        {JSON.stringify(keyValue, null, 2)}
      </pre>
    </details>
  );
}
