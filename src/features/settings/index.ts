import { lazy } from 'react';

/** Loaded when first opened. */
export const SettingsDialog = lazy(() => import('./SettingsDialog'));

/** Shown when a message would send the API key to a new origin. */
export const KeyOriginDialog = lazy(() => import('./KeyOriginDialog'));

/** The first screen where there is no simulator and no endpoint set. */
export const ConnectStep = lazy(() => import('./ConnectStep'));
