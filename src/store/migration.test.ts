import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { activePath, versionsOf } from '../domain/tree';
import records from './fixtures/v1-conversations.json';
import { loadConversations } from './persistence';

// A database as the app wrote it before conversations were trees (version 1): the fixture
// holds the records it wrote for three conversations (a tool round, an edit and a
// regenerate, a web search), read back from IndexedDB in Chromium.
async function seedVersion1(): Promise<void> {
  const db = await openDB('bitseek-chat', 1, {
    upgrade(database) {
      database.createObjectStore('conversations', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
    },
  });
  for (const record of records) await db.put('conversations', record);
  db.close();
}

describe('opening a version 1 database', () => {
  it('turns every stored list into a one-branch tree, nothing lost', async () => {
    await seedVersion1();
    const { conversations, skipped } = await loadConversations();
    expect(skipped).toBe(0);
    expect(conversations).toHaveLength(records.length);
    for (const old of records) {
      const c = conversations.find((x) => x.id === old.id)!;
      // every message, in its order, with all it had, now on the one path
      expect(activePath(c).map((m) => m.id)).toEqual(old.messages.map((m) => m.id));
      c.messages.forEach((m, i) => {
        const { parentId, ...rest } = m;
        expect(rest).toEqual(old.messages[i]);
        expect(parentId).toBe(i === 0 ? undefined : old.messages[i - 1]!.id);
        expect(versionsOf(c, m)).toHaveLength(1);
      });
      expect({ ...c, messages: old.messages }).toEqual(old);
    }
    // The tool round is still paired: assistant with its call, then the tool's answer.
    const tools = conversations.find((c) => c.messages.some((m) => m.role === 'tool'))!;
    expect(activePath(tools).map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'user', 'assistant']);
  });
});
