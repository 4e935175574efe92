import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import * as z from 'zod/mini';
import type { Conversation } from '../domain/types';

const DB_NAME = 'bitseek-chat';
/** Bump with a migration step in `upgrade` when the stored shape changes. */
const DB_VERSION = 1;
const STORE = 'conversations';

interface ChatDB extends DBSchema {
  conversations: { key: string; value: Conversation; indexes: { updatedAt: number } };
}

// Stored records are untrusted (another version, another tab, a hand edit):
// required fields are checked, the rest passes through.
const StoredMessage = z.looseObject({
  id: z.string(),
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: z.string(),
  createdAt: z.number(),
});
const StoredConversation = z.looseObject({
  id: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  messages: z.array(StoredMessage),
});

let dbPromise: Promise<IDBPDatabase<ChatDB>> | undefined;

function db(): Promise<IDBPDatabase<ChatDB>> {
  dbPromise ??= openDB<ChatDB>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const store = database.createObjectStore(STORE, { keyPath: 'id' });
        store.createIndex('updatedAt', 'updatedAt');
      }
    },
  });
  return dbPromise;
}

export interface LoadResult {
  conversations: Conversation[];
  /** Records that could not be read; they are left in place, not deleted. */
  skipped: number;
}

export async function loadConversations(): Promise<LoadResult> {
  const records: unknown[] = await (await db()).getAll(STORE);
  const conversations: Conversation[] = [];
  let skipped = 0;
  for (const record of records) {
    const parsed = StoredConversation.safeParse(record);
    if (parsed.success) conversations.push(parsed.data as Conversation);
    else skipped += 1;
  }
  return { conversations, skipped };
}

export async function saveConversations(conversations: Conversation[]): Promise<void> {
  const tx = (await db()).transaction(STORE, 'readwrite');
  await Promise.all([...conversations.map((c) => tx.store.put(c)), tx.done]);
}

export async function deleteConversation(id: string): Promise<void> {
  await (await db()).delete(STORE, id);
}

/** Asks the browser not to evict the conversations under storage pressure. */
export function requestPersistentStorage(): void {
  void navigator.storage?.persist?.().catch(() => undefined);
}

export function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return 'Browser storage is full: new messages are kept in this tab but not saved. Free some space or export your conversations.';
  return `Could not save conversations (${error instanceof Error ? error.message : String(error)}). They are kept in this tab; the app will keep trying.`;
}
