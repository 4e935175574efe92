import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { Guarded } from './ui/ErrorBoundary';
import { loadLanguage } from './i18n';
import { currentLanguage } from './i18n/useT';
import './index.css';

// The first render is in the reader's language: Chinese, a chunk of its own, is here first.
void loadLanguage(currentLanguage()).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Guarded>
        <App />
      </Guarded>
    </StrictMode>,
  ),
);
