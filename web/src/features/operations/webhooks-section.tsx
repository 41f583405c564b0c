import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { QueryView } from '../../shared/states/query-view';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';
import { useFormat } from '../../shared/i18n/use-format';
import { deliveriesQuery, type EventType, type Webhook, useCreateWebhook, useSendTestEvent, useSetWebhookEnabled, webhooksQuery } from './operations.queries';

const EVENT_TYPES: EventType[] = ['application-decided', 'enrolled', 'certificate-issued', 'certificate-revoked', 'submission-graded', 'import-finished'];

export function WebhooksSection() {
  const webhooks = useQuery(webhooksQuery);
  return (
    <section className="section" aria-labelledby="webhooks">
      <h2 id="webhooks">
        <Trans>Webhooks</Trans>
      </h2>
      <QueryView query={webhooks} isEmpty={(page) => page.items.length === 0} empty={<Trans>No webhook yet.</Trans>}>
        {(page) => (
          <ul className="card-list">
            {page.items.map((webhook) => (
              <WebhookCard key={webhook.id} webhook={webhook} />
            ))}
          </ul>
        )}
      </QueryView>
      <NewWebhookForm />
    </section>
  );
}

function WebhookCard({ webhook }: { webhook: Webhook }) {
  const { t } = useLingui();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const setEnabled = useSetWebhookEnabled(webhook.id);
  const sendTest = useSendTestEvent(webhook.id);
  const [showLog, setShowLog] = useState(false);
  const problem = setEnabled.error ?? sendTest.error;
  return (
    <li className="card">
      <h3 className="card-title">{webhook.url}</h3>
      <p className="meta" data-testid="webhook-state">
        {webhook.enabled ? t`Enabled` : t`Disabled: ${webhook.disabledReason ?? ''}`} · {t`${webhook.consecutiveFailures} failures in a row`}
      </p>
      <p className="meta">{webhook.eventTypes.join(', ')}</p>
      <FormAlert message={problem ? errorMessage(problem) : undefined} />
      <div className="button-row">
        <Button variant="secondary" onClick={() => setEnabled.mutate(!webhook.enabled)} isPending={setEnabled.isPending}>
          {webhook.enabled ? <Trans>Disable</Trans> : <Trans>Re-enable</Trans>}
        </Button>
        <Button variant="secondary" aria-expanded={showLog} onClick={() => setShowLog((shown) => !shown)}>
          <Trans>Delivery log</Trans>
        </Button>
        <Button variant="secondary" disabled={!webhook.enabled} onClick={() => sendTest.mutate(undefined, { onSuccess: () => setShowLog(true) })} isPending={sendTest.isPending}>
          <Trans>Send test event</Trans>
        </Button>
      </div>
      {sendTest.isSuccess && <p role="status">{t`Test event queued; its result appears in the delivery log.`}</p>}
      {showLog && <DeliveryLog id={webhook.id} />}
      <p className="meta">{t`Since ${format.date(webhook.createdAt)}`}</p>
    </li>
  );
}

function DeliveryLog({ id }: { id: string }) {
  const { t } = useLingui();
  const format = useFormat();
  const deliveries = useQuery(deliveriesQuery(id));
  return (
    <QueryView query={deliveries} isEmpty={(page) => page.items.length === 0} empty={<Trans>Nothing delivered yet.</Trans>}>
      {(page) => (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Delivery log`}>
          <table className="data-table data-table--wrap data-table--flush">
            <caption className="visually-hidden">{t`Delivery log`}</caption>
            <thead>
              <tr>
                <th scope="col">{t`When`}</th>
                <th scope="col">{t`Event`}</th>
                <th scope="col">{t`Status`}</th>
                <th scope="col">{t`Attempts`}</th>
                <th scope="col">{t`Last error`}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((delivery) => (
                <tr key={delivery.id}>
                  <td>{format.dateTime(delivery.createdAt)}</td>
                  <td>{delivery.type}</td>
                  <td>{delivery.lastStatusCode ? `${delivery.status} (${delivery.lastStatusCode})` : delivery.status}</td>
                  <td>{delivery.attempts}</td>
                  <td>{delivery.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryView>
  );
}

function NewWebhookForm() {
  const { t } = useLingui();
  const create = useCreateWebhook();
  const errorMessage = useErrorMessage();
  const errors = fieldErrorsOf(create.error);
  const [types, setTypes] = useState<EventType[]>(['certificate-issued']);
  return (
    <Form onSubmit={(values) => create.mutate({ url: values.url ?? '', eventTypes: types, description: values.description || undefined })}>
      <h3>
        <Trans>New webhook</Trans>
      </h3>
      <FormAlert message={create.error ? errorMessage(create.error) : undefined} />
      <TextField name="url" label={t`URL`} type="url" required error={errors.url} />
      <TextField name="description" label={t`Description`} maxLength={500} />
      <fieldset className="fieldset">
        <legend>{t`Events`}</legend>
        {EVENT_TYPES.map((type) => (
          <label key={type} className="checkbox">
            <input type="checkbox" checked={types.includes(type)} onChange={(event) => setTypes((all) => (event.target.checked ? [...all, type] : all.filter((x) => x !== type)))} />
            {type}
          </label>
        ))}
      </fieldset>
      <Button type="submit" isPending={create.isPending}>
        <Trans>Create webhook</Trans>
      </Button>
      {create.data && (
        <p role="status">
          <Trans>
            Created. Its signing secret, shown only this once: <code className="code">{create.data.secret}</code>
          </Trans>
        </p>
      )}
    </Form>
  );
}
