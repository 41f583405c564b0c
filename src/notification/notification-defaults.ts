import { NotificationType } from '@gds/queue';
import type { Channel } from './notification-delivery.entity';
import type { PreferenceMode } from './notification-preference.entity';

/** Types that only reach the inbox unless a person asks for email: frequent and low-stakes. */
const IN_APP_ONLY_BY_DEFAULT: ReadonlySet<NotificationType> = new Set(['module-unlocked', 'import-finished']);

/** The mode of a channel for a type when a person has stated no preference. */
export function defaultMode(type: NotificationType, channel: Channel): PreferenceMode {
  if (channel === 'in_app') return 'immediate';
  return IN_APP_ONLY_BY_DEFAULT.has(type) ? 'off' : 'immediate';
}

/** Modes a channel accepts: digests batch email only. */
export function modesOf(channel: Channel): readonly PreferenceMode[] {
  return channel === 'email' ? ['off', 'immediate', 'digest'] : ['off', 'immediate'];
}
