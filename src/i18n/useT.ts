import { useSettingsStore } from '../store/settingsStore';
import { formatsFor, messagesFor, resolveLanguage, type Formats, type Language, type Messages } from './index';

const browserLanguages = () => (typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);

/** The language the app speaks now: the one chosen in Settings, else the browser's. */
export function useLanguage(): Language {
  const preference = useSettingsStore((s) => s.language);
  return resolveLanguage(preference, browserLanguages());
}

/** The app's words in the current language. */
export function useT(): Messages {
  return messagesFor(useLanguage());
}

/** The app's words and number/date formats in the current language. */
export function useI18n(): { t: Messages; f: Formats } {
  const t = useT();
  return { t, f: formatsFor(t) };
}

/** For code outside components (toasts from actions): the words of the moment. */
export function currentT(): Messages {
  return messagesFor(resolveLanguage(useSettingsStore.getState().language, browserLanguages()));
}
