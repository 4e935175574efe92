import { describe, expect, it } from 'vitest';
import { withGroupHeadings } from './dateGroups';
import type { Conversation } from './types';

const now = new Date(2026, 11, 3, 15, 0).getTime();
const hoursAgo = (h: number) => now - h * 3600_000;
const c = (id: string, updatedAt: number, pinned = false): Conversation => ({
  id,
  title: id,
  createdAt: 0,
  updatedAt,
  messages: [],
  pinned,
});

describe('sidebar date groups', () => {
  it('puts pinned first, then today, yesterday, the previous 7 and 30 days, and older, each under its heading', () => {
    const rows = withGroupHeadings(
      [
        c('p', hoursAgo(2000), true),
        c('t', hoursAgo(1)),
        c('y', hoursAgo(20)),
        c('w', hoursAgo(24 * 4)),
        c('m', hoursAgo(24 * 20)),
        c('o', hoursAgo(24 * 90)),
      ],
      now,
    );
    expect(rows.map((r) => ('heading' in r ? `#${r.heading}` : r.conversation.id))).toEqual([
      '#pinned',
      'p',
      '#today',
      't',
      '#yesterday',
      'y',
      '#week',
      'w',
      '#month',
      'm',
      '#older',
      'o',
    ]);
  });

  it('names no group that has no conversation', () => {
    const rows = withGroupHeadings([c('a', hoursAgo(1)), c('b', hoursAgo(2))], now);
    expect(rows.filter((r) => 'heading' in r)).toEqual([{ heading: 'today' }]);
  });
});
