import { describe, expect, it } from 'vitest';
import { extractSources, splitSourcesSection } from './sources';

describe('extractSources', () => {
  it('reads markdown links in order, once each, with their domain', () => {
    const md =
      'See [Rust **blog**](https://blog.rust-lang.org/a) and [docs](https://doc.rust-lang.org/) and [again](https://blog.rust-lang.org/a).';
    expect(extractSources(md)).toEqual([
      { url: 'https://blog.rust-lang.org/a', title: 'Rust blog', domain: 'blog.rust-lang.org' },
      { url: 'https://doc.rust-lang.org/', title: 'docs', domain: 'doc.rust-lang.org' },
    ]);
  });

  it('reads numbered references with bare URLs', () => {
    const md = 'Answer [1][2].\n\n[1] https://example.com/one First source\n2. Second source — https://example.org/two';
    expect(extractSources(md)).toEqual([
      { url: 'https://example.com/one', title: 'First source', domain: 'example.com' },
      { url: 'https://example.org/two', title: 'Second source', domain: 'example.org' },
    ]);
  });

  it('ignores images, unsafe schemes and links inside code', () => {
    const md =
      '![pic](https://img.example.com/x.png) [x](javascript:alert(1)) `[y](https://code.example.com)`\n```\n[z](https://fence.example.com)\n```';
    expect(extractSources(md)).toEqual([]);
  });

  it('falls back to the domain for an empty title', () => {
    expect(extractSources('[ ](https://a.example.com/p)')).toEqual([
      { url: 'https://a.example.com/p', title: 'a.example.com', domain: 'a.example.com' },
    ]);
  });
});

describe('extractSources on hostile input', () => {
  // The patterns the scanner replaced, as a reference on short inputs (where their
  // backtracking does not matter); the space after a reference's number stays on its line.
  function byPatterns(markdown: string): string[] {
    const text = markdown.replace(/```[\s\S]*?(```|$)/g, '').replace(/`[^`\n]*`/g, '');
    const urls = new Set<string>();
    const add = (url: string) => URL.canParse(url) && urls.add(url);
    for (const m of text.matchAll(/(?<!!)\[([^\]\n]{1,300})\]\((https?:\/\/[^\s)]+)(?:\s+"[^"]*")?\)/g)) add(m[2]!);
    for (const m of text.matchAll(/^\s*(?:\[\d+\]|\d+[.)])[^\S\n\r\u2028\u2029]+(.*?)(https?:\/\/[^\s)\]]+)(.*)$/gm)) {
      if (!/\]\($/.test(m[1] ?? '')) add(m[2]!);
    }
    return [...urls];
  }

  it('finds what the patterns found, in the same order', async () => {
    const fc = await import('fast-check');
    const noise = fc.constantFrom(
      '[',
      ']',
      '(',
      ')',
      '![',
      '](',
      'http://a',
      'https://b.c/',
      ')',
      ' "t")',
      ' ',
      '\n',
      '\r',
      '"',
      '`',
      '```',
      '1. ',
      '[2] ',
      'x',
      '-',
    );
    const links = fc.constantFrom('[t](http://d)', '[t](https://b.c/e "t")', '\n1. x http://f', '\n[2] https://g.h/ t');
    const piece = fc.oneof({ arbitrary: noise, weight: 4 }, { arbitrary: links, weight: 1 });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(extractSources(text).map((s) => s.url)).toEqual(byPatterns(text));
      }),
      { numRuns: 3000 },
    );
  });

  // Each took seconds with the patterns (newlines: ~15 s); a scan takes a few ms.
  it.each([
    ['newlines', '\n'.repeat(150_000)],
    ['unclosed links', '[a](http://'.repeat(10_000)],
    ['unclosed links with titles', '[a](http://x "'.repeat(10_000)],
    ['brackets', '['.repeat(200_000)],
    ['link middles', ']('.repeat(100_000)],
    ['spaces in a title', `1. a${' '.repeat(100_000)}b https://a.example`],
    ['numbered lines', '1. x\n'.repeat(50_000)],
    ['backticks across lines', '`a\n'.repeat(50_000)],
  ])('scans %s in linear time', (_name, text) => {
    const start = performance.now();
    extractSources(text);
    expect(performance.now() - start).toBeLessThan(250);
  });
});

describe('splitSourcesSection', () => {
  const reply =
    'Rust 1.80 shipped [1].\n\n### Sources\n\n1. [Rust blog](https://blog.rust-lang.org/a)\n2. [Docs](https://doc.rust-lang.org/)\n';

  it('splits a reply that ends with its own list of sources', () => {
    expect(splitSourcesSection(reply)).toEqual({ body: 'Rust 1.80 shipped [1].', section: reply.slice(reply.indexOf('### Sources')) });
    const zh = '答案。\n\n**来源：**\n- https://example.com/a 一\n';
    expect(splitSourcesSection(zh).body).toBe('答案。');
  });

  it('leaves a reply alone when the list is not at its end, has lines without links, or is empty', () => {
    for (const text of [
      '### Sources\n\n1. [a](https://a.example)\n\nMore text after.',
      '## References\n\n1. A book without a link\n2. [b](https://b.example)',
      'Text.\n\n### Sources\n',
      'Plain text.',
      '',
    ])
      expect(splitSourcesSection(text)).toEqual({ body: text, section: '' });
  });

  it('holds back, while streaming, a list or its heading that is still arriving', () => {
    for (let at = reply.indexOf('### Sources') + 1; at <= reply.length; at++)
      expect(splitSourcesSection(reply.slice(0, at), true).body).toBe('Rust 1.80 shipped [1].');
    // A heading that turns out to be another one shows again.
    expect(splitSourcesSection('Text.\n\n## Sum', true).body).toBe('Text.\n\n## Sum');
    expect(splitSourcesSection('Text.\n\n## Sou', true).body).toBe('Text.');
    expect(splitSourcesSection('A list:\n\n1. one', true).body).toBe('A list:\n\n1. one');
  });

  it('reads only the end of a long reply', () => {
    const items = '- https://a.example/x\n'.repeat(10_000);
    expect(splitSourcesSection(`Sources\n${items}`).section).toBe('');
  });
});
