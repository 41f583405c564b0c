import type { ClsService } from 'nestjs-cls';

/**
 * Noted in a job's CLS context when it wrote outbox rows without a NOTIFY (`wakeRelay: false`): once
 * the job's transactions have committed, the processor asks this process's relay to move them
 * shortly (OutboxRelay.soon) instead of at the next poll. Rows published elsewhere (the api, another
 * worker) still wait for a poll or someone's NOTIFY.
 *
 * A mutable holder, set by the processor before the handler runs, not a flag set on the context:
 * @Transactional() runs in a child context (`cls.run({ ifNested: 'inherit' })` shallow-copies the
 * store), so a value set inside a transaction is gone once it ends; the holder object is shared by
 * reference with every child context, so what the transaction notes on it is still there after.
 */
const DEFERRED_RELAY_WAKE = 'gds.deferredRelayWake';

export interface DeferredRelayWake {
  pending: boolean;
}

/** Called by the processor in the job's own context, before the handler runs. */
export function openDeferredRelayWake(cls: ClsService): DeferredRelayWake {
  const holder: DeferredRelayWake = { pending: false };
  cls.set(DEFERRED_RELAY_WAKE, holder);
  return holder;
}

export function noteDeferredRelayWake(cls: ClsService): void {
  if (!cls.isActive()) return;
  const holder = cls.get<DeferredRelayWake | undefined>(DEFERRED_RELAY_WAKE);
  if (holder) holder.pending = true;
}
