import { said, type Said } from '../i18n';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { mergeConversations } from '../domain/merge';
import { asTree } from '../domain/tree';
import type { Conversation, Message } from '../domain/types';
import type { StoredTrace } from './traces';

/** The validator (zod): loaded with the first read that has records to check, not with the first screen. */
const schema = () => import('../domain/schema');

const DB_NAME = 'bitseek-chat';
/** Bump with a migration step in `upgrade` when the stored shape changes. */
const DB_VERSION = 2;
const STORE = 'conversations';
/** Each reply's raw stream, apart from its conversation: read only when the inspector opens. */
const TRACES = 'traces';

interface ChatDB extends DBSchema {
  conversations: { key: string; value: Conversation; indexes: { updatedAt: number } };
  traces: { key: string; value: StoredTrace; indexes: { conversationId: string } };
}

let dbPromise: Promise<IDBPDatabase<ChatDB>> | undefined;

/** A stored record of version 1 as a one-branch tree; one that does not read as a conversation, as it is. */
function linearRecordAsTree(record: unknown): unknown {
  const messages = (record as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages) || !messages.every((m) => typeof m === 'object' && m !== null)) return record;
  return asTree(record as { messages: Message[] });
}

function db(): Promise<IDBPDatabase<ChatDB>> {
  if (dbPromise) return dbPromise;
  /** Given up on (blocked): a connection it opens later is closed at once. */
  let given = false;
  const opening = new Promise<IDBPDatabase<ChatDB>>((resolve, reject) => {
    openDB<ChatDB>(DB_NAME, DB_VERSION, {
      async upgrade(database, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          const store = database.createObjectStore(STORE, { keyPath: 'id' });
          store.createIndex('updatedAt', 'updatedAt');
        }
        if (oldVersion < 2) {
          database.createObjectStore(TRACES, { keyPath: 'messageId' }).createIndex('conversationId', 'conversationId');
          // Conversations were lists; they become trees (see domain/tree.ts) of one branch, nothing lost.
          for (let cursor = await tx.objectStore(STORE).openCursor(); cursor; cursor = await cursor.continue())
            await cursor.update(linearRecordAsTree(cursor.value) as Conversation);
        }
      },
      // A tab of an older version holds the database open: the upgrade waits for it, and the person is told.
      blocked() {
        given = true;
        reject(new Error(BLOCKED_BY_OLDER_TAB));
      },
      // A newer version of the app, in another tab, upgrades it: this tab lets it.
      blocking() {
        void opening.then((open) => open.close());
        dbPromise = undefined;
      },
    }).then(
      // Opened after all, once the other tab closed: this try was given up, so is its connection (it would block the next upgrade).
      (open) => (given ? open.close() : resolve(open)),
      reject,
    );
  });
  // Failed, it is opened again by the next call.
  opening.catch(() => dbPromise === opening && (dbPromise = undefined));
  return (dbPromise = opening);
}

const BLOCKED_BY_OLDER_TAB = 'another tab has an older version of this app open: close it, then reload this one';

export interface LoadResult {
  conversations: Conversation[];
  /** Records that could not be read; they are left in place, not deleted. */
  skipped: number;
}

/** Every stored conversation that reads as one; a corrupt record is counted, left in place, never deleted. */
export async function loadConversations(): Promise<LoadResult> {
  const records = await (await db()).getAll(STORE);
  if (!records.length) return { conversations: [], skipped: 0 }; // a first visit: the validator need not load
  const { conversations, invalid } = (await schema()).parseConversations(records);
  // A list written where the upgrade could not reach it (a tab of the older version, after it): a tree all the same.
  return { conversations: conversations.map(asTree), skipped: invalid };
}

export async function loadConversation(id: string): Promise<Conversation | undefined> {
  const [{ parseConversation }, record] = await Promise.all([schema(), db().then((d) => d.get(STORE, id))]);
  const c = parseConversation(record);
  return c && asTree(c);
}

/**
 * Writes conversations, merging each with what is stored (another tab may have
 * added messages since): nobody's messages are overwritten. Returns what was written.
 */
export async function saveConversations(conversations: Conversation[]): Promise<Conversation[]> {
  const { parseConversation } = await schema(); // before the transaction: it ends at a wait for anything else
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

/** Its replies' raw streams stay until the next start (see pruneTraces): a deleted conversation may be brought back. */
export async function deleteConversation(id: string): Promise<void> {
  await (await db()).delete(STORE, id);
}

/** Deletes the raw streams of conversations no longer stored. */
export async function pruneTraces(): Promise<void> {
  const tx = (await db()).transaction([STORE, TRACES], 'readwrite');
  const stored = new Set(await tx.objectStore(STORE).getAllKeys());
  const traces = tx.objectStore(TRACES);
  // By key only: a trace's events are not read to learn its conversation.
  for (let cursor = await traces.index('conversationId').openKeyCursor(); cursor; cursor = await cursor.continue())
    if (!stored.has(cursor.key)) await traces.delete(cursor.primaryKey);
  await tx.done;
}

export async function saveTrace(trace: StoredTrace): Promise<void> {
  await (await db()).put(TRACES, trace);
}

export async function loadTrace(messageId: string): Promise<StoredTrace | undefined> {
  return (await db()).get(TRACES, messageId);
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
