// The conversations' state for the components: a thin zustand store over the turn engine
// (turns.ts) and saving and sync (saving.ts). Its own rules: which conversation is open,
// and messages held back until the person agrees (a new key origin, an imported id).
import { create } from 'zustand';
import { streamReply } from '../api/fast';
import { newConversation, openingId, settleAfterReload } from '../domain/conversation';
import { newConversationId, newMessageId } from '../domain/ids';
import { mergeConversations, wouldChange } from '../domain/merge';
import { normalizeWebSearch, type WebSearchOptions } from '../domain/normalize';
import type { ToolsConfig } from '../domain/tools';
import { planImport } from '../domain/transfer';
import { choose, pathTo, reveal } from '../domain/tree';
import { en } from '../i18n';
import type { Conversation } from '../domain/types';
import { clearDraftIf } from './drafts';
import { forgetLastActive, loadLastActive, saveLastActive } from './lastActive';
import { frameClock } from './pacer';
import type { ChatState, Held } from './chatState';
import { createSaver, type Conversations } from './saving';
import { unconfirmedKeyOrigin, useSettingsStore, type Settings } from './settingsStore';
import { createTurnEngine, toolsIn, webSearchIn } from './turns';
import { copyTrace } from './traces';
import { offeredTools } from './mcpStore';

export type { Conversations } from './saving';

/** The map with `c` put in (a new map: state is never changed in place). */
const withConversation = (m: Conversations, c: Conversation): Conversations => new Map(m).set(c.id, c);

/** A new conversation, with the options last used. */
const emptyConversation = (id = newConversationId(), resumed = false): Conversation => {
  const { lastWebSearch, lastTools } = useSettingsStore.getState();
  return newConversation(id, { webSearch: { ...lastWebSearch }, tools: { ...lastTools } }, resumed);
};

/** A conversation's web-search options: its own, else the last used. */
export const webSearchOf = (c: Conversation | undefined): WebSearchOptions => webSearchIn(c, useSettingsStore.getState());

/** A conversation's tools: its own, else the last used. */
export const toolsOf = (c: Conversation | undefined): ToolsConfig => toolsIn(c, useSettingsStore.getState());

export const useChatStore = create<ChatState>()((set, get) => {
  let initStarted = false;

  const update = (id: string, fn: (c: Conversation) => Conversation) =>
    set((s) => {
      const c = s.conversations.get(id);
      return c ? { conversations: withConversation(s.conversations, fn(c)) } : s;
    });

  const saver = createSaver({
    conversations: () => get().conversations,
    onScreen: (id) => id === get().activeId || get().streaming.has(id),
    absorb: (other) =>
      set((s) => {
        const here = s.conversations.get(other.id);
        if (here && !wouldChange(here, other)) return s;
        return { conversations: withConversation(s.conversations, here ? mergeConversations(here, other) : settleAfterReload(other)) };
      }),
    dropped: (id) => dropLocally(id),
    storageError: (error) => {
      if (error || get().storageError) set({ storageError: error });
    },
  });
  saver.listen();

  const turns = createTurnEngine({
    host: {
      conversation: (id) => get().conversations.get(id),
      update,
      isStreaming: (id) => get().streaming.has(id),
      setStreaming: (id, on) =>
        set((s) => {
          const streaming = new Set(s.streaming);
          if (on) streaming.add(id);
          else streaming.delete(id);
          return { streaming };
        }),
      changed: (id, now) => saver.changed(id, now),
    },
    settings: () => useSettingsStore.getState(),
    stream: streamReply,
    clock: frameClock,
    moreTools: (taken) => offeredTools(taken).map((t) => t.definition),
  });

  /** Title, pin and options: saved at once, and newer than another tab's older copy. */
  function patchMeta(id: string, patch: Partial<Conversation>): void {
    update(id, (c) => ({ ...c, ...patch, metaUpdatedAt: Date.now() }));
    saver.changed(id, true);
  }

  /**
   * Another version shown: saved with the next batch. Not a change of title, pin or options
   * (metaUpdatedAt): what each tab shows is its own (see mergedChoices).
   */
  function showIn(id: string, fn: (c: Conversation) => Conversation): void {
    update(id, fn);
    saver.changed(id);
  }

  /** Per-conversation options: kept with the open conversation, and remembered for the next new chat. */
  function updateOptions(patch: Pick<Conversation, 'webSearch' | 'tools'>, remembered: Partial<Settings>): void {
    patchMeta(get().activeId, patch);
    useSettingsStore.getState().update(remembered);
  }

  function dropLocally(id: string): void {
    turns.stop(id);
    forgetLastActive(id);
    const rest = new Map(get().conversations);
    rest.delete(id);
    const remaining = [...rest.values()].sort((a, b) => b.updatedAt - a.updatedAt);
    const next = get().activeId === id ? (remaining[0] ?? emptyConversation()) : undefined;
    set({ conversations: next ? rest.set(next.id, next) : rest, ...(next ? { activeId: next.id } : {}) });
  }

  /** Sends a message held back until the person agreed, in its conversation; its saved draft goes with it. */
  function sendHeld({ conversationId, text }: Held): void {
    set({ activeId: conversationId });
    if (get().send(text)) clearDraftIf(conversationId, text);
  }

  return {
    conversations: new Map(),
    activeId: '',
    loaded: false,
    streaming: new Set(),

    async init(routeId, defaultsReady) {
      if (initStarted) return; // StrictMode runs effects twice
      initStarted = true;
      const [{ conversations, journaled, problem }] = await Promise.all([saver.load(), defaultsReady]);
      const id = openingId(conversations, routeId, loadLastActive() ?? undefined);
      const active = (id && conversations.get(id)) || emptyConversation(id);
      conversations.set(active.id, active);
      set({ conversations, activeId: active.id, loaded: true, ...(problem && { storageError: problem }) });
      if (active.resumed && !active.messages.length) saver.changed(active.id, true);
      for (const id of journaled) saver.changed(id, true);
    },

    newChat() {
      const { conversations, activeId } = get();
      const current = conversations.get(activeId);
      // An untouched new chat is reused rather than piling up empty ones.
      if (current && current.messages.length === 0 && !current.resumed) return;
      const c = emptyConversation();
      set({ conversations: withConversation(conversations, c), activeId: c.id });
    },

    select(id, messageId) {
      if (!get().conversations.has(id)) return;
      if (messageId) showIn(id, (c) => reveal(c, messageId));
      set({ activeId: id });
    },

    showVersion(messageId) {
      showIn(get().activeId, (c) => choose(c, messageId));
    },

    branchIntoNewChat(messageId) {
      const from = get().conversations.get(get().activeId);
      const path = from ? pathTo(from, messageId) : [];
      if (!from || path.length === 0) return;
      // New ids throughout: the branch is a conversation of its own, and so is its server-side memory.
      const ids = new Map(path.map((m) => [m.id, newMessageId()]));
      const id = newConversationId();
      for (const [from, to] of ids) copyTrace(from, to, id);
      const messages = path.map(({ parentId, ...m }) => ({ ...m, id: ids.get(m.id)!, ...(parentId && { parentId: ids.get(parentId)! }) }));
      const now = Date.now();
      const branch: Conversation = {
        ...emptyConversation(id),
        title: en.chat.branchTitle(from.title),
        messages,
        ...(from.webSearch && { webSearch: { ...from.webSearch } }),
        ...(from.tools && { tools: { ...from.tools } }),
        createdAt: now,
        updatedAt: now,
      };
      set((s) => ({ conversations: withConversation(s.conversations, branch), activeId: branch.id }));
      saver.changed(branch.id, true);
    },

    open(id) {
      if (get().conversations.has(id)) return set({ activeId: id });
      const c = emptyConversation(id, true);
      set((s) => ({ conversations: withConversation(s.conversations, c), activeId: id }));
      saver.changed(id, true);
    },

    send(text) {
      const { activeId, conversations, streaming } = get();
      const c = conversations.get(activeId);
      if (!c || !text.trim() || streaming.has(activeId)) return false;
      const origin = unconfirmedKeyOrigin(useSettingsStore.getState());
      if (origin) {
        set({ keyConfirmation: { origin, conversationId: activeId, text } });
        return false;
      }
      if (c.idFromImport) {
        set({ idConfirmation: { conversationId: activeId, text } });
        return false;
      }
      return turns.send(activeId, text);
    },

    confirmKeyOrigin() {
      const pending = get().keyConfirmation;
      if (!pending) return;
      useSettingsStore.getState().update({ keyOrigin: pending.origin });
      set({ keyConfirmation: undefined });
      sendHeld(pending);
    },

    cancelKeyConfirmation() {
      set({ keyConfirmation: undefined });
    },

    confirmImportedId() {
      const pending = get().idConfirmation;
      if (!pending) return;
      patchMeta(pending.conversationId, { idFromImport: false });
      set({ idConfirmation: undefined });
      sendHeld(pending);
    },

    cancelIdConfirmation() {
      set({ idConfirmation: undefined });
    },

    stop(conversationId) {
      turns.stop(conversationId ?? get().activeId);
    },

    retry(assistantMessageId) {
      turns.retry(get().activeId, assistantMessageId);
    },

    editAndResend(userMessageId, text) {
      turns.edit(get().activeId, userMessageId, text);
    },

    rename(id, title) {
      const t = title.replace(/\s+/g, ' ').trim().slice(0, 200);
      if (t) patchMeta(id, { title: t });
    },

    togglePin(id) {
      patchMeta(id, { pinned: !get().conversations.get(id)?.pinned });
    },

    remove(id) {
      const c = get().conversations.get(id);
      if (!c) return undefined;
      dropLocally(id);
      saver.deleted(id);
      return c;
    },

    restore(conversation) {
      saver.restored(conversation.id);
      set((s) => ({ conversations: withConversation(s.conversations, conversation), activeId: conversation.id }));
      saver.changed(conversation.id, true);
    },

    importConversations(incoming) {
      const plan = planImport(get().conversations, incoming.map(settleAfterReload), newConversationId);
      // One new map for the whole import: one per conversation made a large import quadratic.
      const conversations = new Map(get().conversations);
      for (const c of plan.write) {
        saver.restored(c.id);
        conversations.set(c.id, c);
        saver.queue(c.id);
      }
      set({ conversations });
      saver.changed(plan.write[0]?.id ?? get().activeId, true);
      return plan;
    },

    setWebSearch(patch) {
      const next = normalizeWebSearch({ ...webSearchOf(get().conversations.get(get().activeId)), ...patch });
      updateOptions({ webSearch: next }, { lastWebSearch: next });
    },

    setTools(patch) {
      const next = { ...toolsOf(get().conversations.get(get().activeId)), ...patch };
      updateOptions({ tools: next }, { lastTools: next });
    },

    sendToolResults(assistantMessageId, results, runs) {
      turns.answerTools(get().activeId, assistantMessageId, results, runs);
    },
  };
});

// Remember which conversation is open, whichever action opened it.
useChatStore.subscribe((s, prev) => {
  if (s.activeId && s.activeId !== prev.activeId) saveLastActive(s.activeId);
});
