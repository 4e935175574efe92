import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../domain/types';

const saveConversations = vi.fn<(cs: Conversation[]) => Promise<Conversation[]>>();
const writeJournal = vi.fn<(cs: Conversation[]) => number>(() => 1);
vi.mock('./persistence', () => ({ saveConversations: (cs: Conversation[]) => saveConversations(cs) }));
vi.mock('./journal', () => ({
  writeJournal: (cs: Conversation[]) => writeJournal(cs),
  forgetJournal: () => undefined,
  takeJournal: async () => [],
}));
vi.mock('./tabSync', () => ({ tellOtherTabs: () => undefined, listenToOtherTabs: () => undefined }));

const { createSaver } = await import('./saving');

const conversation: Conversation = {
  id: 'conv-a',
  title: 'A',
  createdAt: 1,
  updatedAt: 2,
  messages: [{ id: 'm1', role: 'user', content: 'hi', createdAt: 1 }],
};

function saver() {
  return createSaver({
    conversations: () => new Map([[conversation.id, conversation]]),
    onScreen: () => true,
    absorb: () => undefined,
    dropped: () => undefined,
    storageError: () => undefined,
  });
}

describe('saving a conversation that is costly to write', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    saveConversations.mockReset();
    writeJournal.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it('waits 30 times as long as the last save took before the next, journaling what is on screen meanwhile', async () => {
    // Each write takes 200 ms, as a record of thousands of messages does.
    saveConversations.mockImplementation(async (cs) => {
      vi.advanceTimersByTime(200);
      return cs;
    });
    const s = saver();
    s.changed(conversation.id);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveConversations).toHaveBeenCalledTimes(1);

    s.changed(conversation.id); // a streamed update
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveConversations).toHaveBeenCalledTimes(1); // paced: 6 s after the last save
    expect(writeJournal).toHaveBeenCalledTimes(2); // but journaled, each second
    await vi.advanceTimersByTimeAsync(3000);
    expect(writeJournal).toHaveBeenCalledTimes(5);
    expect(saveConversations).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saveConversations).toHaveBeenCalledTimes(2);

    s.changed(conversation.id, true); // the reply's end, or a person's edit: at once, paced or not
    await vi.advanceTimersByTimeAsync(0);
    expect(saveConversations).toHaveBeenCalledTimes(3);
  });

  it('saves a cheap conversation every second', async () => {
    saveConversations.mockImplementation(async (cs) => {
      vi.advanceTimersByTime(5);
      return cs;
    });
    const s = saver();
    for (let i = 1; i <= 3; i++) {
      s.changed(conversation.id);
      await vi.advanceTimersByTimeAsync(1000);
      expect(saveConversations).toHaveBeenCalledTimes(i);
    }
  });
});
