import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { NOTIFICATION_TYPES, NotificationType } from '@gds/queue';
import { badRequest } from '@gds/http';
import { Channel, CHANNELS } from './notification-delivery.entity';
import { PreferenceMode } from './notification-preference.entity';
import { defaultMode, modesOf } from './notification-defaults';

export interface PreferenceChange {
  type: string;
  channel: Channel;
  mode: PreferenceMode;
}

export interface TypePreferences {
  type: NotificationType;
  inApp: PreferenceMode;
  email: PreferenceMode;
}

/** Per person, per notification type and channel: off, immediate or (email) digest. */
@Injectable()
export class NotificationPreferences {
  constructor(private readonly txHost: AppTransactionHost) {}

  async list(userId: string): Promise<TypePreferences[]> {
    const rows: Array<{ type: NotificationType; channel: Channel; mode: PreferenceMode }> = await this.txHost.tx.query(
      'SELECT type, channel, mode FROM notification_preference WHERE user_id = $1',
      [userId],
    );
    const stated = new Map(rows.map((r) => [`${r.type}:${r.channel}`, r.mode]));
    const mode = (type: NotificationType, channel: Channel) => stated.get(`${type}:${channel}`) ?? defaultMode(type, channel);
    return NOTIFICATION_TYPES.map((type) => ({ type, inApp: mode(type, 'in_app'), email: mode(type, 'email') }));
  }

  @Transactional()
  async update(userId: string, changes: PreferenceChange[]): Promise<TypePreferences[]> {
    this.validate(changes);
    for (const change of changes) {
      await this.txHost.tx.query(
        `INSERT INTO notification_preference (user_id, type, channel, mode) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, type, channel) DO UPDATE SET mode = excluded.mode, updated_at = now()`,
        [userId, change.type, change.channel, change.mode],
      );
    }
    return this.list(userId);
  }

  private validate(changes: PreferenceChange[]): void {
    const errors = changes.flatMap((change, index) => {
      const problems: Array<{ field: string; message: string }> = [];
      if (!(NOTIFICATION_TYPES as readonly string[]).includes(change.type)) problems.push({ field: `preferences.${index}.type`, message: 'is not a known notification type' });
      if (CHANNELS.includes(change.channel) && !modesOf(change.channel).includes(change.mode)) {
        problems.push({ field: `preferences.${index}.mode`, message: `must be one of ${modesOf(change.channel).join(', ')} for ${change.channel}` });
      }
      return problems;
    });
    const keys = changes.map((c) => `${c.type}:${c.channel}`);
    if (new Set(keys).size !== keys.length) errors.push({ field: 'preferences', message: 'names a type and channel twice' });
    if (errors.length) throw badRequest('validation', 'The preferences are invalid.', errors);
  }
}
