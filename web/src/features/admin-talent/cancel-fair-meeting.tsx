import { Trans, useLingui } from '@lingui/react/macro';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';

export interface MeetingToCancel {
  bookingId: string;
  traineeName: string;
  organisationName: string;
  /** The meeting's start as the wall clock of the programme's zone. */
  when: string;
}

/**
 * Asks before an admin cancels someone's meeting, naming whose, with whom and when, and who is told.
 * The trigger's name carries the same, so a screen reader can tell one meeting's button from another's.
 */
export function CancelFairMeeting({ meeting, isPending, onConfirm }: { meeting: MeetingToCancel; isPending: boolean; onConfirm: () => void }) {
  const { t } = useLingui();
  const { traineeName: trainee, organisationName: organisation, when } = meeting;
  return (
    <ConfirmDialog
      trigger={isPending ? t`Cancelling…` : t`Cancel`}
      triggerLabel={isPending ? t`Cancelling ${trainee}'s meeting with ${organisation}…` : t`Cancel ${trainee}'s meeting with ${organisation} at ${when}`}
      isDisabled={isPending}
      title={t`Cancel ${trainee}'s meeting with ${organisation}?`}
      confirm={t`Cancel the meeting`}
      cancel={t`Keep the meeting`}
      onConfirm={onConfirm}
    >
      <p>{t`At ${when}. If you cancel:`}</p>
      <ul className="consequences">
        <li>
          <Trans>{organisation} and {trainee} are told that the meeting is cancelled.</Trans>
        </li>
        <li>
          <Trans>The time becomes free: another trainee can book it.</Trans>
        </li>
        <li>
          <Trans>{trainee} stays registered for the fair.</Trans>
        </li>
      </ul>
    </ConfirmDialog>
  );
}
