// What is on screen but not yet in IndexedDB when the page goes (a reply streaming, a
// save still in flight): an IndexedDB write started in `pagehide` does not finish before
// the page is gone, so the last messages of each such conversation are written here,
// synchronously, and folded back in at the next load.
import { parseConversations } from '../domain/schema';
import type { Conversation } from '../domain/types';

const KEY = 'bitseek-chat.journal';
/** The messages a reload can lose: the reply in flight and the turns just before it. */
const LAST_MESSAGES = 4;

/** Adds these conversations' last messages to the journal (a copy per id; the newest wins). */
export function writeJournal(conversations: readonly Conversation[]): void {
  if (conversations.length === 0) return;
  const byId = new Map(readJournal().map((c) => [c.id, c]));
  for (const c of conversations) byId.set(c.id, { ...c, messages: c.messages.slice(-LAST_MESSAGES) });
  try {
    localStorage.setItem(KEY, JSON.stringify([...byId.values()]));
  } catch {
    // Full or refused: IndexedDB then keeps what its last save had (a reply mid-stream may lose its tail).
  }
}

function readJournal(): Conversation[] {
  try {
    const text = localStorage.getItem(KEY);
    const value: unknown = text ? JSON.parse(text) : [];
    return Array.isArray(value) ? parseConversations(value).conversations : [];
  } catch {
    return [];
  }
}

/** The journal's conversations (partial: their last messages), read once and cleared. */
export function takeJournal(): Conversation[] {
  const entries = readJournal();
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
  return entries;
}
