import { useId, useState } from 'react';
import { useLingui } from '@lingui/react/macro';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { REVOCATION_REASON_CODES, type Resolution, type RevocationReasonCode } from './certificate-reviews.queries';

/** Keep or revoke one flagged certificate: the reason code is chosen from the published list; the note stays in the audit trail. */
export function ReviewDecision({ holder, onResolve }: { holder: string; onResolve: (resolution: Resolution) => void }) {
  const { t } = useLingui();
  const id = useId();
  const [reasonCode, setReasonCode] = useState<RevocationReasonCode>('criteria-no-longer-met');
  const [note, setNote] = useState('');
  const reasons: Record<RevocationReasonCode, string> = {
    'criteria-no-longer-met': t`The completion criteria are no longer met`,
    'issued-in-error': t`Issued in error`,
    'academic-misconduct': t`Academic misconduct`,
    'holder-request': t`Withdrawn at the holder's request`,
    other: t`Other reason`,
  };
  const trimmed = note.trim() || undefined;
  return (
    <div className="review-decision">
      <div className="field">
        <label className="field-label" htmlFor={`${id}-reason`}>
          {t`Reason if revoked (published)`}
        </label>
        <select id={`${id}-reason`} className="field-input" value={reasonCode} onChange={(event) => setReasonCode(event.target.value as RevocationReasonCode)}>
          {REVOCATION_REASON_CODES.map((code) => (
            <option key={code} value={code}>
              {reasons[code]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-note`}>
          {t`Note (staff only, kept in the audit trail)`}
        </label>
        <input id={`${id}-note`} className="field-input" value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} />
      </div>
      <div className="button-row">
        <ConfirmDialog
          trigger={t`Keep`}
          title={t`Keep ${holder}'s certificate?`}
          confirm={t`Keep it`}
          cancel={t`Cancel`}
          variant="primary"
          onConfirm={() => onResolve({ decision: 'keep', note: trimmed })}
        >
          <p>{t`The certificate stays valid and leaves this list.`}</p>
        </ConfirmDialog>
        <ConfirmDialog
          trigger={t`Revoke`}
          title={t`Revoke ${holder}'s certificate?`}
          confirm={t`Revoke it`}
          cancel={t`Cancel`}
          onConfirm={() => onResolve({ decision: 'revoke', reasonCode, note: trimmed })}
        >
          <p>{t`Verification will show it as revoked, with the reason: ${reasons[reasonCode]}. This cannot be undone.`}</p>
        </ConfirmDialog>
      </div>
    </div>
  );
}
