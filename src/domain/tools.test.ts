import { describe, expect, it } from 'vitest';
import { readArguments } from './partialJson';
import { lineAndColumn, parseToolsJson, TOOL_PRESETS, toolsToSend, withPreset } from './tools';

const weather = JSON.stringify([TOOL_PRESETS.get_weather], null, 2);

describe('parseToolsJson', () => {
  it('accepts nothing and a valid array', () => {
    expect(parseToolsJson('  ')).toEqual({ tools: [], problems: [] });
    expect(parseToolsJson(weather).tools).toEqual([TOOL_PRESETS.get_weather]);
  });

  it('reports syntax errors with line and column', () => {
    const text = '[\n  {"type": "function"\n   "function": {}}\n]';
    expect(parseToolsJson(text).problems).toEqual([
      {
        message: 'Syntax error at line 3, column 4: comma expected.',
        said: { key: 'jsonSyntax', params: [3, 4, 'CommaExpected'] },
        line: 3,
        column: 4,
      },
    ]);
    expect(parseToolsJson('[{"type": "function",}]').problems[0]).toMatchObject({ line: 1, column: 22 });
    expect(parseToolsJson('[{"a": "unterminated').problems[0]?.message).toMatch(/unterminated string/);
  });

  it('reports shape errors, each tool by number', () => {
    const text = JSON.stringify([
      { type: 'tool', function: { name: 'ok_name' } },
      { type: 'function', function: { name: 'has space' } },
      { type: 'function', function: { name: 'ok_name' } },
      { type: 'function', function: { name: 'p', parameters: [] } },
      { type: 'function' },
      'nope',
    ]);
    expect(parseToolsJson(text).problems.map((p) => p.message)).toEqual([
      'Tool 1: "type" must be "function".',
      'Tool 2: "function.name" must be 1–64 letters, digits, _ or - (got "has space").',
      'Tool 3: the name "ok_name" is already used by tool 1.',
      'Tool 4: "function.parameters" must be a JSON-schema object ({"type": "object", "properties": …}).',
      'Tool 5: "function" must be an object with a name.',
      'Tool 6: must be an object.',
    ]);
    expect(parseToolsJson('{"type":"function"}').problems[0]?.message).toMatch(/must be an array/);
    expect(parseToolsJson(JSON.stringify([{ type: 'function', function: { name: 'x'.repeat(65) } }])).problems).toHaveLength(1);
  });

  it('sends only tools that are switched on, and none while there are problems', () => {
    const both = JSON.stringify([TOOL_PRESETS.get_weather, TOOL_PRESETS.get_time]);
    expect(toolsToSend({ json: both, disabled: ['get_time'] }).tools.map((t) => t.function.name)).toEqual(['get_weather']);
    expect(toolsToSend({ json: '[', disabled: [] }).tools).toEqual([]);
  });

  it('inserts presets into an empty editor or a valid array, once', () => {
    const one = withPreset('', TOOL_PRESETS.get_weather)!;
    expect(JSON.parse(one)).toEqual([TOOL_PRESETS.get_weather]);
    const two = withPreset(one, TOOL_PRESETS.get_time)!;
    expect(JSON.parse(two).map((t: { function: { name: string } }) => t.function.name)).toEqual(['get_weather', 'get_time']);
    expect(withPreset(two, TOOL_PRESETS.get_time)).toBe(two);
    expect(withPreset('[oops', TOOL_PRESETS.get_time)).toBeUndefined();
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('x', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('readArguments', () => {
  it('reads incomplete JSON while streaming', () => {
    expect(readArguments('', true)).toEqual({ status: 'streaming', value: undefined });
    expect(readArguments('{"city": "Sing', true)).toEqual({ status: 'streaming', value: { city: 'Sing' } });
    expect(readArguments('{"a": [1, {"b": tr', true)).toEqual({ status: 'streaming', value: { a: [1, {}] } });
  });

  it('is strict once the call is complete', () => {
    expect(readArguments('{"city":"Singapore"}', false)).toEqual({ status: 'complete', value: { city: 'Singapore' } });
    expect(readArguments('', false)).toEqual({ status: 'complete', value: {} });
    expect(readArguments('{"city": ', false)).toEqual({ status: 'invalid', raw: '{"city": ' });
  });

  it('gives the same final value however the arguments were split', () => {
    const full = JSON.stringify({ city: 'Singapore', days: [1, 2, 3], nested: { ok: true, note: '你好 "quoted"' } });
    for (let i = 0; i <= full.length; i++) {
      const partial = readArguments(full.slice(0, i), true);
      expect(partial.status).toBe('streaming');
    }
    expect(readArguments(full, false)).toEqual({ status: 'complete', value: JSON.parse(full) });
  });
});
