import { describe, expect, it } from 'vitest';
import { MAX_RESULT_CHARS, openAiName, parseHeaders, resultForModel, resultParts } from './mcpTools';

describe('MCP tools offered to the model', () => {
  it('get names OpenAI accepts, unique across servers and beside the Tools JSON', () => {
    const taken = new Set(['get_weather']);
    expect(openAiName('add', taken)).toBe('add');
    expect(openAiName('get_weather', taken)).toBe('get_weather_2');
    expect(openAiName('files.read / v2', taken)).toBe('files_read_v2');
    expect(openAiName('天气', taken)).toBe('tool');
    const long = openAiName('x'.repeat(100), taken);
    expect(long).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
  });
});

describe('an MCP result', () => {
  it('is read part by part; only raster images show, never SVG', () => {
    const parts = resultParts({
      content: [
        { type: 'text', text: 'hello' },
        { type: 'image', data: 'AAAA', mimeType: 'image/png' },
        { type: 'image', data: 'PHN2Zz4=', mimeType: 'image/svg+xml' },
        { type: 'resource_link', uri: 'https://example.com/a', name: 'A' },
      ],
      structuredContent: { ok: true },
    });
    expect(parts).toEqual([
      { kind: 'text', text: 'hello' },
      { kind: 'image', src: 'data:image/png;base64,AAAA' },
      { kind: 'other', type: 'image' },
      { kind: 'link', uri: 'https://example.com/a', name: 'A' },
      { kind: 'json', value: { ok: true } },
    ]);
  });

  it('shows structured content once, as the tree, when its text is the same JSON', () => {
    expect(resultParts({ content: [{ type: 'text', text: '{"a": 1}' }], structuredContent: { a: 1 } })).toEqual([
      { kind: 'json', value: { a: 1 } },
    ]);
  });

  it('goes to the model as text, marked when an error, cut past a megabyte with a note', () => {
    expect(resultForModel({ content: [{ type: 'text', text: '21 °C' }] })).toBe('21 °C');
    expect(resultForModel({ isError: true, content: [{ type: 'text', text: 'boom' }] })).toBe('Error: boom');
    expect(resultForModel({ structuredContent: { a: 1 } })).toBe('{"a":1}');
    const big = resultForModel({ content: [{ type: 'text', text: 'x'.repeat(MAX_RESULT_CHARS + 5) }] });
    expect(big.length).toBeLessThan(MAX_RESULT_CHARS + 100);
    expect(big).toContain(`[truncated: ${MAX_RESULT_CHARS + 5} characters in all]`);
  });
});

describe('headers for a server', () => {
  it('are read one "Name: value" a line, and a line that is not one is named', () => {
    expect(parseHeaders('Authorization: Bearer abc\n\nX-Team:  red ')).toEqual({
      headers: { Authorization: 'Bearer abc', 'X-Team': 'red' },
    });
    expect(parseHeaders('Authorization Bearer').bad).toBe('Authorization Bearer');
  });
});
