/** Polls until `check` answers truthy, or fails naming what it waited for. Never a fixed sleep. */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  options: { what: string; timeoutMs?: number; intervalMs?: number } = { what: 'condition' },
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
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
