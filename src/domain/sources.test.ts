import { describe, expect, it } from 'vitest';
import { extractSources } from './sources';

describe('extractSources', () => {
  it('reads markdown links in order, once each, with their domain', () => {
    const md = 'See [Rust **blog**](https://blog.rust-lang.org/a) and [docs](https://doc.rust-lang.org/) and [again](https://blog.rust-lang.org/a).';
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
    const md = '![pic](https://img.example.com/x.png) [x](javascript:alert(1)) `[y](https://code.example.com)`\n```\n[z](https://fence.example.com)\n```';
    expect(extractSources(md)).toEqual([]);
  });

  it('falls back to the domain for an empty title', () => {
    expect(extractSources('[ ](https://a.example.com/p)')).toEqual([{ url: 'https://a.example.com/p', title: 'a.example.com', domain: 'a.example.com' }]);
  });
});
