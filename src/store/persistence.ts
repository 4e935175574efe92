import { said, type Said } from '../i18n';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { mergeConversations } from '../domain/merge';
import { parseConversation, parseConversations } from '../domain/schema';
import type { Conversation } from '../domain/types';

const DB_NAME = 'bitseek-chat';
/** Bump with a migration step in `upgrade` when the stored shape changes. */
const DB_VERSION = 1;
const STORE = 'conversations';

interface ChatDB extends DBSchema {
  conversations: { key: string; value: Conversation; indexes: { updatedAt: number } };
}

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

/** Every stored conversation that reads as one; a corrupt record is counted, left in place, never deleted. */
export async function loadConversations(): Promise<LoadResult> {
  const { conversations, invalid } = parseConversations(await (await db()).getAll(STORE));
  return { conversations, skipped: invalid };
}

export async function loadConversation(id: string): Promise<Conversation | undefined> {
  return parseConversation(await (await db()).get(STORE, id));
}

/**
 * Writes conversations, merging each with what is stored (another tab may have
 * added messages since): nobody's messages are overwritten. Returns what was written.
 */
export async function saveConversations(conversations: Conversation[]): Promise<Conversation[]> {
  const tx = (await db()).transaction(STORE, 'readwrite');
  const written = await Promise.all(
    conversations.map(async (c) => {
      const stored = parseConversation(await tx.store.get(c.id));
      const merged = stored ? mergeConversations(c, stored) : c;
      await tx.store.put(merged);
      return merged;
    }),
  );
  await tx.done;
  return written;
}

export async function deleteConversation(id: string): Promise<void> {
  await (await db()).delete(STORE, id);
}

/** Asks the browser not to evict the conversations under storage pressure. */
export function requestPersistentStorage(): void {
  void navigator.storage?.persist?.().catch(() => undefined);
}

export function describeStorageError(error: unknown): Said {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return said('storageFull');
  return said('storageFailed', error instanceof Error ? error.message : String(error));
}
