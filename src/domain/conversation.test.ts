import { describe, expect, it } from 'vitest';
import { openingId } from './conversation';
import type { Conversation } from './types';

const c = (id: string, updatedAt: number): Conversation => ({ id, title: id, createdAt: 0, updatedAt, messages: [] });
const stored = new Map([c('old', 1), c('new', 2)].map((x) => [x.id, x]));

describe('the conversation opened at start', () => {
  it('is the routed one when stored, else the last open, else the latest', () => {
    expect(openingId(stored, 'old', 'new')).toBe('old');
    expect(openingId(stored, undefined, 'old')).toBe('old');
    expect(openingId(stored, undefined, 'gone')).toBe('new');
    expect(openingId(new Map(), undefined, undefined)).toBeUndefined();
  });

  it('opens the unsaved chat this browser last had open anew, and never binds an unknown routed id', () => {
    expect(openingId(stored, 'draft', 'draft')).toBe('draft');
    expect(openingId(stored, 'someone-elses', 'old')).toBe('old');
  });
});
