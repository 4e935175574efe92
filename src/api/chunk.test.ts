import { describe, expect, it } from 'vitest';
import { parseChunk } from './chunk';

const chunk = (choices: unknown[]) => JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices });

describe('parseChunk', () => {
  it('reads choice 0 only: another index adds no text and does not finish the reply', () => {
    expect(parseChunk(chunk([{ index: 1, delta: { content: 'other' }, finish_reason: null }])).filter((e) => e.type !== 'meta')).toEqual(
      [],
    );
    expect(parseChunk(chunk([{ index: 1, delta: {}, finish_reason: 'stop' }])).filter((e) => e.type !== 'meta')).toEqual([]);
    expect(
      parseChunk(
        chunk([
          { index: 1, delta: { content: 'other' } },
          { index: 0, delta: { content: 'mine' } },
        ]),
      ).filter((e) => e.type !== 'meta'),
    ).toEqual([{ type: 'text', text: 'mine' }]);
    // a choice without an index is the first, as servers that send one choice write it
    expect(parseChunk(chunk([{ delta: { content: 'plain' } }])).filter((e) => e.type !== 'meta')).toEqual([
      { type: 'text', text: 'plain' },
    ]);
  });
});
