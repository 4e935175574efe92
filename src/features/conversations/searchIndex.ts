import { activePath } from '../../domain/tree';
import type { Conversation } from '../../domain/types';

// The searchable text of each conversation, built once per version of it (a new
// object whenever it changes), so a keystroke is one pass of `includes`.
const cache = new WeakMap<Conversation, string>();

function searchText(c: Conversation): string {
  let text = cache.get(c);
  if (text === undefined) {
    text = `${c.title}\n${c.messages.map((m) => m.content).join('\n')}`.toLowerCase();
    cache.set(c, text);
  }
  return text;
}

/** Conversations whose title or message text contains the query, in the given order. */
export function searchConversations(list: Conversation[], query: string): Conversation[] {
  const q = query.trim().toLowerCase();
  if (!q) return list;
  return list.filter((c) => searchText(c).includes(q));
}

/**
 * The message a search for `query` found in `c`, to open its branch: one on the shown path
 * if any matches (nothing needs to switch), else the first in any branch; none for a title match.
 */
export function foundMessage(c: Conversation, query: string): string | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  const has = (m: { content: string }) => m.content.toLowerCase().includes(q);
  return (activePath(c).find(has) ?? c.messages.find(has))?.id;
}

/** Builds the search text of every conversation in idle time, so the first keystroke is as fast as the rest. */
export function warmSearchIndex(list: Conversation[]): () => void {
  let i = 0;
  let handle = 0;
  const work = (deadline: IdleDeadline) => {
    while (i < list.length && deadline.timeRemaining() > 1) searchText(list[i++]!);
    if (i < list.length) handle = requestIdleCallback(work);
  };
  if (typeof requestIdleCallback === 'undefined') return () => undefined;
  handle = requestIdleCallback(work);
  return () => cancelIdleCallback(handle);
}
