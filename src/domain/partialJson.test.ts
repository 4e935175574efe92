import { describe, expect, it } from 'vitest';
import { MAX_ARGUMENT_DEPTH, MAX_LIVE_ARGUMENTS, nestingDepth, readArguments } from './partialJson';

describe('readArguments', () => {
  it('reads arguments as far as they have arrived, then strictly', () => {
    expect(readArguments('{"city": "Sing', true)).toEqual({ status: 'streaming', value: { city: 'Sing' } });
    expect(readArguments('{"city": "Singapore"}', false)).toEqual({ status: 'complete', value: { city: 'Singapore' } });
    expect(readArguments('{"city": ', false)).toEqual({ status: 'invalid', raw: '{"city": ' });
    expect(readArguments('', false)).toEqual({ status: 'complete', value: {} });
  });

  it.each([
    ['[', '['.repeat(20_000)],
    ['{"a":', '{"a":'.repeat(20_000)],
    ['[ closed', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
    ['{"a":[', '{"a":['.repeat(10_000)],
  ])('gives nested arguments (%s × many) back as text, streaming or not', (_name, text) => {
    for (const streaming of [true, false]) {
      const view = readArguments(text, streaming);
      expect(view).toMatchObject({ status: 'unread', why: text.length > MAX_LIVE_ARGUMENTS && streaming ? 'long' : 'deep' });
    }
  });

  it('reads arguments nested up to the limit', () => {
    const text = `${'['.repeat(MAX_ARGUMENT_DEPTH)}1${']'.repeat(MAX_ARGUMENT_DEPTH)}`;
    expect(readArguments(text, false).status).toBe('complete');
    expect(readArguments(`[${text}]`, false).status).toBe('unread');
  });

  it('does not parse long arguments again on every update while they stream', () => {
    const text = `{"a": "${'x'.repeat(MAX_LIVE_ARGUMENTS)}"}`;
    expect(readArguments(text, true)).toMatchObject({ status: 'unread', why: 'long', streaming: true });
    expect(readArguments(text, false).status).toBe('complete');
  });

  it('counts depth outside strings only', () => {
    expect(nestingDepth('{"a": "[[[[{{{\\"[[["}')).toBe(1);
    expect(nestingDepth('[[]][[[')).toBe(3);
  });

  it('never throws, whatever arrives', async () => {
    const fc = await import('fast-check');
    const piece = fc.constantFrom('[', ']', '{', '}', '"', '\\', ':', ',', '1', 'true', 'a', ' ', '"k":', '/*', '//', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.boolean(), (pieces, streaming) => {
        readArguments(pieces.join(''), streaming);
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.boolean(), (text, streaming) => void readArguments(text, streaming)));
  });
});
