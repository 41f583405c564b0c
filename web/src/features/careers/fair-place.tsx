import { Trans } from '@lingui/react/macro';

/** Where a fair (or a meeting at it) happens: the place, the online link, or both. */
export function FairPlace({ place, onlineUrl }: { place: string | null; onlineUrl: string | null }) {
  return (
    <>
      {place && (
        <p>
          <Trans>Place: {place}</Trans>
        </p>
      )}
      {onlineUrl && (
        <p>
          <a href={onlineUrl} target="_blank" rel="noreferrer">
            <Trans>Join online (opens in a new tab)</Trans>
          </a>
        </p>
      )}
    </>
  );
}
