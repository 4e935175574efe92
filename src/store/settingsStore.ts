import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { SIMULATOR_ENDPOINT } from '../api/endpoint';
import { DEFAULT_FIRST_BYTE_TIMEOUT_MS } from '../api/stream';
import { DEFAULT_MODEL } from '../api/request';
import { DEFAULT_TEMPERATURE, DEFAULT_WEB_SEARCH, type WebSearchOptions } from '../domain/normalize';
import { EMPTY_TOOLS, type ToolsConfig } from '../domain/tools';

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
}

interface SettingsState extends Settings {
  update: (patch: Partial<Settings>) => void;
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
};

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      ...DEFAULT_SETTINGS,
      update: (patch) => set(patch),
    }),
    {
      name: 'bitseek-chat.settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      // The key is written to disk only when the person asked for it.
      partialize: ({ update: _update, ...s }) => ({ ...s, apiKey: s.rememberKey ? s.apiKey : '' }),
    },
  ),
);
