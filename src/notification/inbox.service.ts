import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { badRequest, decodeCursor, notFound, Page, toPage } from '@gds/http';
import { DEFAULT_TIME_ZONE } from '@gds/time';
import { UserDirectory } from '../identity/identity.module';
import { renderNotification } from './notification-templates';
import { notificationPath } from './notification-links';

export interface InboxItem {
  id: string;
  type: string;
  eventKey: string;
  title: string;
  text: string;
  link: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

interface InboxRow {
  id: string;
  type: string;
  event_key: string;
  data: Record<string, unknown>;
  created_at: Date;
  created_text: string;
  read_at: Date | null;
}

/** Dates in a notice's text are written in the reader's zone. */
const toItem = (row: InboxRow, timeZone: string): InboxItem => ({
  id: row.id,
  type: row.type,
  eventKey: row.event_key,
  ...renderNotification(row.type, row.data, undefined, timeZone),
  data: row.data,
  link: notificationPath(row.type, row.data),
  createdAt: row.created_at.toISOString(),
  readAt: row.read_at?.toISOString() ?? null,
});

/** A person's in-app notifications. Every query is scoped to the caller: nobody reads another's inbox. */
@Injectable()
export class Inbox {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly users: UserDirectory,
  ) {}

  private async zoneOf(userId: string): Promise<string> {
    return (await this.users.findById(userId))?.timeZone ?? DEFAULT_TIME_ZONE;
  }

  async list(userId: string, query: { limit: number; cursor?: string; unread?: boolean }): Promise<Page<InboxItem>> {
    // The cursor keeps Postgres's own text of the timestamp: microseconds survive, JS Dates would drop them.
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    const params: unknown[] = [userId, query.limit + 1];
    let where = `d.recipient_id = $1 AND d.channel = 'in_app'`;
    if (query.unread) where += ' AND d.read_at IS NULL';
    if (after) {
      params.push(after.at, after.id);
      where += ` AND (d.created_at, d.id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows: InboxRow[] = await this.txHost.tx.query(
      `SELECT d.id, e.type, d.event_key, e.data, d.created_at, d.created_at::text AS created_text, d.read_at
         FROM notification_delivery d JOIN notification_event e ON e.event_key = d.event_key
        WHERE ${where}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $2`,
      params,
    ).catch((error) => {
      // A well-formed cursor with a forged timestamp or id: the client's mistake, not ours.
      if (['22007', '22008', '22P02'].includes((error as { code?: string }).code ?? '')) throw badRequest('invalid-cursor', 'The cursor is not one this API issued.');
      throw error;
    });
    const page = toPage(rows, query.limit, (row) => ({ at: row.created_text, id: row.id }));
    const zone = await this.zoneOf(userId);
    return { items: page.items.map((row) => toItem(row, zone)), nextCursor: page.nextCursor };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.txHost.tx.query(
      `SELECT count(*)::int AS n FROM notification_delivery WHERE recipient_id = $1 AND channel = 'in_app' AND read_at IS NULL`,
      [userId],
    );
    return row.n;
  }

  async markRead(userId: string, id: string): Promise<InboxItem> {
    const updated = await this.txHost.tx.query(
      `UPDATE notification_delivery SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND recipient_id = $2 AND channel = 'in_app' RETURNING id`,
      [id, userId],
    );
    if (updated[0].length === 0) throw notFound('Notification');
    return this.get(userId, id);
  }

  async markAllRead(userId: string): Promise<number> {
    const [, count] = await this.txHost.tx.query(
      `UPDATE notification_delivery SET read_at = now() WHERE recipient_id = $1 AND channel = 'in_app' AND read_at IS NULL`,
      [userId],
    );
    return count;
  }

  private async get(userId: string, id: string): Promise<InboxItem> {
    const rows: InboxRow[] = await this.txHost.tx.query(
      `SELECT d.id, e.type, d.event_key, e.data, d.created_at, d.created_at::text AS created_text, d.read_at
         FROM notification_delivery d JOIN notification_event e ON e.event_key = d.event_key
        WHERE d.id = $1 AND d.recipient_id = $2 AND d.channel = 'in_app'`,
      [id, userId],
    );
    if (rows.length === 0) throw notFound('Notification');
    return toItem(rows[0], await this.zoneOf(userId));
  }
}
