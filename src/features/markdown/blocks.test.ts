import { describe, expect, it } from 'vitest';
import { containerDepth, fencedCode, MAX_NESTING, splitBlocks } from './blocks';
import { repairTail } from './repairTail';

const doc = [
  '# Title',
  '',
  'A paragraph',
  'over two lines.',
  '',
  '```ts',
  'const a = 1;',
  '',
  'const b = 2;',
  '```',
  '',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
  '',
  '- one',
  '- two',
].join('\n');

describe('splitBlocks', () => {
  it('splits at blank lines but never inside fenced code', () => {
    expect(splitBlocks(doc).blocks).toEqual([
      '# Title\n',
      'A paragraph\nover two lines.\n',
      '```ts\nconst a = 1;\n\nconst b = 2;\n```\n',
      '| a | b |\n| - | - |\n| 1 | 2 |\n',
      '- one\n- two',
    ]);
  });

  it('gives the same blocks when the text grows in 4-character deltas, keeping finished ones', () => {
    let state = splitBlocks('');
    const seen = new Map<number, string>();
    for (let i = 4; i < doc.length + 4; i += 4) {
      const next = splitBlocks(doc.slice(0, i), state);
      // a block that was followed by another never changes again
      next.blocks.slice(0, -1).forEach((b, n) => {
        if (seen.has(n)) expect(b).toBe(seen.get(n));
        seen.set(n, b);
      });
      state = next;
    }
    expect(state.blocks).toEqual(splitBlocks(doc).blocks);
  });

  it('gives back the same split for the same text (a render that did not change the reply)', () => {
    const a = splitBlocks('one\n\ntwo');
    expect(splitBlocks('one\n\ntwo', a)).toBe(a);
  });

  it('starts again when the text is replaced rather than grown', () => {
    const a = splitBlocks('one\n\ntwo');
    expect(splitBlocks('other', a).blocks).toEqual(['other']);
  });

  it('handles CRLF and tilde fences', () => {
    expect(splitBlocks('a\r\n\r\n~~~\r\nx\r\n\r\ny\r\n~~~\r\n').blocks).toEqual(['a\r\n', '~~~\r\nx\r\n\r\ny\r\n~~~\r\n']);
  });
});

describe('containerDepth', () => {
  const nestedList = (levels: number, indent: string, marker = '- ') =>
    Array.from({ length: levels }, (_, i) => `${indent.repeat(i)}${marker}item ${i}`).join('\n');

  it.each([
    ['- '.repeat(10_000)],
    ['> '.repeat(10_000)],
    ['>'.repeat(10_000)],
    ['1. '.repeat(10_000)],
    ['* '.repeat(5_000) + 'x'],
    ['- > 1) + '.repeat(3_000)],
    [nestedList(100, '  ')],
    [nestedList(60, '   ', '1. ')],
    [Array.from({ length: 60 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n')],
  ])('finds %s… nested too deeply', (block) => {
    expect(containerDepth(block)).toBeGreaterThan(MAX_NESTING);
  });

  it.each([
    ['2-space lists, 10 levels', nestedList(10, '  ')],
    ['4-space lists, 10 levels', nestedList(10, '    ')],
    ['ordered lists, 10 levels', nestedList(10, '   ', '1. ')],
    ['quotes in lists', nestedList(8, '  ', '- > ')],
    ['a table', '| a | b |\n| - | - |\n| 1 | 2 |'],
    ['indented code and JSON', `    code\n${'        '.repeat(20)}"key": [1, 2]`],
    ['a thematic break and bullets in text', '- - -\n* a * b * c'],
  ])('leaves %s alone', (_name, block) => {
    expect(containerDepth(block)).toBeLessThanOrEqual(MAX_NESTING);
  });

  it('never under-counts what micromark nests', async () => {
    const { fromMarkdown } = await import('mdast-util-from-markdown');
    type Node = { type: string; children?: Node[] };
    const depthOf = (node: Node): number =>
      (node.type === 'list' || node.type === 'blockquote' ? 1 : 0) + Math.max(0, ...(node.children ?? []).map(depthOf));
    const fc = await import('fast-check');
    const piece = fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '> ', '>', ' ', '  ', '\t', 'x', '\n', '-', '1.');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const block = pieces.join('');
        // Lists count once per level: a list and its item are one container here.
        expect(depthOf(fromMarkdown(block) as Node)).toBeLessThanOrEqual(containerDepth(block));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('fencedCode', () => {
  it.each([
    ['```ts\nconst a = 1;\n\nconst b = 2;\n```\n', { language: 'ts', code: 'const a = 1;\n\nconst b = 2;' }],
    ['```\ncut off mid-stream', { language: undefined, code: 'cut off mid-stream' }],
    ['  ~~~ python extra\r\n    x\r\n  ~~~~\r\n', { language: 'python', code: '  x' }],
    ['```js{1,3}\nx\n```', { language: undefined, code: 'x' }],
  ])('reads %j as micromark does', (block, code) => {
    expect(fencedCode(block)).toEqual(code);
  });

  it.each([['```\ncode\n```\nafter'], ['text\n```\ncode\n```'], ['``` a`b\nx'], ['    ```\nx\n```']])(
    'leaves %j to the parser',
    (block) => {
      expect(fencedCode(block)).toBeUndefined();
    },
  );
});

describe("scans of the model's text", () => {
  // Worst cases for patterns that scan from every opener to the end.
  it.each([
    ['brackets then one ]', '['.repeat(50_000) + ']x'],
    ['brackets then a link address', '['.repeat(50_000) + '](xx yy'],
    ['unclosed \\(', '\\('.repeat(50_000)],
    ['unclosed \\[ in code spans', '`\\[` '.repeat(20_000) + '\\]'],
    ['code spans without newlines', '`a` '.repeat(50_000)],
    ['spaces in a table delimiter', `| a |\n${' '.repeat(50_000)}x`],
    ['link middles', 'x]('.repeat(50_000)],
  ])('repairs a tail of %s in linear time', (_name, text) => {
    const start = performance.now();
    repairTail(text);
    containerDepth(text);
    fencedCode(text);
    splitBlocks(text);
    expect(performance.now() - start).toBeLessThan(250);
  });
});
