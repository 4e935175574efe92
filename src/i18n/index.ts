import { en, type Messages } from './en';

export { en, type Messages };

/** What the person chose in Settings; 'system' follows the browser. */
export type LanguagePreference = 'system' | 'en' | 'zh';
export type Language = 'en' | 'zh';
export const LANGUAGE_PREFERENCES: readonly LanguagePreference[] = ['system', 'en', 'zh'];
/** Each language's name in itself, as a person looking for it would recognise it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '简体中文' };

// English is built in; Chinese is a chunk of its own, loaded before the first render for
// those who read it (see main.tsx) and when the language is switched to it.
const MESSAGES: Partial<Record<Language, Messages>> = { en };
const loading = new Map<Language, Promise<void>>();
const loadedListeners = new Set<() => void>();
let languagesLoaded = 0;

/** Loads a language's words; resolves at once when they are here. Never rejects (English stands in). */
export function loadLanguage(language: Language): Promise<void> {
  if (Object.hasOwn(MESSAGES, language) || language !== 'zh') return Promise.resolve();
  let load = loading.get(language);
  if (!load) {
    load = import('./zh').then(
      (m) => {
        MESSAGES.zh = m.zh;
        languagesLoaded++;
        loadedListeners.forEach((listener) => listener());
      },
      () => void loading.delete(language), // asked again by the next render
    );
    loading.set(language, load);
  }
  return load;
}

/** Told when a language's words arrive. */
export function onLanguageLoaded(listener: () => void): () => void {
  loadedListeners.add(listener);
  return () => void loadedListeners.delete(listener);
}

export const languagesLoadedCount = (): number => languagesLoaded;

/** The browser's first preferred language that the app speaks, else English. */
export function resolveLanguage(preference: LanguagePreference, browserLanguages: readonly string[]): Language {
  if (preference === 'en' || preference === 'zh') return preference;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** The language's words; English for anything else (a hand-edited setting, say), and while they load. */
export const messagesFor = (language: Language): Messages => (Object.hasOwn(MESSAGES, language) ? MESSAGES[language]! : en);

type Problems = Messages['problems'];
type ProblemKey = keyof Problems;

/**
 * A text that a layer below the UI (protocol, domain, storage) describes by key
 * and parameters, so that each person reads it in their language, even later
 * from storage. Its English rendering is kept beside it as the plain message.
 */
export type Said = { [K in ProblemKey]: { key: K; params: Parameters<Problems[K]> } }[ProblemKey];
/** A Said as it comes back from storage or an import: checked before use. */
export interface StoredSaid {
  key: string;
  params: (string | number | boolean)[];
}

export const said = <K extends ProblemKey>(key: K, ...params: Parameters<Problems[K]>): Said => ({ key, params }) as Said;

/** A Said in the given language. */
export function say(t: Messages, s: Said): string {
  return (t.problems[s.key] as (...params: unknown[]) => string)(...s.params);
}

/**
 * A stored Said in the given language, or the stored English text when the key is not
 * (or no longer) known, or its parameters do not fit it (a hand-made import, say).
 */
export function sayStored(t: Messages, s: StoredSaid | undefined, fallback: string): string {
  if (!s || !Object.hasOwn(t.problems, s.key)) return fallback;
  // English, the source, declares every parameter (a translation may leave some unused).
  if ((en.problems[s.key as ProblemKey] as (...p: unknown[]) => string).length !== s.params.length) return fallback;
  try {
    const text: unknown = say(t, s as Said);
    return typeof text === 'string' ? text : fallback;
  } catch {
    return fallback;
  }
}

/** Splits a template such as "open {url} now" into text and the named slots, in order. */
export function templateParts(template: string): { text: string; slot?: string }[] {
  const out: { text: string; slot?: string }[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) out.push({ text: template.slice(last, m.index) });
    out.push({ text: '', slot: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push({ text: template.slice(last) });
  return out;
}

export interface Formats {
  number: (n: number) => string;
  /** Date and time of a timestamp, short. */
  dateTime: (ms: number) => string;
}

const formats = new Map<string, Formats>();

/** Numbers and dates in the language's own conventions (one formatter per language). */
export function formatsFor(t: Messages): Formats {
  let f = formats.get(t.tag);
  if (!f) {
    // Built on first use: an Intl formatter costs milliseconds to make (see warmFormats).
    let number: Intl.NumberFormat | undefined;
    let dateTime: Intl.DateTimeFormat | undefined;
    f = {
      number: (n) => (number ??= new Intl.NumberFormat(t.tag, { maximumFractionDigits: 1 })).format(n),
      dateTime: (ms) => (dateTime ??= new Intl.DateTimeFormat(t.tag, { dateStyle: 'medium', timeStyle: 'short' })).format(ms),
    };
    formats.set(t.tag, f);
  }
  return f;
}

/** Makes the language's formatters ahead of need, so that the first reply's numbers do not cost a frame. */
export function warmFormats(t: Messages): void {
  const f = formatsFor(t);
  f.number(0);
  f.dateTime(0);
}

/** An error whose text is a Said: its message is the English, its `said` renders in any language. */
export class SaidError extends Error {
  readonly said: Said;
  constructor(s: Said) {
    super(say(en, s));
    this.said = s;
  }
}

/** What an error says, in the given language when it is a Said. */
export function sayError(t: Messages, error: unknown): string {
  if (error instanceof SaidError) return say(t, error.said);
  return error instanceof Error ? error.message : String(error);
}

/** A text kept as English plus, where the app wrote it, the key that renders it in any language. */
export interface Note {
  message: string;
  said?: StoredSaid;
}

/** A note, in the given language. */
export const sayNote = (t: Messages, note: Note): string => sayStored(t, note.said, note.message);

/** A Said kept as a note: its English text and its key. */
export const noteOf = (s: Said): Note => ({ message: say(en, s), said: s });
