import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../domain/types';
import { deleteConversation, loadTrace, pruneTraces, saveConversations, saveTrace } from './persistence';

const conversation = (id: string): Conversation => ({
  id,
  title: id,
  createdAt: 1,
  updatedAt: 1,
  messages: [{ id: `${id}-m`, role: 'user', content: 'hi', createdAt: 1 }],
});
const trace = (conversationId: string, messageId: string) => ({
  conversationId,
  messageId,
  events: [[1, '', '{}']] as [number, string, string][],
  total: 1,
});

describe('stored raw streams', () => {
  it('are read back by reply, and pruned once their conversation is gone (not before: it may be brought back)', async () => {
    await saveConversations([conversation('c1'), conversation('c2')]);
    await saveTrace(trace('c1', 'r1'));
    await saveTrace(trace('c2', 'r2'));
    expect(await loadTrace('r1')).toEqual(trace('c1', 'r1'));

    await deleteConversation('c1');
    expect(await loadTrace('r1')).toBeDefined();
    await pruneTraces();
    expect(await loadTrace('r1')).toBeUndefined();
    expect(await loadTrace('r2')).toEqual(trace('c2', 'r2'));
  });
});
