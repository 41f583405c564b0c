import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { ProblemError } from '../../shared/api/problem';
import { useErrorMessage } from '../../shared/states/error-state';
import { useFormat } from '../../shared/i18n/use-format';
import { publishSlot, talentKeys } from './talent.queries';
import { isoToLocalInput, localInputToIso } from './slot-times';
import type { CareerFair } from './talent.types';

/**
 * Publishes a one-to-one meeting slot, on the person's own clock. The fair's hours are the rule;
 * the API decides, and its refusals show under the field they concern.
 */
export function PublishSlotForm({ fair }: { fair: CareerFair }) {
  const { t } = useLingui();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [startsAt, setStartsAt] = useState(() => isoToLocalInput(fair.startsAt));
  const [endsAt, setEndsAt] = useState('');
  const publish = useMutation({
    mutationFn: () => publishSlot(fair.id, localInputToIso(startsAt), localInputToIso(endsAt)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: talentKeys.slots(fair.id) }),
  });
  const from = format.dateTime(fair.startsAt);
  const to = format.dateTime(fair.endsAt);
  const errors = slotErrors(publish.error, { outside: t`Choose a time within the fair's hours, ${from} to ${to}.`, endsFirst: t`The end must be after the start.` });
  const general = publish.isError && Object.keys(errors).length === 0 ? errorMessage(publish.error) : undefined;
  return (
    <section className="section" aria-labelledby="publish-title">
      <h2 id="publish-title">
        <Trans>Publish a meeting slot</Trans>
      </h2>
      <p>
        <Trans>
          Candidates book one slot each. The fair runs from {from} to {to}.
        </Trans>
      </p>
      <Form aria-label={t`Publish a meeting slot`} onSubmit={() => publish.mutate()}>
        <div className="field-row">
          <TextField name="startsAt" type="datetime-local" label={t`Starts`} value={startsAt} error={errors.startsAt} onChange={(e) => setStartsAt(e.target.value)} />
          <TextField name="endsAt" type="datetime-local" label={t`Ends`} value={endsAt} error={errors.endsAt} onChange={(e) => setEndsAt(e.target.value)} />
        </div>
        <Button type="submit" isPending={publish.isPending}>
          <Trans>Publish the slot</Trans>
        </Button>
      </Form>
      <div role="status">{publish.isSuccess && <p>{t`Slot published: ${format.dateTime(publish.data.startsAt)}.`}</p>}</div>
      <FormAlert message={general} />
    </section>
  );
}

/** The API's refusal, per field: its known rules in the person's language, any other in the API's words. */
function slotErrors(error: unknown, texts: { outside: string; endsFirst: string }): Record<string, string> {
  const errors = fieldErrorsOf(error);
  if (error instanceof ProblemError && error.slug === 'slot-outside-fair') errors.startsAt = texts.outside;
  if (error instanceof ProblemError && error.slug === 'slot-ends-before-start') errors.endsAt = texts.endsFirst;
  return errors;
}
