import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { QueryView } from '../../shared/states/query-view';
import { PIPELINE_REFRESH_SECONDS, pipelineHealthQuery } from './operations.queries';

/** Outbox lag and queue depth per queue, the figures /metrics exports, read again every few seconds. */
export function PipelineFigures() {
  const { t, i18n } = useLingui();
  // To the second: the figures change between two reads a few seconds apart.
  const time = new Intl.DateTimeFormat(i18n.locale, { timeStyle: 'medium' });
  const health = useQuery(pipelineHealthQuery);
  return (
    <QueryView query={health}>
      {(h) => {
        const lag = h.outbox.oldestDueAgeSeconds;
        return (
          <>
            <p className="meta">{t`Measured at ${time.format(new Date(h.measuredAt))}; read again every ${PIPELINE_REFRESH_SECONDS} seconds.`}</p>
            <dl className="facts" data-testid="outbox-lag">
              <div>
                <dt>{t`Outbox rows waiting`}</dt>
                <dd>{h.outbox.pending}</dd>
              </div>
              <div>
                <dt>{t`Due now`}</dt>
                <dd>{h.outbox.due}</dd>
              </div>
              <div>
                <dt>{t`Oldest due row waiting`}</dt>
                <dd>{lag === null ? t`none` : t`${lag.toFixed(1)} s`}</dd>
              </div>
            </dl>
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Queue depth`}>
              <table className="data-table data-table--wrap data-table--flush queue-depth" data-testid="queue-depth">
                <caption className="visually-hidden">{t`Queue depth`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t`Queue`}</th>
                    <th scope="col">{t`Waiting`}</th>
                    <th scope="col">{t`Active`}</th>
                    <th scope="col">{t`Delayed`}</th>
                    <th scope="col">{t`Failed`}</th>
                  </tr>
                </thead>
                <tbody>
                  {h.queues.map((q) => (
                    <tr key={q.queue}>
                      <th scope="row">{q.queue}</th>
                      {q.available ? (
                        <>
                          <td>{q.waiting}</td>
                          <td>{q.active}</td>
                          <td>{q.delayed}</td>
                          <td>{q.failed}</td>
                        </>
                      ) : (
                        <td colSpan={4}>
                          <Trans>Redis did not answer.</Trans>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </QueryView>
  );
}
