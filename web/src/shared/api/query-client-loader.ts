import type { QueryClient } from '@tanstack/react-query';

let client: QueryClient | undefined;
let loading: Promise<QueryClient> | undefined;
const listeners = new Set<() => void>();

/**
 * The app's one QueryClient. TanStack Query (about 10 KB of brotli) is not needed to show the sign-in
 * screen, so it comes in a chunk of its own (with home and the signed-in navigation: vite.config.ts),
 * asked for as soon as the first screen starts (App) and awaited by the signed-in branch's beforeLoad:
 * on a 50 KB/s phone it downloads while the sign-in screen is being drawn and filled in (issue 14).
 */
export function loadQueryClient(): Promise<QueryClient> {
  loading ??= import('./query-client').then(({ createQueryClient }) => {
    client = createQueryClient();
    // What QueryClientProvider would do on mount: refetch on focus and on reconnect.
    client.mount();
    for (const listener of listeners) listener();
    return client;
  });
  // A failed download (offline) is tried again by the next caller.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The client once loaded, else undefined (nothing that needs it renders before it is). */
export function loadedQueryClient(): QueryClient | undefined {
  return client;
}

export function subscribeQueryClient(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
