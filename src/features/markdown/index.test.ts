import { describe, expect, it } from 'vitest';
import { SHOWN_CHARS, shownLength } from './index';

describe('shownLength', () => {
  it('shows a reply up to SHOWN_CHARS whole', () => {
    expect(shownLength('short')).toBe(5);
    expect(shownLength('x'.repeat(SHOWN_CHARS))).toBe(SHOWN_CHARS);
  });

  it('cuts a longer one after a blank line near the limit, else a line, else at the limit', () => {
    const blocks = 'A paragraph of text.\n\n'.repeat(SHOWN_CHARS / 10);
    const at = shownLength(blocks);
    expect(at).toBeLessThanOrEqual(SHOWN_CHARS);
    expect(blocks.slice(at - 1, at + 1)).toBe('\n\n');
    const lines = 'a line\n'.repeat(SHOWN_CHARS / 3);
    expect(lines[shownLength(lines) - 1]).toBe('\n');
    expect(shownLength('x'.repeat(2 * SHOWN_CHARS))).toBe(SHOWN_CHARS);
  });
});
