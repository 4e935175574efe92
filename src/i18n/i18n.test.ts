import { describe, expect, it } from 'vitest';
import { en, loadLanguage, messagesFor, noteOf, resolveLanguage, said, say, sayNote, sayStored, templateParts, formatsFor } from './index';
import { zh } from './zh';

/** Every leaf of a dictionary: its path, and the string or function there. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

describe('the dictionaries', () => {
  it('say every English text in Chinese too, with the same parameters, none left empty or in English', () => {
    const english = new Map(leaves(en));
    const chinese = new Map(leaves(zh));
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, text] of english) {
      const other = chinese.get(path);
      expect(typeof other, path).toBe(typeof text);
      if (typeof text === 'function') expect((other as (...a: unknown[]) => string).length, path).toBe(text.length);
      if (typeof text === 'string') expect((other as string).trim().length, path).toBeGreaterThan(0);
    }
    // A sample that must differ: the controls of the contract.
    for (const path of [
      'chat.send',
      'chat.stop',
      'chat.retry',
      'settings.title',
      'search.enable',
      'conversations.resume',
      'inspector.open',
    ]) {
      expect(chinese.get(path), path).not.toBe(english.get(path));
    }
  });
});

describe('resolveLanguage', () => {
  it('follows the browser unless the person chose, and falls back to English', () => {
    expect(resolveLanguage('system', ['zh-CN', 'en'])).toBe('zh');
    expect(resolveLanguage('system', ['zh-Hant-TW'])).toBe('zh');
    expect(resolveLanguage('system', ['fr-FR', 'en-GB', 'zh'])).toBe('en');
    expect(resolveLanguage('system', ['fr-FR', 'de'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh', ['en-US'])).toBe('zh');
  });
});

describe('Said', () => {
  it('renders in each language, and keeps its English as the message', async () => {
    // Chinese is its own chunk: English stands in until it is loaded.
    expect(messagesFor('zh')).toBe(en);
    await loadLanguage('zh');
    expect(messagesFor('zh')).toBe(zh);
    const s = said('http', 429, 'Too Many Requests', 'slow down', '7');
    expect(say(en, s)).toBe('HTTP 429 Too Many Requests: slow down (too many requests) Retry after 7 s.');
    expect(say(messagesFor('zh'), s)).toBe('HTTP 429 Too Many Requests：slow down（请求过于频繁） 请在 7 秒 后重试。');
    expect(noteOf(s).message).toBe(say(en, s));
    expect(sayNote(messagesFor('zh'), noteOf(said('interrupted')))).toBe('回复完成之前服务器关闭了连接。');
  });

  it('falls back to the stored English for a key it does not know, even an inherited one', () => {
    expect(sayStored(zh, { key: 'no-such-key', params: [] }, 'as stored')).toBe('as stored');
    expect(sayStored(zh, { key: 'toString', params: [] }, 'as stored')).toBe('as stored');
    expect(sayStored(zh, undefined, 'as stored')).toBe('as stored');
    // a known key with parameters that do not fit it (a hand-made import): the stored text, no throw
    expect(sayStored(en, { key: 'notEventStream', params: [5] }, 'as stored')).toBe('as stored');
    expect(sayStored(zh, { key: 'notEventStream', params: [] }, 'as stored')).toBe('as stored');
  });
});

describe('templateParts', () => {
  it('splits text and named slots in order', () => {
    expect(templateParts('open {url} and {key}.')).toEqual([
      { text: 'open ' },
      { text: '', slot: 'url' },
      { text: ' and ' },
      { text: '', slot: 'key' },
      { text: '.' },
    ]);
    expect(templateParts('{a}')).toEqual([{ text: '', slot: 'a' }]);
    expect(templateParts('no slots')).toEqual([{ text: 'no slots' }]);
  });
});

describe('formats', () => {
  it('formats numbers and dates in each language', () => {
    expect(formatsFor(en).number(12345.67)).toBe('12,345.7');
    expect(formatsFor(zh).number(12345)).toBe('12,345');
    const when = Date.UTC(2026, 10, 26, 12, 0);
    expect(formatsFor(zh).dateTime(when)).toMatch(/2026年11月2[67]日/);
    expect(formatsFor(en).dateTime(when)).toMatch(/Nov 2[67], 2026/);
  });
});
