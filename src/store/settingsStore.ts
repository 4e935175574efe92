import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { endpointOrigin, SIMULATOR_ENDPOINT, withoutCredentials } from '../api/endpoint';
import { DEFAULT_FIRST_BYTE_TIMEOUT_MS, DEFAULT_MODEL } from '../api/request';
import { DEFAULT_TEMPERATURE, DEFAULT_WEB_SEARCH, normalizeWebSearch, type WebSearchOptions } from '../domain/normalize';
import { EMPTY_TOOLS, type ToolsConfig } from '../domain/tools';
import { LANGUAGE_PREFERENCES, type LanguagePreference } from '../i18n';

export type ThemePreference = 'system' | 'light' | 'dark';
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

export interface Settings {
  endpoint: string;
  /** With rememberKey off, the key lives in this tab's memory only. */
  apiKey: string;
  rememberKey: boolean;
  model: string;
  temperature: number;
  systemPrompt: string;
  firstByteTimeoutMs: number;
  /** The web-search options last used: a new chat starts from them. */
  lastWebSearch: WebSearchOptions;
  /** The tools last used: a new chat starts with them. */
  lastTools: ToolsConfig;
  /** The origin the API key was entered or confirmed for: it is sent nowhere else without asking. */
  keyOrigin: string;
  /** The app's language; 'system' follows the browser. */
  language: LanguagePreference;
  theme: ThemePreference;
  /** Rounds of MCP tool calls run and answered in a row, by themselves, before the app stops and says so. */
  maxToolRounds: number;
}

interface SettingsState extends Settings {
  /** The settings the person set: a deployer's defaults (config.json) never replace them. */
  chosen: (keyof Settings)[];
  /** The person changes settings. */
  update: (patch: Partial<Settings>) => void;
  /** A deployer's defaults, for what the person has not set. */
  applyDefaults: (defaults: Partial<Settings>) => void;
}

export const DEFAULT_SETTINGS: Settings = {
  endpoint: SIMULATOR_ENDPOINT,
  apiKey: '',
  rememberKey: false,
  model: DEFAULT_MODEL,
  temperature: DEFAULT_TEMPERATURE,
  systemPrompt: '',
  firstByteTimeoutMs: DEFAULT_FIRST_BYTE_TIMEOUT_MS,
  lastWebSearch: { ...DEFAULT_WEB_SEARCH },
  lastTools: { ...EMPTY_TOOLS, disabled: [] },
  keyOrigin: '',
  language: 'system',
  theme: 'system',
  maxToolRounds: 10,
};

/** The origin the key would now go to, when that is not the one it was given for. */
export function unconfirmedKeyOrigin(s: Settings): string | undefined {
  if (!s.apiKey.trim()) return undefined;
  const origin = endpointOrigin(s.endpoint);
  return origin && origin !== s.keyOrigin ? origin : undefined;
}

/**
 * Settings as stored, checked field by field: what is missing or of the wrong kind (an
 * older version's, or one written by hand) takes its default, never the app down.
 */
export function readStoredSettings(stored: unknown): Partial<Settings> {
  if (typeof stored !== 'object' || stored === null) return {};
  const s = stored as Record<string, unknown>;
  const out: Partial<Record<keyof Settings, unknown>> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (Object.hasOwn(s, key) && typeof s[key] === typeof DEFAULT_SETTINGS[key] && s[key] !== null) out[key] = s[key];
  }
  if (out.language !== undefined && !LANGUAGE_PREFERENCES.includes(out.language as LanguagePreference)) delete out.language;
  if (out.theme !== undefined && !THEME_PREFERENCES.includes(out.theme as ThemePreference)) delete out.theme;
  if (out.temperature !== undefined && !Number.isFinite(out.temperature)) delete out.temperature;
  if (out.maxToolRounds !== undefined && !(Number.isInteger(out.maxToolRounds) && Number(out.maxToolRounds) >= 1)) delete out.maxToolRounds;
  if (out.firstByteTimeoutMs !== undefined && !(Number(out.firstByteTimeoutMs) >= 1000)) delete out.firstByteTimeoutMs;
  if (out.lastWebSearch !== undefined) out.lastWebSearch = normalizeWebSearch(out.lastWebSearch);
  const tools = out.lastTools as Partial<ToolsConfig> | undefined;
  if (
    tools !== undefined &&
    !(typeof tools.json === 'string' && Array.isArray(tools.disabled) && tools.disabled.every((n) => typeof n === 'string'))
  )
    delete out.lastTools;
  return out as Partial<Settings>;
}

/**
 * What the person set, as stored; settings stored before it was kept: those that differ
 * from the defaults.
 */
function readChosen(stored: Record<string, unknown>, settings: Partial<Settings>): (keyof Settings)[] {
  const keys = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
  const chosen = stored.chosen;
  if (Array.isArray(chosen)) return keys.filter((key) => chosen.includes(key));
  return keys.filter((key) => settings[key] !== undefined && JSON.stringify(settings[key]) !== JSON.stringify(DEFAULT_SETTINGS[key]));
}

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      ...DEFAULT_SETTINGS,
      chosen: [],
      update: (patch) =>
        set((s) => ({
          ...patch,
          // Typing a key binds it to the endpoint it was typed for.
          ...(patch.apiKey !== undefined && patch.keyOrigin === undefined && { keyOrigin: endpointOrigin(patch.endpoint ?? s.endpoint) }),
          chosen: [...new Set([...s.chosen, ...(Object.keys(patch) as (keyof Settings)[])])],
        })),
      applyDefaults: (defaults) =>
        set((s) => Object.fromEntries(Object.entries(defaults).filter(([key]) => !s.chosen.includes(key as keyof Settings)))),
    }),
    {
      // public/theme.js reads `theme` from this key before the app starts.
      name: 'bitseek-chat.settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      merge: (stored, current) => {
        const settings = readStoredSettings(stored);
        const chosen = typeof stored === 'object' && stored !== null ? readChosen(stored as Record<string, unknown>, settings) : [];
        return { ...current, ...settings, chosen };
      },
      // The key is written to disk only when the person asked for it; a password in a URL never.
      partialize: ({ update: _update, applyDefaults: _applyDefaults, ...s }) => ({
        ...s,
        apiKey: s.rememberKey ? s.apiKey : '',
        endpoint: withoutCredentials(s.endpoint),
      }),
    },
  ),
);
