import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { Guarded } from './ui/ErrorBoundary';
import { loadLanguage } from './i18n';
import { currentLanguage } from './i18n/useT';
import { useDeployStore } from './store/deployStore';
import { readEarly } from './store/persistence';
import './index.css';

// What the first screen waits for begins now, not after the first render: the stored
// conversations, and the start checks (config.json, whether the simulator answers).
readEarly();
void useDeployStore.getState().start();
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
