import { useEffect, useState, useSyncExternalStore } from 'react';
import { QueryClientContext } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { I18nProvider } from '@lingui/react';
import type { I18n } from '@lingui/core';
import { loadedQueryClient, loadQueryClient, subscribeQueryClient } from '../shared/api/query-client-loader';
import { preloadHome } from '../features/home/routes';
import { type AppRouter, createAppRouter } from './router';

export { createAppRouter } from './router';
export { preloadHome } from '../features/home/routes';

interface AppProps {
  i18n: I18n;
  /** A router already loaded at its location (the handover from the sign-in screen: main.tsx), else a new one. */
  router?: AppRouter;
}

/** The full app: the router and every screen. */
export function App({ i18n, router: given }: AppProps) {
  const [router] = useState(() => given ?? createAppRouter());
  // The provider is there from the first render and gets its client when TanStack Query has loaded
  // (query-client-loader.ts): the screens below never remount, and only the signed-in ones use it.
  const queryClient = useSyncExternalStore(subscribeQueryClient, loadedQueryClient);
  useEffect(() => {
    void loadQueryClient().catch(() => undefined);
    void preloadHome().catch(() => undefined);
  }, []);
  return (
    <I18nProvider i18n={i18n}>
      <QueryClientContext.Provider value={queryClient}>
        <RouterProvider router={router} />
      </QueryClientContext.Provider>
    </I18nProvider>
  );
}
