import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { useErrorMessage } from '../../shared/states/error-state';
import { FormAlert } from '../../shared/ui/form-alert';
import { SelectField } from '../../shared/ui/select-field';
import { TextField } from '../../shared/ui/text-field';
import { admissionsKeys } from './admissions.queries';
import { useAdmissionsLabels } from './admissions-labels';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { outcomeOf, STATUS_OF, summarizeDecision, type ItemOutcome } from './decision-summary';
import type { BulkResult, Decision, ReviewedApplication, TrackQuotas } from './admissions.types';

interface BulkDecisionProps {
  cohortId: string;
  selected: ReviewedApplication[];
  quotas: TrackQuotas | undefined;
  onDecided: () => void;
}

interface Outcome {
  name: string;
  outcome: ItemOutcome;
}

/**
 * One decision for every selected application: the confirmation names how many will change, which
 * are already decided, and for "accept" the seats (and quota seats per track) left; then the answer
 * per item, a refused one with the API's reason and the seats left after.
 */
export function BulkDecision({ cohortId, selected, quotas, onDecided }: BulkDecisionProps) {
  const { t } = useLingui();
  const labels = useAdmissionsLabels();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<Decision>('shortlist');
  const [reason, setReason] = useState('');
  const [outcomes, setOutcomes] = useState<{ decision: Decision; items: Outcome[] } | null>(null);
  const summary = summarizeDecision(decision, selected, quotas);
  const decide = useMutation({
    mutationFn: (items: ReviewedApplication[]) =>
      unwrap<{ results: BulkResult[] }>(
        api.POST('/api/v1/cohorts/{id}/decisions', {
          params: { path: { id: cohortId } },
          body: { items: items.map((a) => ({ applicationId: a.id, decision, reason: reason.trim() })) },
        }),
      ),
    onSuccess: ({ results }, items) => {
      const byId = new Map(items.map((a) => [a.id, a]));
      setOutcomes({
        decision,
        items: results.map((result) => {
          const before = byId.get(result.applicationId);
          return { name: nameOf(before), outcome: outcomeOf(result, decision, before?.status) };
        }),
      });
      onDecided();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: admissionsKeys.all }),
  });
  const nameOf = (a: ReviewedApplication | undefined) => a?.applicant.displayName ?? a?.applicant.email ?? t`Unnamed applicant`;
  const count = selected.length;
  const changing = summary.willChange.length;
  const already = summary.alreadyDecided.length;
  const cannot = summary.cannotFollow.length;
  const verb = labels.decision[decision];
  const target = labels.status[STATUS_OF[decision]];
  return (
    <section className="section bulk-decision" aria-labelledby="bulk-decision-title">
      <h2 id="bulk-decision-title">
        <Trans>Decide on the selected</Trans>
      </h2>
      <p role="status">
        {count === 0 ? <Trans>Select applications in the table first.</Trans> : <Trans>{count} selected</Trans>}
      </p>
      <div className="field-row">
        <SelectField name="decision" label={t`Decision`} value={decision} onChange={(e) => setDecision(e.target.value as Decision)}>
          {(['shortlist', 'accept', 'waitlist', 'reject'] as const).map((d) => (
            <option key={d} value={d}>
              {labels.decision[d]}
            </option>
          ))}
        </SelectField>
        <TextField
          name="reason"
          label={t`Reason`}
          description={t`Kept in the decision history and told to the applicants.`}
          value={reason}
          maxLength={1000}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <ConfirmDialog
        trigger={t`${verb} ${count} selected…`}
        isDisabled={count === 0 || reason.trim() === '' || decide.isPending}
        title={t`${verb}: ${changing} of ${count} applications?`}
        confirm={t`Yes, ${verb} ${changing}`}
        cancel={t`Cancel`}
        variant={decision === 'reject' ? 'danger' : 'primary'}
        onConfirm={() => decide.mutate(selected)}
      >
        <ul className="decision-summary">
          <li>
            <Trans>
              {changing} will become “{target}”, with the reason “{reason}”. The applicants are told.
            </Trans>
          </li>
          {already > 0 && (
            <li>
              <Trans>{already} already decided: nothing changes for them.</Trans>
            </li>
          )}
          {cannot > 0 && (
            <li>
              <Trans>{cannot} cannot take this decision (decided otherwise or withdrawn): they will be refused.</Trans>
            </li>
          )}
          {summary.seats && <SeatsLines seats={summary.seats} />}
          {summary.tracks.map((track) => {
            const name = labels.track[track.trackCode];
            const left = track.left;
            const wanted = track.wanted;
            return (
              <li key={track.trackCode}>
                <Trans>
                  {name} quota: seats left {left}; to accept {wanted}.
                </Trans>
                {wanted > left && (
                  <strong>
                    {' '}
                    <Trans>Only {left} can be accepted on this track.</Trans>
                  </strong>
                )}
              </li>
            );
          })}
        </ul>
      </ConfirmDialog>
      <FormAlert message={decide.isError ? errorMessage(decide.error) : undefined} />
      {outcomes && <Outcomes decision={outcomes.decision} items={outcomes.items} seatsLeft={quotas ? Math.max(0, quotas.capacity - quotas.seatsTaken) : undefined} />}
    </section>
  );
}

function SeatsLines({ seats }: { seats: { left: number; after: number; short: number } }) {
  const { left, after, short } = seats;
  return (
    <>
      <li>
        <Trans>
          Seats left in the cohort: {left} now, {after} after.
        </Trans>
      </li>
      {short > 0 && (
        <li>
          <strong>
            <Trans>{short} will find no seat and be refused.</Trans>
          </strong>
        </li>
      )}
    </>
  );
}

/** The answer per item, announced when it arrives. */
function Outcomes({ decision, items, seatsLeft }: { decision: Decision; items: Outcome[]; seatsLeft: number | undefined }) {
  const labels = useAdmissionsLabels();
  const done = items.filter((i) => i.outcome.kind === 'done').length;
  const total = items.length;
  const verb = labels.decision[decision];
  return (
    <div className="bulk-outcomes" role="status">
      <h3>
        <Trans>
          {verb}: {done} of {total} done
        </Trans>
      </h3>
      <ul className="outcome-list">
        {items.map(({ name, outcome }, index) => (
          <li key={index} className={`outcome outcome-${outcome.kind}`}>
            <strong>{name}</strong>: <OutcomeText outcome={outcome} seatsLeft={seatsLeft} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function OutcomeText({ outcome, seatsLeft }: { outcome: ItemOutcome; seatsLeft: number | undefined }) {
  const labels = useAdmissionsLabels();
  if (outcome.kind === 'done') {
    const status = labels.status[outcome.status];
    return <Trans>done, now {status}</Trans>;
  }
  if (outcome.kind === 'already') {
    const status = labels.status[outcome.status];
    return <Trans>already decided ({status}), nothing changed</Trans>;
  }
  const detail = outcome.detail;
  const code = outcome.httpStatus;
  if (outcome.httpStatus === 409 && seatsLeft !== undefined) {
    return (
      <Trans>
        refused ({code}): {detail} Seats left: {seatsLeft}.
      </Trans>
    );
  }
  return (
    <Trans>
      refused ({code}): {detail}
    </Trans>
  );
}
