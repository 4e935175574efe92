import { describe, expect, it } from 'vitest';
import { PARSE_BUDGET_MS, UNCHECKED_CHARS, verdictFor, type Check } from './parseBudget';

const known = (...checks: Check[]) => new Map([[checks[0]!.text.slice(0, 200), checks]]);
const block = (n: number) => `| a | b |\n| - | - |\n${'| 1 | 2 |\n'.repeat(Math.ceil(n / 10))}`.slice(0, n);

describe('verdictFor', () => {
  it('renders short blocks at once, and has the longer of them checked meanwhile', () => {
    expect(verdictFor('short', new Map())).toEqual({ kind: 'render', check: false });
    expect(verdictFor(block(UNCHECKED_CHARS), new Map())).toEqual({ kind: 'render', check: true });
  });

  it('waits for a check of a long block', () => {
    expect(verdictFor(block(UNCHECKED_CHARS + 1), new Map())).toEqual({ kind: 'wait' });
  });

  it('renders a block grown from one checked, while its cost (growing with the square of its length) is within budget', () => {
    const checked = { text: block(4000), ms: PARSE_BUDGET_MS / 8 };
    expect(verdictFor(block(8000), known(checked))).toEqual({ kind: 'render', check: false });
    // Twice as long again: predicted over budget, so checked again; meanwhile the checked version shows.
    expect(verdictFor(block(16_000), known(checked))).toEqual({ kind: 'wait', lagging: checked.text });
    // A repaired end (see repairTail) is still the same block.
    expect(verdictFor(`${block(3990)}**`, known(checked))).toEqual({ kind: 'render', check: false });
  });

  it('gives up on a block that was over budget, and on what grows from it', () => {
    const checked = { text: block(4000), ms: PARSE_BUDGET_MS * 2 };
    expect(verdictFor(checked.text, known(checked))).toEqual({ kind: 'overBudget' });
    expect(verdictFor(block(5000), known(checked))).toEqual({ kind: 'overBudget' });
    expect(verdictFor(block(4000), known({ text: block(4000), ms: Infinity }))).toEqual({ kind: 'overBudget' });
  });

  it('tells blocks that start alike apart', () => {
    const checked = { text: block(4000), ms: 1 };
    const other = `${block(300)}${'x'.repeat(3700)}`;
    expect(verdictFor(other, known(checked))).toEqual({ kind: 'wait' });
  });
});
