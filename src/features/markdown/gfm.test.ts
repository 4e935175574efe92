import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import upstreamGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { remarkGfm } from './gfm';

const html = (text: string, plugin: typeof remarkGfm | typeof upstreamGfm) =>
  renderToStaticMarkup(createElement(ReactMarkdown, { remarkPlugins: [plugin] }, text));

const SAMPLES = {
  table: '| a | b |\n| :-- | --: |\n| 1 | ~~2~~ |',
  tasks: '- [ ] todo\n- [x] done',
  autolink: 'see www.example.com and https://example.org/x.',
  footnote: 'A claim.[^1]\n\n[^1]: Its source.',
  strikethrough: '~one~ and ~~two~~',
};

describe('remarkGfm built once', () => {
  it.each(Object.entries(SAMPLES))('renders %s as remark-gfm does', (_kind, text) => {
    const ours = html(text, remarkGfm);
    expect(ours).toBe(html(text, upstreamGfm));
    // and GFM was applied, not plain CommonMark
    expect(ours).not.toBe(renderToStaticMarkup(createElement(ReactMarkdown, null, text)));
  });

  it('is the same on every use (its extensions are shared, not used up)', () => {
    const first = html(SAMPLES.table, remarkGfm);
    for (let i = 0; i < 3; i++) expect(html(SAMPLES.table, remarkGfm)).toBe(first);
  });
});
