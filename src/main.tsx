import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { config as zodConfig } from 'zod/mini';
import { App } from './app/App';
import { listenForInstallPrompt, registerPwa } from './app/pwa';
import { validateStoredValues } from './features/cities';
import { configureDefaultProfileStore } from './features/profiles/storage';
import { createI18n } from './i18n';
import './styles.css';

// The CSP has no 'unsafe-eval'. zod's JIT (classic object schemas) probes `new Function`, and the probe alone is
// reported as a CSP violation even though zod catches it; jitless keeps it from trying.
zodConfig({ jitless: true });

configureDefaultProfileStore({ validateValues: validateStoredValues });
const i18n = createI18n();

listenForInstallPrompt();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
// After the first render; a no-op where there is no service worker (iOS WeChat), the app works as a page.
void registerPwa();
