import { lazy } from 'react';

/** Loaded when first opened. */
export const SettingsDialog = lazy(() => import('./SettingsDialog'));

/** Shown when a message would send the API key to a new origin. */
export const KeyOriginDialog = lazy(() => import('./KeyOriginDialog'));
