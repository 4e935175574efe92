import { beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../domain/types';
import { forgetJournal, takeJournal, writeJournal } from './journal';

const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  },
});

const conv = (id: string, texts: string[]): Conversation => ({
  id,
  title: id,
  createdAt: 1,
  updatedAt: 1,
  messages: texts.map((t, i) => ({ id: `${id}-${i}`, role: 'user', content: t, createdAt: i + 1 })),
});

describe('the reload journal', () => {
  beforeEach(() => store.clear());

  it('keeps each conversation’s last messages until the save that wrote them finishes', async () => {
    const seq = writeJournal([conv('conv-a', ['1', '2', '3', '4', '5', '6'])]);
    const later = writeJournal([conv('conv-b', ['x'])]);
    forgetJournal(['conv-a'], seq);
    forgetJournal(['conv-b'], seq); // not the write that put conv-b there
    expect((await takeJournal()).map((c) => [c.id, c.messages.map((m) => m.content)])).toEqual([['conv-b', ['x']]]);
    expect(await takeJournal()).toEqual([]); // taken once
    expect(later).toBeGreaterThan(seq);
  });

  it('a newer write of a conversation is not taken out by an older save finishing', async () => {
    const first = writeJournal([conv('conv-a', ['old'])]);
    writeJournal([conv('conv-a', ['old', 'new'])]);
    forgetJournal(['conv-a'], first);
    expect((await takeJournal())[0]?.messages.map((m) => m.content)).toEqual(['old', 'new']);
  });

  it('reads nothing from a journal that is not one', async () => {
    for (const bad of ['[1,2]', '{"conv-a": 5}', '{"conv-a": {"seq": 1, "conversation": {"id": "__proto__"}}}', 'not json']) {
      store.set('bitseek-chat.journal', bad);
      expect((await takeJournal()).filter((c) => c.id !== '__proto__').length).toBe(0);
    }
  });
});
