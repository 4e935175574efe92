import { describe, expect, it } from 'vitest';
import { mergeConversations, wouldChange } from './merge';
import { parseConversation } from './schema';
import type { Conversation, Message } from './types';

const msg = (id: string, createdAt: number, extra: Partial<Message> = {}): Message => ({
  id,
  role: 'user',
  content: id,
  createdAt,
  ...extra,
});
const conv = (messages: Message[], extra: Partial<Conversation> = {}): Conversation => ({
  id: 'conv-1',
  title: 'T',
  createdAt: 1,
  updatedAt: 10,
  messages,
  ...extra,
});

describe('mergeConversations', () => {
  it('unites two tabs’ new messages in time order, losing none', () => {
    const base = [msg('a', 1)];
    const tabA = conv([...base, msg('b', 5)]);
    const tabB = conv([...base, msg('c', 3)], { updatedAt: 20 });
    const merged = mergeConversations(tabA, tabB);
    expect(merged.messages.map((m) => m.id)).toEqual(['a', 'c', 'b']);
    expect(merged.updatedAt).toBe(20);
    expect(mergeConversations(tabB, tabA).messages.map((m) => m.id)).toEqual(['a', 'c', 'b']);
  });

  it('keeps the most complete copy of a message', () => {
    const streaming = msg('r', 2, { role: 'assistant', content: 'Hel', status: 'streaming' });
    const done = msg('r', 2, { role: 'assistant', content: 'Hello', status: 'complete' });
    expect(mergeConversations(conv([streaming]), conv([done])).messages[0]).toBe(done);
    expect(mergeConversations(conv([done]), conv([streaming])).messages[0]).toBe(done);
  });

  it('never brings back a message that an edit or retry removed', () => {
    const stored = conv([msg('a', 1), msg('old-reply', 2)]);
    const edited = conv([msg('a', 1), msg('new-reply', 3)], { removedMessageIds: ['old-reply'] });
    expect(mergeConversations(stored, edited).messages.map((m) => m.id)).toEqual(['a', 'new-reply']);
    expect(mergeConversations(edited, stored).messages.map((m) => m.id)).toEqual(['a', 'new-reply']);
  });

  it('takes title and pin from the copy changed last', () => {
    const renamed = conv([], { title: 'Renamed', metaUpdatedAt: 50 });
    const later = conv([msg('x', 60)], { title: 'T', updatedAt: 60, metaUpdatedAt: 10 });
    expect(mergeConversations(later, renamed).title).toBe('Renamed');
    expect(wouldChange(later, renamed)).toBe(true);
    expect(wouldChange(renamed, renamed)).toBe(false);
  });
});

describe('parseConversation', () => {
  const good = conv([msg('a', 1, { webSearch: { enabled: true, mode: 'force', maxResults: 99, freshness: 'day', lang: 'zh' } })]);

  it('reads a valid record and re-normalizes its options', () => {
    const parsed = parseConversation({ ...good, extra: '<script>' });
    expect(parsed?.messages[0]?.webSearch?.maxResults).toBe(8);
    expect(parsed).not.toHaveProperty('extra');
  });

  it('rejects records whose shape would break rendering', () => {
    expect(parseConversation({ ...good, id: 'has space' })).toBeUndefined();
    expect(parseConversation({ ...good, messages: [{ ...good.messages[0], content: 5 }] })).toBeUndefined();
    expect(parseConversation({ ...good, messages: [{ ...good.messages[0], toolCalls: [{ name: 'x' }] }] })).toBeUndefined();
    expect(parseConversation(null)).toBeUndefined();
  });
});
