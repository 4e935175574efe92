// Saving and syncing conversations: changes are batched into IndexedDB writes, what is on
// screen goes to the journal first (see journal.ts), and tabs tell each other what they
// saved or deleted (see tabSync.ts). No React and no zustand: the store binds it through a SaveHost.
import { settleAfterReload } from '../domain/conversation';
import { mergeConversations } from '../domain/merge';
import { asTree } from '../domain/tree';
import type { Conversation } from '../domain/types';
import { said, type Said } from '../i18n';
import { forgetJournal, takeJournal, writeJournal } from './journal';
import * as storage from './persistence';
import { listenToOtherTabs, tellOtherTabs, type TabNews } from './tabSync';

/** Conversations by id: a Map, since ids come from links, imports and servers (`__proto__` is one). */
export type Conversations = ReadonlyMap<string, Conversation>;

export interface SaveHost {
  conversations(): Conversations;
  /** On screen now (open, or streaming): journaled at once, before IndexedDB has it. */
  onScreen(id: string): boolean;
  /** Takes in another copy of a conversation (from storage or another tab), losing nothing. */
  absorb(other: Conversation): void;
  /** Another tab deleted this conversation. */
  dropped(id: string): void;
  /** A storage failure to show, or none after a save that worked. */
  storageError(error: Said | undefined): void;
}

interface Loaded {
  conversations: Map<string, Conversation>;
  /** Conversations the journal had newer copies of: to be saved again. */
  journaled: string[];
  problem?: Said;
}

export interface Saver {
  /** Loads what is stored, with the journal folded in and replies cut off by a reload settled. */
  load(): Promise<Loaded>;
  /** A conversation changed: saved within a second, or at once (`now`). */
  changed(id: string, now?: boolean): void;
  /** Saved with the next batch, which is not started. */
  queue(id: string): void;
  /** Deleted here: forgotten, never written back, and the other tabs told. */
  deleted(id: string): void;
  /** Deleted, then brought back (undo, or an import): may be saved again. */
  restored(id: string): void;
  /** Saves what is left and listens to the other tabs, until the page goes. */
  listen(): void;
}

/** Worth saving: it has messages, or it binds a server id the person resumed. */
const worthSaving = (c: Conversation) => c.messages.length > 0 || !!c.resumed;

const SAVE_DELAY_MS = 1000;
/**
 * After a save that took t ms, the next one not asked for at once waits SAVE_PACE × t (at most
 * a minute): a conversation of thousands of messages is one record, read, merged and written
 * whole (~300 ms of the page's thread for 25 MB), and a streaming reply would change it every
 * second. The journal still takes what is on screen every second meanwhile, so nothing is lost.
 */
const SAVE_PACE = 30;
const MAX_SAVE_WAIT_MS = 60_000;
/** The raw streams of deleted conversations go this long after start, off the first screen's path. */
const PRUNE_DELAY_MS = 10_000;
const RETRY_DELAY_MS = 5000;

export function createSaver(host: SaveHost): Saver {
  const dirty = new Set<string>();
  /** Written by a save that has not finished yet. */
  const saving = new Set<string>();
  /** Deleted in this tab or another: never written back. */
  const deleted = new Set<string>();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Until then, a save not asked for at once only journals what is on screen (see SAVE_PACE). */
  let pacedUntil = 0;

  const savable = (ids: Iterable<string>) => {
    const conversations = host.conversations();
    return [...ids].map((id) => conversations.get(id)).filter((c): c is Conversation => !!c && worthSaving(c) && !deleted.has(c.id));
  };

  const absorb = (other: Conversation) => deleted.has(other.id) || host.absorb(other);

  async function saveDirty(paced = false): Promise<void> {
    saveTimer = undefined;
    const wait = pacedUntil - performance.now();
    if (paced && wait > 0) {
      writeJournal(savable(dirty).filter((c) => host.onScreen(c.id)));
      saveTimer = setTimeout(() => void saveDirty(true), Math.min(wait, SAVE_DELAY_MS));
      return;
    }
    const batch = savable(dirty);
    dirty.clear();
    if (batch.length === 0) return;
    const started = performance.now();
    batch.forEach((c) => saving.add(c.id));
    // What is on screen goes to the journal first, at once: a reload can come before IndexedDB has it.
    const onScreen = batch.filter((c) => host.onScreen(c.id));
    const seq = writeJournal(onScreen);
    try {
      const written = await storage.saveConversations(batch);
      forgetJournal(
        onScreen.map((c) => c.id),
        seq,
      );
      written.forEach(absorb); // what another tab had stored meanwhile
      tellOtherTabs({ type: 'saved', ids: written.map((c) => c.id) });
      host.storageError(undefined);
      pacedUntil = performance.now() + Math.min(MAX_SAVE_WAIT_MS, SAVE_PACE * (performance.now() - started));
    } catch (error) {
      batch.forEach((c) => dirty.add(c.id));
      host.storageError(storage.describeStorageError(error));
      saveTimer ??= setTimeout(() => void saveDirty(), RETRY_DELAY_MS);
    } finally {
      batch.forEach((c) => saving.delete(c.id));
    }
  }

  async function onTabNews(news: TabNews): Promise<void> {
    if (news.type === 'deleted') {
      deleted.add(news.id);
      if (host.conversations().has(news.id)) host.dropped(news.id);
      return;
    }
    for (const id of news.ids) {
      const stored = await storage.loadConversation(id).catch(() => undefined);
      if (stored) absorb(stored);
    }
  }

  return {
    async load() {
      storage.requestPersistentStorage();
      let loaded: storage.LoadResult = { conversations: [], skipped: 0 };
      let problem: Said | undefined;
      let opened = true;
      try {
        loaded = await storage.loadConversations();
        if (loaded.skipped) problem = said('storageSkipped', loaded.skipped);
      } catch (error) {
        problem = said('storageOpenFailed', error instanceof Error ? error.message : String(error));
        opened = false;
      }
      const conversations = new Map(loaded.conversations.map((c) => [c.id, c]));
      // What was on screen when the page last went, and not yet saved: folded in (before
      // replies cut off are settled, so the fuller copy wins), then saved. Only into a
      // stored conversation: one deleted since (in another tab) does not come back. Not taken
      // while storage cannot be read: it would have nothing to fold into, and be lost. One the
      // app wrote before conversations were trees holds lists (see mergeConversations).
      const journal = (opened ? await takeJournal() : []).filter((c) => conversations.has(c.id)).map(asTree);
      // The journal's copy first: it is the newer, and so is the version it showed.
      for (const c of journal) conversations.set(c.id, mergeConversations(c, conversations.get(c.id)!));
      for (const [id, c] of conversations) conversations.set(id, settleAfterReload(c));
      if (opened) setTimeout(() => void storage.pruneTraces().catch(() => undefined), PRUNE_DELAY_MS);
      return { conversations, journaled: journal.map((c) => c.id), ...(problem && { problem }) };
    },

    changed(id, now = false) {
      dirty.add(id);
      if (now) {
        clearTimeout(saveTimer);
        saveTimer = undefined;
        void saveDirty();
      } else saveTimer ??= setTimeout(() => void saveDirty(true), SAVE_DELAY_MS);
    },

    queue(id) {
      dirty.add(id);
    },

    deleted(id) {
      dirty.delete(id);
      deleted.add(id);
      tellOtherTabs({ type: 'deleted', id });
      storage.deleteConversation(id).catch((error: unknown) => host.storageError(storage.describeStorageError(error)));
    },

    restored(id) {
      deleted.delete(id);
    },

    listen() {
      if (typeof window === 'undefined') return;
      window.addEventListener('pagehide', () => {
        // The page is going: what no save has started on, or finished, goes to the journal, at once.
        writeJournal(savable(new Set([...dirty, ...saving])));
        void saveDirty();
      });
      listenToOtherTabs((news) => void onTabNews(news));
    },
  };
}
