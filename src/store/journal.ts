// What is on screen but not yet in IndexedDB: a save in flight when the page goes does not
// finish (an IndexedDB write started in `pagehide` does not either), and a reload can come
// before it does. So every save first writes the last messages of each conversation it
// writes here, synchronously, and takes them out once IndexedDB has them; `pagehide` adds
// what no save has started on. The next load folds what is left back in.
import type { Conversation } from '../domain/types';

const KEY = 'bitseek-chat.journal';
/** The messages a reload can lose: the reply in flight and the turns just before it. */
const LAST_MESSAGES = 4;

interface Entry {
  /** Which write this is: a finished save takes out only its own. */
  seq: number;
  conversation: unknown;
}

let nextSeq = Date.now();

function read(): Map<string, Entry> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return new Map();
    return new Map(Object.entries(value as Record<string, Entry>));
  } catch {
    return new Map();
  }
}

function write(entries: Map<string, Entry>): void {
  try {
    if (entries.size) localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries)));
    else localStorage.removeItem(KEY);
  } catch {
    // Full or refused: IndexedDB then keeps what its last save had (a reply mid-stream may lose its tail).
  }
}

/** Adds these conversations' last messages to the journal; returns the write's number, for forget(). */
export function writeJournal(conversations: readonly Conversation[]): number {
  const seq = nextSeq++;
  if (conversations.length === 0) return seq;
  const entries = read();
  for (const c of conversations) entries.set(c.id, { seq, conversation: { ...c, messages: c.messages.slice(-LAST_MESSAGES) } });
  write(entries);
  return seq;
}

/** IndexedDB has what write `seq` journaled for these ids: their entries go, unless a later write replaced them. */
export function forgetJournal(ids: readonly string[], seq: number): void {
  const entries = read();
  let changed = false;
  for (const id of ids) {
    if (entries.get(id)?.seq === seq) changed = entries.delete(id) || changed;
  }
  if (changed) write(entries);
}

/** The journal's conversations (partial: their last messages), read once and cleared. */
export async function takeJournal(): Promise<Conversation[]> {
  const entries = read();
  write(new Map());
  if (!entries.size) return [];
  const { parseConversation } = await import('../domain/schema');
  return [...entries.values()].map((e) => parseConversation(e?.conversation)).filter((c): c is Conversation => !!c);
}
