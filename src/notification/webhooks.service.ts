import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { badRequest, decodeCursor, notFound, Page, toPage, unprocessable } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { Webhook } from './webhook.entity';
import { WebhookSecretBox } from './webhook-secret-box';
import { parseWebhookUrl, resolveTarget, TargetRefused } from './webhook-target-policy';
import { WebhookDeliveryView, WebhookView } from './dto/webhook.dto';

const toView = (w: Webhook): WebhookView => ({
  id: w.id,
  url: w.url,
  description: w.description,
  eventTypes: w.eventTypes,
  enabled: w.enabled,
  consecutiveFailures: w.consecutiveFailures,
  disabledAt: w.disabledAt?.toISOString() ?? null,
  disabledReason: w.disabledReason,
  createdAt: w.createdAt.toISOString(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalidCursor = () => badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** Admin management of webhooks. The signing secret is generated here and answered once. */
@Injectable()
export class Webhooks {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly secrets: WebhookSecretBox,
    private readonly config: AppConfig,
  ) {}

  async create(input: { url: string; eventTypes: string[]; description?: string }, actorId: string): Promise<WebhookView & { secret: string }> {
    const url = await this.vetUrl(input.url);
    const secret = this.secrets.generate();
    const repo = this.txHost.tx.getRepository(Webhook);
    const saved = await repo.save(repo.create({
      url,
      eventTypes: input.eventTypes,
      description: input.description ?? null,
      secretCiphertext: this.secrets.seal(secret),
      createdBy: actorId,
    }));
    return { ...toView(await this.load(saved.id)), secret };
  }

  async list(query: { limit: number; cursor?: string }): Promise<Page<WebhookView>> {
    const after = decodeCursor<{ id: string }>(query.cursor, ['id']);
    if (after && !UUID.test(after.id)) throw invalidCursor();
    const qb = this.txHost.tx.getRepository(Webhook).createQueryBuilder('w').orderBy('w.id', 'ASC').limit(query.limit + 1);
    if (after) qb.where('w.id > :id', { id: after.id });
    const rows = await qb.getMany();
    const page = toPage(rows, query.limit, (w) => ({ id: w.id }));
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<WebhookView> {
    return toView(await this.load(id));
  }

  @Transactional()
  async update(id: string, input: { url?: string; eventTypes?: string[]; description?: string; enabled?: boolean }): Promise<WebhookView> {
    const webhook = await this.load(id);
    if (input.url !== undefined) webhook.url = await this.vetUrl(input.url);
    if (input.eventTypes !== undefined) webhook.eventTypes = input.eventTypes;
    if (input.description !== undefined) webhook.description = input.description;
    if (input.enabled === true && !webhook.enabled) {
      Object.assign(webhook, { enabled: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null });
    } else if (input.enabled === false && webhook.enabled) {
      Object.assign(webhook, { enabled: false, disabledAt: new Date(), disabledReason: 'disabled by an admin' });
    }
    await this.txHost.tx.getRepository(Webhook).save(webhook);
    return toView(await this.load(id));
  }

  async remove(id: string): Promise<void> {
    const result = await this.txHost.tx.getRepository(Webhook).delete({ id });
    if (!result.affected) throw notFound('Webhook');
  }

  async deliveries(id: string, query: { limit: number; cursor?: string }): Promise<Page<WebhookDeliveryView>> {
    await this.load(id);
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    const params: unknown[] = [id, query.limit + 1];
    let where = 'd.webhook_id = $1';
    if (after) {
      params.push(after.at, after.id);
      where += ' AND (d.created_at, d.id) < ($3::timestamptz, $4::uuid)';
    }
    const rows = await this.txHost.tx.query(
      `SELECT d.*, d.created_at::text AS created_text, e.type FROM webhook_delivery d JOIN notification_event e ON e.event_key = d.event_key
        WHERE ${where} ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
      params,
    ).catch((error: { code?: string }) => {
      if (['22007', '22008', '22P02'].includes(error.code ?? '')) throw invalidCursor();
      throw error;
    });
    const page = toPage(rows as Array<Record<string, any>>, query.limit, (r) => ({ at: r.created_text, id: r.id }));
    return {
      items: page.items.map((r) => ({
        id: r.id,
        eventKey: r.event_key,
        type: r.type,
        status: r.status,
        attempts: r.attempts,
        lastStatusCode: r.last_status_code,
        lastError: r.last_error,
        nextAttemptAt: iso(r.next_attempt_at),
        deliveredAt: iso(r.delivered_at),
        createdAt: iso(r.created_at) as string,
      })),
      nextCursor: page.nextCursor,
    };
  }

  private async load(id: string): Promise<Webhook> {
    const webhook = await this.txHost.tx.getRepository(Webhook).findOneBy({ id });
    if (!webhook) throw notFound('Webhook');
    return webhook;
  }

  /** http(s) only, and (unless allowed) no private target: the host is resolved and every address checked. */
  private async vetUrl(raw: string): Promise<string> {
    try {
      const url = parseWebhookUrl(raw);
      await resolveTarget(url, this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS);
      return url.toString();
    } catch (error) {
      if (error instanceof TargetRefused) throw unprocessable('webhook-target-refused', `The webhook URL is refused: ${error.message}.`, { errors: [{ field: 'url', message: error.message }] });
      throw error;
    }
  }
}
