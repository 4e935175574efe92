import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readStoredSettings, useSettingsStore } from './settingsStore';

describe('readStoredSettings', () => {
  it('keeps what is stored well, and drops what is missing, of the wrong kind or unknown', () => {
    expect(readStoredSettings({ endpoint: 'https://h.example/v1', model: 'm', temperature: 1.2, language: 'zh', theme: 'dark' })).toEqual({
      endpoint: 'https://h.example/v1',
      model: 'm',
      temperature: 1.2,
      language: 'zh',
      theme: 'dark',
    });
    const hostile = {
      endpoint: null,
      language: 'constructor',
      theme: '__proto__',
      temperature: 'hot',
      apiKey: 5,
      lastTools: { json: 1, disabled: 'x' },
      firstByteTimeoutMs: -1,
      extra: 'x',
    };
    expect(readStoredSettings(hostile)).toEqual({});
    expect(readStoredSettings(null)).toEqual({});
    expect(readStoredSettings({ lastWebSearch: { enabled: true, maxResults: 99 } }).lastWebSearch).toMatchObject({
      enabled: true,
      maxResults: 8,
    });
    expect(Object.keys(readStoredSettings({ ...DEFAULT_SETTINGS })).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});

describe('a deployer’s defaults', () => {
  it('apply to what the person has not set, never over what they have', () => {
    const store = useSettingsStore.getState();
    store.update({ model: 'mine' });
    store.applyDefaults({ model: 'the-deployers', endpoint: '/bitseek/v1' });
    expect(useSettingsStore.getState()).toMatchObject({ model: 'mine', endpoint: '/bitseek/v1' });
    expect(useSettingsStore.getState().chosen).toEqual(['model']);
  });
});
