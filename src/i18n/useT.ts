import { useSyncExternalStore } from 'react';
import { useSettingsStore } from '../store/settingsStore';
import {
  formatsFor,
  languagesLoadedCount,
  loadLanguage,
  messagesFor,
  onLanguageLoaded,
  resolveLanguage,
  type Formats,
  type Language,
  type LanguagePreference,
  type Messages,
} from './index';

const browserLanguages = () => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));

// The browser's language, read once and again when the person changes it (not at every
// render of every component that has words: a reply's code blocks and links are many).
let browserLanguage = resolveLanguage('system', browserLanguages());
const listeners = new Set<() => void>();
if (typeof window !== 'undefined')
  window.addEventListener('languagechange', () => {
    browserLanguage = resolveLanguage('system', browserLanguages());
    listeners.forEach((listener) => listener());
  });
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const getBrowserLanguage = () => browserLanguage;
const languageFor = (preference: LanguagePreference, browser: Language): Language => (preference === 'system' ? browser : preference);

/** The language the app speaks now: the one chosen in Settings, else the browser's (followed as it changes). */
function useLanguage(): Language {
  const preference = useSettingsStore((s) => s.language);
  const browser = useSyncExternalStore(subscribe, getBrowserLanguage, getBrowserLanguage);
  return languageFor(preference, browser);
}

/** The app's words in the current language (loaded if they are not yet: English meanwhile). */
export function useT(): Messages {
  const language = useLanguage();
  useSyncExternalStore(onLanguageLoaded, languagesLoadedCount, languagesLoadedCount);
  void loadLanguage(language);
  return messagesFor(language);
}

/** The app's words and number/date formats in the current language. */
export function useI18n(): { t: Messages; f: Formats } {
  const t = useT();
  return { t, f: formatsFor(t) };
}

/** The language the app speaks now, outside components. */
export const currentLanguage = (): Language => languageFor(useSettingsStore.getState().language, browserLanguage);

/** For code outside components (toasts from actions): the words of the moment. */
export function currentT(): Messages {
  return messagesFor(currentLanguage());
}
