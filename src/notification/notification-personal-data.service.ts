import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';

/** The notification module's part of a trainee's data rights: their inbox and deliveries; erasure deletes them. */
@Injectable()
export class NotificationPersonalData {
  constructor(private readonly txHost: AppTransactionHost) {}

  async exportFor(traineeId: string) {
    return {
      notifications: await this.txHost.tx.query(
        `SELECT d.id, e.type, e.data, d.channel, d.status, d.read_at AS "readAt", d.created_at AS "createdAt"
           FROM notification_delivery d JOIN notification_event e ON e.event_key = d.event_key
          WHERE d.recipient_id = $1 ORDER BY d.created_at`,
        [traineeId],
      ),
      preferences: await this.txHost.tx.query('SELECT * FROM notification_preference WHERE user_id = $1', [traineeId]),
    };
  }

  async eraseFor(traineeId: string): Promise<void> {
    await this.txHost.tx.query('DELETE FROM notification_delivery WHERE recipient_id = $1', [traineeId]);
    await this.txHost.tx.query('DELETE FROM notification_preference WHERE user_id = $1', [traineeId]);
  }
}
