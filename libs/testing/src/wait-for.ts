/**
 * The least any wait lasts before it gives up. On a loaded machine (CI saw load 7 on 2 cores) a
 * condition takes several times longer than on an idle one, and a tight deadline only turns that
 * into a red run; a long one costs time only when the test fails anyway.
 */
export const MIN_WAIT_MS = 180_000;

/**
 * Polls until `check` answers truthy, or fails naming what it waited for. Never a fixed sleep.
 * `timeoutMs` may lengthen the wait beyond MIN_WAIT_MS, never shorten it.
 */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  options: { what: string; timeoutMs?: number; intervalMs?: number } = { what: 'condition' },
): Promise<NonNullable<T>> {
  const deadline = Date.now() + Math.max(options.timeoutMs ?? 0, MIN_WAIT_MS);
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${options.what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}

/**
 * Polls `remaining` until it reaches 0, failing only when it has not gone down for `stallMs`
 * (at least MIN_WAIT_MS): long work on a loaded machine is slow, not stuck, and a fixed deadline
 * for the whole of it would turn slowness into a red run.
 */
export async function waitForDrain(
  remaining: () => Promise<number>,
  options: { what: string; stallMs?: number; intervalMs?: number },
): Promise<void> {
  const stallMs = Math.max(options.stallMs ?? 0, MIN_WAIT_MS);
  let best = Number.POSITIVE_INFINITY;
  let movedAt = Date.now();
  for (;;) {
    const left = await remaining();
    if (left === 0) return;
    if (left < best) {
      best = left;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > stallMs) {
      throw new Error(`Stalled waiting for ${options.what}: ${left} left, none finished in ${Math.round(stallMs / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}
