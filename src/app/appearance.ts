import { useEffect } from 'react';
import { warmFormats } from '../i18n';
import { useT } from '../i18n/useT';
import { useSettingsStore } from '../store/settingsStore';
import { whenIdle } from '../ui/idle';

declare global {
  interface Window {
    /** From public/theme.js, loaded before the app: the one place that resolves the theme. */
    applyTheme?: (preference: string) => void;
  }
}

/** Keeps the page's theme and language (`<html lang>`, for screen readers and fonts) in step with Settings. */
export function useAppearance(): void {
  const theme = useSettingsStore((s) => s.theme);
  const t = useT();
  const tag = t.tag;
  useEffect(() => window.applyTheme?.(theme), [theme]);
  useEffect(() => {
    document.documentElement.lang = tag;
  }, [tag]);
  // Number and date formatters take milliseconds to make: at idle, not in a streaming frame.
  useEffect(() => whenIdle(() => warmFormats(t)), [t]);
}
