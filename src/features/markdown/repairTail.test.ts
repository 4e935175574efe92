import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { benchReply } from '../../../server/benchReply';
import { remarkGfm } from './gfm';
import { splitBlocks } from './blocks';
import { repairTail } from './repairTail';
import { withoutMath } from './spans';

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
    const reply =
      'Some **bold** and *italic* and ~~struck~~ words, `code` too.\n\n| Metric | Value |\n| --- | ---: |\n| speed | **fast** |';
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
