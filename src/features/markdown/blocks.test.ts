import { describe, expect, it } from 'vitest';
import { repairTail, splitBlocks } from './blocks';

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

  it('starts again when the text is replaced rather than grown', () => {
    const a = splitBlocks('one\n\ntwo');
    expect(splitBlocks('other', a).blocks).toEqual(['other']);
  });

  it('handles CRLF and tilde fences', () => {
    expect(splitBlocks('a\r\n\r\n~~~\r\nx\r\n\r\ny\r\n~~~\r\n').blocks).toEqual(['a\r\n', '~~~\r\nx\r\n\r\ny\r\n~~~\r\n']);
  });
});

describe('repairTail', () => {
  it.each([
    ['```js\nconst x', '```js\nconst x\n```'],
    ['text with `code', 'text with `code`'],
    ['some **bold', 'some **bold**'],
    ['ends with **', 'ends with '],
    ['see [the docs](https://exa', 'see the docs'],
    ['see [the do', 'see the do'],
    ['an image ![alt', 'an image '],
    ['all **closed** and `done`', 'all **closed** and `done`'],
    ['```\ncode\n```', '```\ncode\n```'],
  ])('%j → %j', (input, output) => expect(repairTail(input)).toBe(output));
});
