import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { benchReply } from '../../../server/benchReply';
import { remarkGfm } from './gfm';
import { containerDepth, fencedCode, mathSpans, MAX_NESTING, repairTail, splitBlocks, toDollars, withoutMath } from './blocks';

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
    // italics, strikethrough and nesting: closed innermost first, after any trailing space
    ['an *important', 'an *important*'],
    ['an _important ', 'an _important_'],
    ['~~struck', '~~struck~~'],
    ['**bold *and italic', '**bold *and italic***'],
    // not emphasis: bullets, products, snake_case, code, a marker with nothing after it yet
    ['* a bullet', '* a bullet'],
    ['- one\n* ', '- one\n'],
    ['2 * 3 = 6', '2 * 3 = 6'],
    ['call my_var_name', 'call my_var_name'],
    ['use `a*b` and ', 'use `a*b` and '],
    ['```\nx = *p\n```\nafter', '```\nx = *p\n```\nafter'],
    ['and then *', 'and then '],
    ['*done* and **done**', '*done* and **done**'],
    // math waits whole until its end arrives; inside math there is no emphasis
    ['Euler: $$e^{i\\pi', 'Euler: '],
    ['Euler: $$e^{i\\pi} + 1 = 0$$ and', 'Euler: $$e^{i\\pi} + 1 = 0$$ and'],
    ['so \\(a^2', 'so '],
    ['$$x^*$$ then *it', '$$x^*$$ then *it*'],
    ['a price of $5 and $10', 'a price of $5 and $10'],
    // a table from its first row on
    ['| a | b |', '| a | b |\n| --- | --- |'],
    ['| a | b |\n| --', '| a | b |\n| --- | --- |'],
    ['| a | b |\n| :-- | --: |', '| a | b |\n| :-- | --: |'],
    ['| a | b |\n| - | - |\n| 1 |', '| a | b |\n| - | - |\n| 1 |'],
    ['| a | b |\nnot a table', '| a | b |\nnot a table'],
  ])('%j → %j', (input, output) => expect(repairTail(input)).toBe(output));

  const html = (text: string) => renderToStaticMarkup(createElement(ReactMarkdown, { remarkPlugins: [remarkGfm] }, text));

  it('makes every prefix of a reply render without raw emphasis markers or a table as text', () => {
    const reply = 'Some **bold** and *italic* and ~~struck~~ words, `code` too.\n\n| Metric | Value |\n| --- | ---: |\n| speed | **fast** |';
    for (const block of splitBlocks(reply).blocks) {
      const start = reply.indexOf(block);
      for (let end = 1; end <= block.length; end++) {
        const shown = html(repairTail(reply.slice(start, start + end)));
        expect(shown, reply.slice(start, start + end)).not.toMatch(/\*|~~|`/);
        if (block.startsWith('|') && end > 2) expect(shown, reply.slice(start, start + end)).toContain('<table>');
      }
    }
  });

  it('never shows math whose end has not arrived', () => {
    const reply = 'Euler: $$e^{i\\pi} + 1 = 0$$ and \\(a^2\\), then \\[\\sum_i x_i\\] done.';
    for (let end = 1; end <= reply.length; end++) {
      const shown = repairTail(reply.slice(0, end));
      expect(withoutMath(shown), reply.slice(0, end)).not.toMatch(/\$\$|\\\(|\\\[|\\pi|\^/);
    }
  });

  it('shows no raw markdown syntax at any point of a streamed section with every kind of block', () => {
    const section = benchReply().split('\n\n## ')[1]!;
    const { blocks } = splitBlocks(section);
    let seen = 0;
    for (const block of blocks) {
      const start = section.indexOf(block, seen);
      seen = start + block.length;
      for (let end = 1; end <= block.length; end++) {
        const prefix = section.slice(start, start + end);
        const shown = html(repairTail(prefix)).replace(/<pre>[\s\S]*?<\/pre>/g, '');
        expect(shown, prefix).not.toMatch(/\*|`|\]\(|\|/);
      }
    }
  });
});

describe('containerDepth', () => {
  const nestedList = (levels: number, indent: string, marker = '- ') => Array.from({ length: levels }, (_, i) => `${indent.repeat(i)}${marker}item ${i}`).join('\n');

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
    const depthOf = (node: Node): number => (node.type === 'list' || node.type === 'blockquote' ? 1 : 0) + Math.max(0, ...(node.children ?? []).map(depthOf));
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

  it.each([['```\ncode\n```\nafter'], ['text\n```\ncode\n```'], ['``` a`b\nx'], ['    ```\nx\n```']])('leaves %j to the parser', (block) => {
    expect(fencedCode(block)).toBeUndefined();
  });
});

describe('math spans', () => {
  const MATH = /\$\$[\s\S]+?\$\$|\\\[[\s\S]+?\\\]|\\\([\s\S]+?\\\)/g;

  it('finds what the pattern finds', async () => {
    const fc = await import('fast-check');
    const piece = fc.constantFrom('$', '$$', '\\[', '\\]', '\\(', '\\)', '\\', 'x', '\n', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(mathSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(text.match(MATH) ?? []);
      }),
      { numRuns: 5000 },
    );
  });

  it('writes LaTeX delimiters as dollars, and leaves math out', () => {
    expect(toDollars('a \\(x^2\\) and \\[y\\] and $$z$$')).toBe('a $$x^2$$ and $$y$$ and $$z$$');
    expect(withoutMath('a \\(x^2\\) b $$z$$ c $5')).toBe('a  b  c $5');
  });
});

describe('scans of the model\'s text', () => {
  // Each took seconds with patterns that scan from every opener to the end.
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
