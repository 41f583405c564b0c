import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { ProgrammeNav } from '../../shared/layout/programme-nav';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { useErrorMessage } from '../../shared/states/error-state';
import { useFormat } from '../../shared/i18n/use-format';
import { jobFailuresQuery, probeQuery, readinessQuery, useOpenQueueDashboard, useSendProbe } from './operations.queries';
import { PipelineFigures } from './pipeline-figures';
import { WebhooksSection } from './webhooks-section';
import './operations.css';

/** What keeps the platform running: its health, a probe through the job pipeline, failed jobs, and the webhooks partners receive. */
export function OperationsScreen() {
  const { t } = useLingui();
  return (
    <Screen title={t`Operations`} before={<ProgrammeNav />}>
      <HealthSection />
      <WebhooksSection />
      <JobFailuresSection />
    </Screen>
  );
}

function HealthSection() {
  const { t } = useLingui();
  const ready = useQuery(readinessQuery);
  const send = useSendProbe();
  const errorMessage = useErrorMessage();
  const [probeId, setProbeId] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby="health">
      <h2 id="health">
        <Trans>Pipeline health</Trans>
      </h2>
      <QueryView query={ready}>
        {(r) => (
          <ul className="link-list">
            <li data-testid="readiness">{r.ok ? t`Database and queue: answering.` : t`Something is down.`}</li>
            {Object.entries(r.body?.details ?? {}).map(([name, detail]) => (
              <li key={name}>{t`${name}: ${detail.status}`}</li>
            ))}
          </ul>
        )}
      </QueryView>
      <p>
        <Trans>A probe goes through the outbox, the relay, the queue and a worker; the time it takes is the pipeline's lag right now.</Trans>
      </p>
      <FormAlert message={send.error ? errorMessage(send.error) : undefined} />
      <Button variant="secondary" onClick={() => send.mutate(undefined, { onSuccess: (probe) => setProbeId(probe.id) })} isPending={send.isPending}>
        <Trans>Send a probe</Trans>
      </Button>
      {probeId && <ProbeResult id={probeId} />}
      <PipelineFigures />
      <QueueDashboardLink />
    </section>
  );
}

function QueueDashboardLink() {
  const open = useOpenQueueDashboard();
  const errorMessage = useErrorMessage();
  return (
    <>
      <p>
        <Trans>The queue dashboard shows every queue's jobs, and lets you retry or clean them. It opens in this tab, signed in as you for as long as your current sign-in token lasts.</Trans>
      </p>
      <FormAlert message={open.error ? errorMessage(open.error) : undefined} />
      <Button variant="secondary" onClick={() => open.mutate()} isPending={open.isPending}>
        <Trans>Open the queue dashboard</Trans>
      </Button>
    </>
  );
}

function ProbeResult({ id }: { id: string }) {
  const { t } = useLingui();
  const probe = useQuery(probeQuery(id));
  const p = probe.data;
  if (!p || p.status !== 'handled' || !p.handledAt) return <p role="status">{t`Probe on its way…`}</p>;
  const seconds = ((Date.parse(p.handledAt) - Date.parse(p.createdAt)) / 1000).toFixed(1);
  return <p role="status">{t`Probe handled in ${seconds} s.`}</p>;
}

function JobFailuresSection() {
  const { t } = useLingui();
  const format = useFormat();
  const failures = useQuery(jobFailuresQuery);
  return (
    <section className="section" aria-labelledby="job-failures">
      <h2 id="job-failures">
        <Trans>Failed jobs</Trans>
      </h2>
      <QueryView query={failures} isEmpty={(page) => page.items.length === 0} empty={<Trans>No job has failed its last attempt.</Trans>}>
        {(page) => (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Failed jobs`}>
            <table className="data-table data-table--wrap data-table--flush">
              <caption className="visually-hidden">{t`Failed jobs`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t`When`}</th>
                  <th scope="col">{t`Job`}</th>
                  <th scope="col">{t`Attempts`}</th>
                  <th scope="col">{t`Error`}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((failure) => (
                  <tr key={failure.id}>
                    <td>{format.dateTime(failure.failedAt)}</td>
                    <td>{`${failure.queue} / ${failure.jobName}`}</td>
                    <td>{failure.attemptsMade}</td>
                    <td>{failure.error}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}
