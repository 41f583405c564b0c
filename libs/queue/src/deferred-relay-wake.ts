import type { ClsService } from 'nestjs-cls';

/**
 * Set in a job's CLS context when it wrote outbox rows without a NOTIFY (`wakeRelay: false`): once
 * the job's transactions have committed, the processor asks this process's relay to move them
 * shortly (OutboxRelay.soon) instead of at the next poll. Rows published elsewhere (the api, another
 * worker) still wait for a poll or someone's NOTIFY.
 */
const DEFERRED_RELAY_WAKE = 'gds.deferredRelayWake';

export function noteDeferredRelayWake(cls: ClsService): void {
  if (cls.isActive()) cls.set(DEFERRED_RELAY_WAKE, true);
}

export function hasDeferredRelayWake(cls: ClsService): boolean {
  return cls.isActive() && cls.get(DEFERRED_RELAY_WAKE) === true;
}
