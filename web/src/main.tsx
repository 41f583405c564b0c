import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { activateLocale, i18n } from './shared/i18n/i18n';
import { initialLocale } from './shared/i18n/locales';
import { registerServiceWorker } from './shared/pwa/register-service-worker';
import './shared/design/tokens.css';
import './shared/design/base.css';
import './shared/design/components.css';

await activateLocale(initialLocale());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
registerServiceWorker();
