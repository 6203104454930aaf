import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-gapcursor/style/gapcursor.css';
import './styles/app.css';
import './styles/editor.css';
import { initI18n } from './i18n/index';
import { createHostClient } from './api/client';
import { App } from './app/App';
import { applyTheme, storedTheme } from './appearance/theme';
import { applyZoom, storedZoom } from './appearance/zoom';

// Before the first paint, so the window never flashes the wrong theme or size.
applyTheme(storedTheme());
applyZoom(storedZoom());

const i18n = initI18n();
const client = createHostClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App client={client} />
    </I18nextProvider>
  </StrictMode>,
);
