import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { UserDirectory } from '../identity/identity.module';
import { WebhookSecretBox } from './webhook-secret-box';
import { signatureHeader, SIGNATURE_HEADER } from './webhook-signature';
import { postWebhook } from './webhook-poster';
import { parseWebhookUrl, TargetRefused } from './webhook-target-policy';
import { WEBHOOK_TEST_EVENT } from './webhook-test-sends.service';

interface Claimed {
  id: string;
  attempts: number;
  webhook_id: string;
  url: string;
  secret_ciphertext: string;
  enabled: boolean;
  event_key: string;
  type: string;
  data: Record<string, unknown>;
  event_created_at: Date;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * `deliver-webhook`: posts one event to one webhook, signed. Retries are scheduled here through the
 * outbox (WEBHOOK_RETRY_BASE_MS doubling, WEBHOOK_MAX_ATTEMPTS), each a job of its own, so the
 * delivery log shows every attempt's outcome and the next attempt's time. After
 * WEBHOOK_DISABLE_AFTER_FAILURES consecutive failed attempts the webhook is disabled and every
 * admin is notified.
 */
@Injectable()
export class WebhookDeliveries {
  private readonly logger = new Logger(WebhookDeliveries.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
    private readonly secrets: WebhookSecretBox,
    private readonly users: UserDirectory,
  ) {}

  @JobHandler('deliver-webhook')
  async deliver(job: HandledJob<'deliver-webhook'>): Promise<string> {
    const claimed = await this.claim(job.data.deliveryId);
    if (!claimed) return this.whyUnclaimed(job.data.deliveryId);
    if (!claimed.enabled) {
      await this.txHost.tx.query(`UPDATE webhook_delivery SET status = 'cancelled', claimed_until = NULL, last_error = 'webhook disabled', updated_at = now() WHERE id = $1`, [claimed.id]);
      return 'cancelled';
    }
    const outcome = await this.post(claimed);
    await this.record(claimed, outcome);
    return outcome.ok ? 'delivered' : 'failed-attempt';
  }

  /** A lease on a pending delivery: a duplicate job finds it claimed or finished and does nothing. */
  private async claim(deliveryId: string): Promise<Claimed | undefined> {
    const leaseMs = this.config.WEBHOOK_TIMEOUT_MS * 2 + 5_000;
    const [row] = await this.txHost.tx.query(
      `WITH claimed AS (
         UPDATE webhook_delivery SET claimed_until = now() + ($2 || ' milliseconds')::interval, updated_at = now()
          WHERE id = $1 AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
          RETURNING id, attempts, webhook_id, event_key)
       SELECT c.*, w.url, w.secret_ciphertext, w.enabled, e.type, e.data, e.created_at AS event_created_at
         FROM claimed c JOIN webhook w ON w.id = c.webhook_id JOIN notification_event e ON e.event_key = c.event_key`,
      [deliveryId, String(leaseMs)],
    );
    return row;
  }

  /**
   * Finished or gone: nothing to do. Still pending under another worker's lease (a stalled job
   * re-run while the first post is in flight): fail this run so the queue retries after the lease,
   * rather than leave the delivery pending with no job to finish it.
   */
  private async whyUnclaimed(deliveryId: string): Promise<string> {
    const [row] = await this.txHost.tx.query('SELECT status FROM webhook_delivery WHERE id = $1', [deliveryId]);
    if (row?.status === 'pending') throw new Error('webhook delivery is being posted by another worker; will retry');
    return 'nothing-to-do';
  }

  private async post(claimed: Claimed): Promise<Outcome> {
    const body = JSON.stringify({
      id: claimed.id,
      type: claimed.type,
      eventKey: claimed.event_key,
      occurredAt: new Date(claimed.event_created_at).toISOString(),
      data: claimed.data,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      [SIGNATURE_HEADER]: signatureHeader(this.secrets.open(claimed.secret_ciphertext), timestamp, body),
      'x-gds-delivery': claimed.id,
      'x-gds-event': claimed.type,
    };
    try {
      const status = await postWebhook(parseWebhookUrl(claimed.url), body, headers, {
        timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
        allowPrivate: this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      });
      return status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `answered HTTP ${status}` };
    } catch (error) {
      const refused = error instanceof TargetRefused ? 'target refused: ' : '';
      return { ok: false, status: null, error: `${refused}${(error as Error).message}`.slice(0, 500) };
    }
  }

  @Transactional()
  async record(claimed: Claimed, outcome: Outcome): Promise<void> {
    const attempts = claimed.attempts + 1;
    // An admin's "send test event" is posted once: it neither retries nor counts toward (or resets)
    // the failure streak that disables a webhook, so testing a receiver cannot switch it off.
    const test = claimed.type === WEBHOOK_TEST_EVENT;
    if (outcome.ok) {
      await this.txHost.tx.query(
        `UPDATE webhook_delivery SET status = 'delivered', attempts = $2, last_status_code = $3, last_error = NULL, delivered_at = now(),
                claimed_until = NULL, next_attempt_at = NULL, updated_at = now() WHERE id = $1`,
        [claimed.id, attempts, outcome.status],
      );
      if (!test) await this.txHost.tx.query('UPDATE webhook SET consecutive_failures = 0 WHERE id = $1', [claimed.webhook_id]);
      return;
    }
    const disabled = !test && (await this.countFailure(claimed));
    const retry = !test && !disabled && attempts < this.config.WEBHOOK_MAX_ATTEMPTS;
    const delayMs = this.config.WEBHOOK_RETRY_BASE_MS * 2 ** (attempts - 1);
    await this.txHost.tx.query(
      `UPDATE webhook_delivery SET status = $2, attempts = $3, last_status_code = $4, last_error = $5, claimed_until = NULL,
              next_attempt_at = CASE WHEN $2 = 'pending' THEN now() + ($6 || ' milliseconds')::interval END, updated_at = now()
        WHERE id = $1`,
      [claimed.id, retry ? 'pending' : 'failed', attempts, outcome.status, outcome.error, String(delayMs)],
    );
    if (retry) await this.outbox.publish('deliver-webhook', { deliveryId: claimed.id, attempt: attempts + 1 }, { delayMs });
    this.logger.warn({ msg: 'webhook delivery failed', deliveryId: claimed.id, attempts, retry, error: outcome.error });
  }

  /** Counts a failed attempt against the webhook; answers true when this failure disabled it. */
  private async countFailure(claimed: Claimed): Promise<boolean> {
    const [[webhook]] = await this.txHost.tx.query(
      `WITH before AS (SELECT id, enabled FROM webhook WHERE id = $1 FOR UPDATE)
       UPDATE webhook w SET consecutive_failures = w.consecutive_failures + 1,
              enabled = w.enabled AND w.consecutive_failures + 1 < $2,
              disabled_at = CASE WHEN w.enabled AND w.consecutive_failures + 1 >= $2 THEN now() ELSE w.disabled_at END,
              disabled_reason = CASE WHEN w.enabled AND w.consecutive_failures + 1 >= $2 THEN $3 ELSE w.disabled_reason END,
              updated_at = now()
         FROM before WHERE w.id = before.id
       RETURNING w.id, w.url, w.enabled, w.consecutive_failures, w.disabled_at, before.enabled AS was_enabled`,
      [claimed.webhook_id, this.config.WEBHOOK_DISABLE_AFTER_FAILURES, `${this.config.WEBHOOK_DISABLE_AFTER_FAILURES} consecutive failed deliveries`],
    );
    if (webhook.enabled || !webhook.was_enabled) return !webhook.enabled;
    const admins = await this.users.idsWithRole('admin');
    const eventKey = `webhook-disabled:${webhook.id}:${new Date(webhook.disabled_at).getTime()}`;
    await this.outbox.publish(
      'notify',
      { type: 'webhook-disabled', eventKey, recipientIds: admins, data: { webhookId: webhook.id, url: webhook.url, failures: webhook.consecutive_failures } },
    );
    this.logger.warn({ msg: 'webhook disabled after consecutive failures', webhookId: webhook.id, failures: webhook.consecutive_failures });
    return true;
  }
}
