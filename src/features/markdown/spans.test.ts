import { describe, expect, it } from 'vitest';
import { mathSpans, toDollars, withoutMath } from './spans';

describe('math spans', () => {
  const MATH = /\$\$[\s\S]+?\$\$|\\\[[\s\S]+?\\\]|\\\([\s\S]+?\\\)|(?<![$\\])\$(?![\s$])[^$\n]+?(?<![\s\\$])\$(?![\d$])/g;

  it('finds what the pattern finds', async () => {
    const fc = await import('fast-check');
    const piece = fc.constantFrom('$', '$$', '\\[', '\\]', '\\(', '\\)', '\\', 'x', '5', '\n', ' ');
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

  it('takes $…$ as math only where it cannot be a price', () => {
    expect(toDollars('Euler: $e^{i\\pi} + 1 = 0$.')).toBe('Euler: $$e^{i\\pi} + 1 = 0$$.');
    for (const prices of ['$5 and $10', 'from $5 to $10.', 'a \\$x$ escaped', '$ x$ and $x $']) {
      expect(mathSpans(prices)).toEqual([]);
    }
    expect(mathSpans('$a\nb$')).toEqual([]);
  });
});
