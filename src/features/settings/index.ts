import { lazy } from 'react';

/** Loaded when first opened. */
export const SettingsDialog = lazy(() => import('./SettingsDialog'));
