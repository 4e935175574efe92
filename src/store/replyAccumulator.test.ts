import { describe, expect, it } from 'vitest';
import { en, sayNote } from '../i18n';
import { accumulate, MAX_TOOL_CALLS, newAccumulator, replyFields } from './replyAccumulator';

const delta = (index: number, args: string, name?: string) => ({
  type: 'toolCallDelta' as const,
  index,
  arguments: args,
  ...(name ? { name, id: `call_${index}` } : {}),
});

describe('tool calls of a reply', () => {
  it('merges deltas by index, in index order whatever order they come in', () => {
    const acc = newAccumulator();
    for (const d of [delta(2, '{', 'c'), delta(0, '{', 'a'), delta(1, '{}', 'b'), delta(0, '}'), delta(2, '}')]) accumulate(acc, d);
    expect(replyFields(acc).toolCalls).toEqual([
      { index: 0, id: 'call_0', type: 'function', name: 'a', arguments: '{}' },
      { index: 1, id: 'call_1', type: 'function', name: 'b', arguments: '{}' },
      { index: 2, id: 'call_2', type: 'function', name: 'c', arguments: '{}' },
    ]);
  });

  it(`keeps the first ${MAX_TOOL_CALLS} calls, and says how many were asked for`, () => {
    const acc = newAccumulator();
    for (let i = 0; i < 15_000; i++) accumulate(acc, delta(i, '{}', 'f'));
    for (let i = 0; i < 15_000; i++) accumulate(acc, delta(i, ' ')); // more for each: counted once
    const fields = replyFields(acc);
    expect(fields.toolCalls).toHaveLength(MAX_TOOL_CALLS);
    expect(fields.toolCalls!.at(-1)).toMatchObject({ index: MAX_TOOL_CALLS - 1, arguments: '{} ' });
    expect(fields.warnings!.map((w) => sayNote(en, w))).toEqual([
      `The model asked for 15000 tool calls in this reply; only the first ${MAX_TOOL_CALLS} are kept and shown.`,
    ]);
  });

  it('takes many deltas in linear time', () => {
    const acc = newAccumulator();
    const start = performance.now();
    // Out of order, many calls, many pieces each: no search or sort per delta.
    for (let round = 0; round < 20; round++) for (let i = 20_000; i > 0; i--) accumulate(acc, delta(i, 'x', round ? undefined : 'f'));
    expect(performance.now() - start).toBeLessThan(500);
    expect(acc.toolCalls.map((c) => c.index)).toEqual(Array.from({ length: MAX_TOOL_CALLS }, (_, i) => 20_000 - MAX_TOOL_CALLS + 1 + i));
  });

  it('appends name pieces as OpenAI does; a whole name repeated with the arguments is not doubled', () => {
    const split = newAccumulator();
    for (const d of [{ name: 'get_', id: 'c1' }, { name: 'get_x' }, { arguments: '{}' }])
      accumulate(split, { type: 'toolCallDelta', index: 0, ...d });
    expect(split.toolCalls[0]!.name).toBe('get_get_x');
    const repeated = newAccumulator();
    for (const d of [
      { name: 'get_weather', id: 'c1', arguments: '' },
      { name: 'get_weather', arguments: '{"city"' },
      { name: 'get_weather', arguments: ':"Oslo"}' },
    ])
      accumulate(repeated, { type: 'toolCallDelta', index: 0, ...d });
    expect(repeated.toolCalls[0]).toMatchObject({ name: 'get_weather', arguments: '{"city":"Oslo"}' });
  });
});

describe('warnings of a reply', () => {
  it('keeps the first ones and counts the rest', () => {
    const acc = newAccumulator();
    for (let i = 0; i < 100_000; i++) accumulate(acc, { type: 'warning', said: { key: 'skippedEvent', params: [`e${i}`] } });
    const warnings = replyFields(acc).warnings!;
    expect(warnings.length).toBeLessThanOrEqual(51);
    expect(sayNote(en, warnings.at(-1)!)).toContain(`${100_000 - warnings.length + 1} more warnings`);
  });
});
