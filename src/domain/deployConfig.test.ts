import { describe, expect, it } from 'vitest';
import { readDeployConfig } from './deployConfig';

const keys = (problems: { key: string; params: unknown[] }[]) => problems.map((p) => `${p.key}:${p.params.join()}`);

describe('a deployer’s config.json', () => {
  it('takes every key it knows, trimmed', () => {
    const { config, problems } = readDeployConfig({
      endpoint: ' /bitseek/v1 ',
      model: 'bitseek-auto',
      models: ['a', 'b'],
      webSearch: { enabled: true, mode: 'force', maxResults: 8, freshness: 'day', lang: 'zh' },
      note: 'Ask #help.',
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      endpoint: '/bitseek/v1',
      model: 'bitseek-auto',
      models: ['a', 'b'],
      webSearch: { enabled: true, mode: 'force', maxResults: 8, freshness: 'day', lang: 'zh' },
      note: 'Ask #help.',
    });
  });

  it('leaves out what is unknown or of the wrong kind, says so, and keeps the rest', () => {
    const { config, problems } = readDeployConfig({
      model: 42,
      models: ['ok', 7],
      colour: 'blue',
      apiKey: 'sk-secret',
      note: '',
      webSearch: { enabled: 'yes', maxResults: 9, mode: 'auto', depth: 3 },
      endpoint: 'https://chat.example/v1',
    });
    expect(config).toEqual({ endpoint: 'https://chat.example/v1', webSearch: { mode: 'auto' } });
    expect(keys(problems)).toEqual([
      'configBadValue:model',
      'configBadValue:models',
      'configUnknownKey:colour',
      'configNoKey:',
      'configBadValue:note',
      'configBadValue:webSearch.enabled',
      'configBadValue:webSearch.maxResults',
      'configUnknownKey:webSearch.depth',
    ]);
  });

  it('is not used at all when it is not an object', () => {
    for (const value of [null, [], 'endpoint', 3]) expect(keys(readDeployConfig(value).problems)).toEqual(['configNotObject:']);
  });

  it('never takes a key named like a prototype’s', () => {
    const { config, problems } = readDeployConfig(JSON.parse('{"__proto__": {"endpoint": "https://evil.example"}, "constructor": 1}'));
    expect(config.endpoint).toBeUndefined();
    expect(keys(problems)).toEqual(['configUnknownKey:__proto__', 'configUnknownKey:constructor']);
  });
});
