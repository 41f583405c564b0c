import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { useErrorMessage } from '../../shared/states/error-state';
import { FormAlert } from '../../shared/ui/form-alert';
import { Button } from '../../shared/ui/button';
import { admissionsKeys } from './admissions.queries';
import { useAdmissionsLabels } from './admissions-labels';
import type { TrackCode, TrackQuotas } from './admissions.types';

interface SeatsSectionProps {
  cohortId: string;
  quotas: TrackQuotas;
  canEdit: boolean;
}

/** The cohort's seats at a glance (taken, left, per track), and for admins the quota of seats per track. */
export function SeatsSection({ cohortId, quotas, canEdit }: SeatsSectionProps) {
  const { t } = useLingui();
  const labels = useAdmissionsLabels();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(quotas.tracks.map((tr) => [tr.trackCode, tr.seats === null ? '' : String(tr.seats)])));
  const save = useMutation({
    mutationFn: () =>
      unwrap<TrackQuotas>(
        api.PUT('/api/v1/cohorts/{id}/track-quotas', {
          params: { path: { id: cohortId } },
          body: {
            quotas: Object.entries(draft)
              .filter(([, seats]) => seats.trim() !== '')
              .map(([trackCode, seats]) => ({ trackCode: trackCode as TrackCode, seats: Number(seats) })),
          },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(admissionsKeys.quotas(cohortId), saved),
  });
  const left = Math.max(0, quotas.capacity - quotas.seatsTaken);
  const taken = quotas.seatsTaken;
  const capacity = quotas.capacity;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section className="section" aria-labelledby="seats-title">
      <h2 id="seats-title">
        <Trans>Seats</Trans>
      </h2>
      <p className="seats-line">
        <Trans>
          Seats left: {left} · taken: {taken} of {capacity}
        </Trans>
      </p>
      <form onSubmit={onSubmit}>
        <table className="data-table data-table--flush data-table--labelled data-table--nowrap-headers data-table--selectable quota-table">
          <caption>
            <Trans>Seats per track</Trans>
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Trans>Track</Trans>
              </th>
              <th scope="col">
                <Trans>Taken</Trans>
              </th>
              <th scope="col">
                <Trans>Quota</Trans>
              </th>
            </tr>
          </thead>
          <tbody>
            {quotas.tracks.map((track) => {
              const name = labels.track[track.trackCode];
              return (
                <tr key={track.trackCode}>
                  <th scope="row">{name}</th>
                  <td>{track.taken}</td>
                  <td>
                    {canEdit ? (
                      <input
                        className="field-input quota-input"
                        type="number"
                        min={0}
                        max={100000}
                        inputMode="numeric"
                        aria-label={t`Quota of seats for ${name} (empty: no quota)`}
                        value={draft[track.trackCode] ?? ''}
                        onChange={(e) => setDraft({ ...draft, [track.trackCode]: e.target.value })}
                      />
                    ) : track.seats === null ? (
                      <Trans>No quota</Trans>
                    ) : (
                      track.seats
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {canEdit && (
          <>
            <p className="field-description">
              <Trans>Leave a quota empty for none: that track may take any free seat.</Trans>
            </p>
            <FormAlert message={save.isError ? errorMessage(save.error) : undefined} />
            {save.isSuccess && !save.isPending && (
              <p role="status">
                <Trans>Quotas saved.</Trans>
              </p>
            )}
            <Button type="submit" variant="secondary" isPending={save.isPending}>
              <Trans>Save quotas</Trans>
            </Button>
          </>
        )}
      </form>
    </section>
  );
}
