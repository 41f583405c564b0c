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
