import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StandaloneSignIn } from './app/standalone-sign-in';
import { APP_BASE, startScreenSearch } from './app/start-screen';
import { session } from './shared/auth/session';
import { createHandover } from './app/handover';
import { loadQueryClient } from './shared/api/query-client-loader';
import { loadMainNav } from './shared/layout/main-nav-loader';
import { activateLocale, i18n } from './shared/i18n/i18n';
import { initialLocale } from './shared/i18n/locales';
import { registerServiceWorker } from './shared/pwa/register-service-worker';
import './shared/design/tokens.css';
import './shared/design/base.css';
import './shared/design/components.css';

// The full app (the router and every screen's route) is a chunk of its own, asked for at once.
const fullApp = import('./app/app');

await activateLocale(initialLocale());
const root = createRoot(document.getElementById('root')!);
const signInSearch = startScreenSearch(window.location, session.mayBeSignedIn());
if (signInSearch) {
  // Opened on the app's root without a session: the address says where the person is, as the router's redirect would.
  if (!window.location.pathname.startsWith(`${APP_BASE}/sign-in`)) window.history.replaceState(null, '', `${APP_BASE}/sign-in`);
  // The page opened on the sign-in screen: it shows without waiting for the router (issue 14), while
  // the full app, TanStack Query and home download; the app takes over when the person signs in
  // or follows a link, at that path.
  void loadQueryClient().catch(() => undefined);
  void loadMainNav().catch(() => undefined);
  void fullApp.then(({ preloadHome }) => preloadHome()).catch(() => undefined);
  const navigate = createHandover(
    async () => {
      const { App, createAppRouter } = await fullApp;
      return async (href) => {
        const router = createAppRouter();
        router.history.push(`${APP_BASE}${href}`);
        // The next screen is ready (session, route code) before it replaces the sign-in screen.
        await router.load();
        root.render(
          <StrictMode>
            <App i18n={i18n} router={router} />
          </StrictMode>,
        );
      };
    },
    (url) => window.location.assign(url),
  );
  root.render(
    <StrictMode>
      <StandaloneSignIn i18n={i18n} search={signInSearch} navigate={navigate} />
    </StrictMode>,
  );
} else {
  const { App } = await fullApp;
  root.render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
}
registerServiceWorker();
