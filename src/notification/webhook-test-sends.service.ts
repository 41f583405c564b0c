import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { conflict, notFound } from '@gds/http';
import { Outbox } from '@gds/queue';
import { WebhookTestSendView } from './dto/webhook.dto';

/** The event type of a test post: not a notification anyone subscribes to, so no inbox or email sees it. */
export const WEBHOOK_TEST_EVENT = 'webhook-test';

/**
 * "Send test event": a signed post to one webhook along the path every real event takes (an event
 * row, a delivery in the webhook's log, a `deliver-webhook` job through the outbox and the worker),
 * so a green test means the receiver verifies what real deliveries will carry.
 */
@Injectable()
export class WebhookTestSends {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
  ) {}

  @Transactional()
  async send(webhookId: string): Promise<WebhookTestSendView> {
    const [webhook] = await this.txHost.tx.query('SELECT id, enabled FROM webhook WHERE id = $1 FOR SHARE', [webhookId]);
    if (!webhook) throw notFound('Webhook');
    // The worker cancels deliveries to a disabled webhook; say so now rather than log a cancellation.
    if (!webhook.enabled) throw conflict('webhook-disabled', 'The webhook is disabled: enable it before sending a test event.');
    const eventKey = `${WEBHOOK_TEST_EVENT}:${webhookId}:${randomUUID()}`;
    const sentAt = new Date().toISOString();
    await this.txHost.tx.query('INSERT INTO notification_event (event_key, type, data) VALUES ($1, $2, $3)', [
      eventKey,
      WEBHOOK_TEST_EVENT,
      JSON.stringify({ webhookId, test: true, requestedAt: sentAt }),
    ]);
    const [delivery] = await this.txHost.tx.query(
      `INSERT INTO webhook_delivery (webhook_id, event_key, status) VALUES ($1, $2, 'pending') RETURNING id`,
      [webhookId, eventKey],
    );
    await this.outbox.publish('deliver-webhook', { deliveryId: delivery.id, attempt: 1 });
    return { id: delivery.id, webhookId, eventKey, type: WEBHOOK_TEST_EVENT, status: 'pending', url: `/api/v1/webhooks/${webhookId}/deliveries` };
  }
}
