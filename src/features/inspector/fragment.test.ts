import { describe, expect, it } from 'vitest';
import { fragmentOf } from './fragment';

describe('a raw event row’s head', () => {
  it('is what the chunk adds: text, reasoning, tool arguments, or how it ended', () => {
    expect(fragmentOf('{"choices":[{"delta":{"content":"Hel\\nlo"}}]}')).toBe('"Hel\\nlo"');
    expect(fragmentOf('{"choices":[{"delta":{"reasoning_content":"hmm"}}]}')).toBe('"hmm"');
    expect(fragmentOf('{"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city"}}]}}]}')).toBe('"{\\"city"');
    expect(fragmentOf('{"choices":[{"delta":{},"finish_reason":"stop"}]}')).toBe('⏹ stop');
  });

  it('is nothing for what adds nothing, or is not JSON', () => {
    for (const data of [
      '[DONE]',
      '',
      '{"choices":[{"delta":{"role":"assistant","content":""}}]}',
      '{not json',
      'null',
      '{"choices":null}',
    ]) {
      expect(fragmentOf(data)).toBeUndefined();
    }
  });
});
