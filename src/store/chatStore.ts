import { en, said, type Said } from '../i18n';
import { create } from 'zustand';
import { ChatError } from '../api/errors';
import { buildChatRequest } from '../api/request';
import { holdReadingWhileRendering, streamReply } from '../api/streamClient';
import { settleAfterReload, titleFrom } from '../domain/conversation';
import { newConversationId, newMessageId } from '../domain/ids';
import { mergeConversations, wouldChange } from '../domain/merge';
import { normalizeWebSearch, type WebSearchOptions } from '../domain/normalize';
import { SKIPPED_TOOL_RESULT, toolsToSend, type ToolsConfig } from '../domain/tools';
import { planImport, type ImportPlan } from '../domain/transfer';
import type { Conversation, Message } from '../domain/types';
import { forgetJournal, takeJournal, writeJournal } from './journal';
import { forgetLastActive, loadLastActive, saveLastActive } from './lastActive';
import * as storage from './persistence';
import { accumulate, charsOf, newAccumulator, replyFields } from './replyAccumulator';
import { unconfirmedKeyOrigin, useSettingsStore, type Settings } from './settingsStore';
import { listenToOtherTabs, tellOtherTabs, type TabNews } from './tabSync';
import { metricsOf, observe, startTrace } from './traceStore';
import { createPacer, type PacerClock } from './pacer';

/** Conversations by id: a Map, since ids come from links, imports and servers (`__proto__` is one). */
export type Conversations = ReadonlyMap<string, Conversation>;

interface ChatState {
  conversations: Conversations;
  activeId: string;
  loaded: boolean;
  /** A storage failure, shown to the person until the next successful save. */
  storageError?: Said;
  /** Ids of conversations whose reply is streaming now. */
  streaming: ReadonlySet<string>;
  /** A message held back until the person agrees to send the API key to a new endpoint origin. */
  keyConfirmation?: { origin: string; conversationId: string; text: string };
  /** A message held back until the person agrees to send under an id that came from an imported file. */
  idConfirmation?: { conversationId: string; text: string };
  /** The draft that a confirmed message consumed, so that the composer clears it. */
  consumedDraft?: { conversationId: string; text: string };

  /**
   * Loads saved conversations and opens `routeId` when it is stored here, else the latest.
   * An unknown id from a link is never bound without asking (see App's resume prompt).
   */
  init: (routeId?: string) => Promise<void>;
  newChat: () => void;
  select: (id: string) => void;
  /** Opens a conversation by id: the local one, or a new local one resuming that server id (the person chose it). */
  open: (id: string) => void;
  /** Sends a message; false when it is held back (the key's endpoint changed: see keyConfirmation). */
  send: (text: string) => boolean;
  /** The person agreed: the key may go to the new origin; the held message is sent. */
  confirmKeyOrigin: () => void;
  cancelKeyConfirmation: () => void;
  /** The person agreed: the imported conversation's id is theirs to use; the held message is sent. */
  confirmImportedId: () => void;
  cancelIdConfirmation: () => void;
  stop: (conversationId?: string) => void;
  /** Re-runs the turn that produced this assistant message, replacing it. */
  retry: (assistantMessageId: string) => void;
  /** Replaces a user message's text, drops what followed it and asks again. */
  editAndResend: (userMessageId: string, text: string) => void;
  rename: (id: string, title: string) => void;
  togglePin: (id: string) => void;
  /** Deletes a conversation; returns it, so that it can be restored (undo). */
  remove: (id: string) => Conversation | undefined;
  restore: (conversation: Conversation) => void;
  importConversations: (incoming: Conversation[]) => ImportPlan;
  /** Changes the open conversation's web-search options; a new chat starts from them. */
  setWebSearch: (patch: Partial<WebSearchOptions>) => void;
  /** Changes the open conversation's tools; a new chat starts with them. */
  setTools: (patch: Partial<ToolsConfig>) => void;
  /** Answers a reply's tool calls (result text by call id) and continues the conversation. */
  sendToolResults: (assistantMessageId: string, results: ReadonlyMap<string, string>) => void;
}

/** The map with `c` put in (a new map: state is never changed in place). */
const withConversation = (m: Conversations, c: Conversation): Conversations => new Map(m).set(c.id, c);

/** Streams in flight, by conversation: not state, nothing renders them. */
const controllers = new Map<string, AbortController>();

function emptyConversation(id = newConversationId(), resumed = false): Conversation {
  const now = Date.now();
  const { lastWebSearch, lastTools } = useSettingsStore.getState();
  const c: Conversation = { id, title: resumed ? en.chat.resumedTitle(id) : en.chat.untitled, createdAt: now, updatedAt: now, messages: [], webSearch: { ...lastWebSearch }, tools: { ...lastTools } };
  if (resumed) c.resumed = true;
  return c;
}

/** A conversation's web-search options: its own, else the last used. */
export function webSearchOf(c: Conversation | undefined): WebSearchOptions {
  return c?.webSearch ?? useSettingsStore.getState().lastWebSearch;
}

/** A conversation's tools: its own, else the last used. */
export function toolsOf(c: Conversation | undefined): ToolsConfig {
  return c?.tools ?? useSettingsStore.getState().lastTools;
}

/** Not named by the person yet: the first message names it. */
const hasDefaultTitle = (c: Conversation) => c.title === en.chat.untitled || c.title === en.chat.resumedTitle(c.id);

/** Worth saving: it has messages, or it binds a server id the person resumed. */
const worthSaving = (c: Conversation) => c.messages.length > 0 || !!c.resumed;

/** The last reply's tool calls that no tool message answers, answered as skipped: the person sent on instead. */
function skippedToolCalls(messages: readonly Message[]): Message[] {
  const last = messages.findLastIndex((m) => m.role === 'assistant');
  const answered = new Set(messages.slice(last + 1).map((m) => m.toolCallId));
  const calls = messages[last]?.toolCalls ?? [];
  return calls.filter((call) => !answered.has(call.id)).map((call) => ({ id: newMessageId(), role: 'tool', toolCallId: call.id, content: SKIPPED_TOOL_RESULT, createdAt: Date.now() }));
}

/** Runs fn just after the next frame; in a hidden tab frames stop, so a timer stands in. */
function nextFrame(fn: () => void): void {
  if (typeof document !== 'undefined' && document.hidden) setTimeout(fn, 250);
  // In a task of its own just after the frame: rendering the update and painting it
  // are then two tasks, neither of them long.
  else requestAnimationFrame(() => setTimeout(fn, 0));
}

const frameClock: PacerClock = { now: () => performance.now(), nextFrame, after: (ms, fn) => setTimeout(fn, ms), afterWork: (fn) => queueMicrotask(fn) };

export const useChatStore = create<ChatState>()((set, get) => {
  // Writes are batched: every change marks its conversation, a timer saves them together.
  const dirty = new Set<string>();
  /** Written by a save that has not finished yet. */
  const saving = new Set<string>();
  /** Deleted in this tab or another: never written back. */
  const deleted = new Set<string>();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let initStarted = false;

  /** Takes in another copy of a conversation (from storage or another tab), losing nothing. */
  function absorb(other: Conversation): void {
    if (deleted.has(other.id)) return;
    set((s) => {
      const here = s.conversations.get(other.id);
      if (here && !wouldChange(here, other)) return s;
      return { conversations: withConversation(s.conversations, here ? mergeConversations(here, other) : settleAfterReload(other)) };
    });
  }

  async function saveDirty(): Promise<void> {
    saveTimer = undefined;
    const { conversations } = get();
    const batch = [...dirty].map((id) => conversations.get(id)).filter((c): c is Conversation => !!c && worthSaving(c) && !deleted.has(c.id));
    dirty.clear();
    if (batch.length === 0) return;
    batch.forEach((c) => saving.add(c.id));
    // What is on screen goes to the journal first, at once: a reload can come before IndexedDB has it.
    const { activeId, streaming } = get();
    const onScreen = batch.filter((c) => c.id === activeId || streaming.has(c.id));
    const seq = writeJournal(onScreen);
    try {
      const written = await storage.saveConversations(batch);
      forgetJournal(onScreen.map((c) => c.id), seq);
      written.forEach(absorb); // what another tab had stored meanwhile
      tellOtherTabs({ type: 'saved', ids: written.map((c) => c.id) });
      if (get().storageError) set({ storageError: undefined });
    } catch (error) {
      batch.forEach((c) => dirty.add(c.id));
      set({ storageError: storage.describeStorageError(error) });
      saveTimer ??= setTimeout(() => void saveDirty(), 5000);
    } finally {
      batch.forEach((c) => saving.delete(c.id));
    }
  }

  /** The page is going: what no save has started on, or finished, goes to the journal, at once. */
  function journalUnsaved(): void {
    const { conversations } = get();
    const unsaved = [...new Set([...dirty, ...saving])].map((id) => conversations.get(id));
    writeJournal(unsaved.filter((c): c is Conversation => !!c && worthSaving(c) && !deleted.has(c.id)));
  }

  function markDirty(id: string, soon = false): void {
    dirty.add(id);
    if (soon) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      void saveDirty();
    } else saveTimer ??= setTimeout(() => void saveDirty(), 1000);
  }

  async function onTabNews(news: TabNews): Promise<void> {
    if (news.type === 'deleted') {
      deleted.add(news.id);
      if (get().conversations.has(news.id)) dropLocally(news.id);
      return;
    }
    for (const id of news.ids) {
      const stored = await storage.loadConversation(id).catch(() => undefined);
      if (stored) absorb(stored);
    }
  }

  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => {
      journalUnsaved();
      void saveDirty();
    });
    listenToOtherTabs((news) => void onTabNews(news));
  }

  function patchConversation(id: string, fn: (c: Conversation) => Conversation): void {
    set((s) => {
      const c = s.conversations.get(id);
      return c ? { conversations: withConversation(s.conversations, fn(c)) } : s;
    });
  }

  function patchMessage(conversationId: string, messageId: string, patch: Partial<Message>): void {
    patchConversation(conversationId, (c) => ({
      ...c,
      messages: c.messages.map((m) => (m.id === messageId ? { ...m, ...patch } : m)),
    }));
  }

  /** Title, pin and options: saved at once, and newer than another tab's older copy. */
  function patchMeta(id: string, patch: Partial<Conversation>): void {
    patchConversation(id, (c) => ({ ...c, ...patch, metaUpdatedAt: Date.now() }));
    markDirty(id, true);
  }

  /** Per-conversation options: kept with the open conversation, and remembered for the next new chat. */
  function updateOptions(patch: Pick<Conversation, 'webSearch' | 'tools'>, remembered: Partial<Settings>): void {
    patchMeta(get().activeId, patch);
    useSettingsStore.getState().update(remembered);
  }

  function dropLocally(id: string): void {
    controllers.get(id)?.abort();
    forgetLastActive(id);
    dirty.delete(id);
    const rest = new Map(get().conversations);
    rest.delete(id);
    const remaining = [...rest.values()].sort((a, b) => b.updatedAt - a.updatedAt);
    const next = get().activeId === id ? (remaining[0] ?? emptyConversation()) : undefined;
    set({ conversations: next ? rest.set(next.id, next) : rest, ...(next ? { activeId: next.id } : {}) });
  }

  /** Streams a reply to `history` (which ends with the user's or the tools' turn) into a new assistant message. */
  async function runTurn(conversationId: string, history: Message[]): Promise<void> {
    const assistant: Message = { id: newMessageId(), role: 'assistant', content: '', createdAt: Date.now(), status: 'streaming' };
    const current = get().conversations.get(conversationId);
    const webSearch = webSearchOf(current);
    // The user turn records the search options it was (last) sent with.
    const stamped = history.map((m, i) => (i === history.length - 1 && m.role === 'user' ? { ...m, webSearch } : m));
    // What this turn replaces (a retried reply, the turns after an edit) must not come back through a merge.
    const kept = new Set(history.map((m) => m.id));
    const replaced = current?.messages.filter((m) => !kept.has(m.id)).map((m) => m.id) ?? [];
    patchConversation(conversationId, (c) => ({
      ...c,
      messages: [...stamped, assistant],
      updatedAt: Date.now(),
      ...(replaced.length ? { removedMessageIds: [...(c.removedMessageIds ?? []), ...replaced] } : {}),
    }));
    markDirty(conversationId, true);

    const settings = useSettingsStore.getState();
    const controller = new AbortController();
    controllers.set(conversationId, controller);
    set((s) => ({ streaming: new Set(s.streaming).add(conversationId) }));

    const acc = newAccumulator();
    const trace = startTrace(assistant.id);
    const started = performance.now();
    const pacer = createPacer(() => {
      holdReadingWhileRendering();
      patchMessage(conversationId, assistant.id, replyFields(acc));
      markDirty(conversationId);
    }, frameClock);

    let outcome: Awaited<ReturnType<typeof streamReply>>;
    try {
      if (get().conversations.get(conversationId)?.idFromImport) throw new ChatError('config', said('importedIdUnconfirmed'));
      const tools = toolsToSend(toolsOf(get().conversations.get(conversationId)));
      if (tools.problems.length) throw new ChatError('config', said('toolsBlocked'));
      const request = buildChatRequest({ ...settings, conversationId, history: stamped, webSearch, tools: tools.tools });
      outcome = await streamReply(request, {
        signal: controller.signal,
        firstByteTimeoutMs: settings.firstByteTimeoutMs,
        onRawEvents: (raw, wire) => trace.raw.append(raw, wire),
        onEvent(event, at) {
          observe(trace, event, at);
          // At most one store update per frame, however fast deltas arrive (fewer while each is costly);
          // the finish shows in the next task, not after a frame or a rest (see Pacer.finish).
          if (!accumulate(acc, event)) return;
          if (event.type === 'finish') pacer.finish();
          else pacer.request();
        },
      });
    } catch (error) {
      const e = error instanceof ChatError ? error : new ChatError('config', said('unexpected', String(error)));
      outcome = { status: 'failed', error: e };
    }

    // The final update below has it all. Where the finish's update already put the whole
    // reply on screen, it waits until that is painted: what it adds (the status, the
    // timings, the buttons) would otherwise put its render before the paint.
    if (pacer.stop()) await new Promise<void>((resolve) => nextFrame(resolve));
    controllers.delete(conversationId);
    set((s) => {
      const rest = new Set(s.streaming);
      rest.delete(conversationId);
      return { streaming: rest };
    });
    const final: Partial<Message> = { ...replyFields(acc), metrics: metricsOf(trace, performance.now() - started, charsOf(acc)) };
    if (outcome.status === 'failed') {
      final.status = 'failed';
      final.problem = outcome.error.toProblem();
    } else final.status = outcome.status === 'cancelled' ? 'stopped' : 'complete';
    patchMessage(conversationId, assistant.id, final);
    patchConversation(conversationId, (c) => ({ ...c, updatedAt: Date.now() }));
    markDirty(conversationId, true);
  }

  /** Sends a message held back until the person agreed, in its conversation; the composer then clears its draft. */
  function sendHeld({ conversationId, text }: { conversationId: string; text: string }): void {
    set({ activeId: conversationId });
    if (get().send(text)) set({ consumedDraft: { conversationId, text } });
  }

  /** The messages up to and including the user turn that produced `assistantMessageId`. */
  function historyBefore(c: Conversation, assistantMessageId: string): Message[] | undefined {
    const index = c.messages.findIndex((m) => m.id === assistantMessageId);
    if (index <= 0) return undefined;
    return c.messages.slice(0, index);
  }

  return {
    conversations: new Map(),
    activeId: '',
    loaded: false,
    streaming: new Set(),

    async init(routeId) {
      if (initStarted) return; // StrictMode runs effects twice
      initStarted = true;
      storage.requestPersistentStorage();
      let loaded: storage.LoadResult = { conversations: [], skipped: 0 };
      try {
        loaded = await storage.loadConversations();
      } catch (error) {
        set({ storageError: said('storageOpenFailed', error instanceof Error ? error.message : String(error)) });
      }
      const conversations = new Map(loaded.conversations.map((c) => [c.id, c]));
      // What was on screen when the page last went, and not yet saved: folded in (before
      // replies cut off are settled, so the fuller copy wins), then saved. Only into a
      // stored conversation: one deleted since (in another tab) does not come back.
      const journal = takeJournal().filter((c) => conversations.has(c.id));
      for (const c of journal) conversations.set(c.id, mergeConversations(conversations.get(c.id)!, c));
      for (const [id, c] of conversations) conversations.set(id, settleAfterReload(c));
      const last = loadLastActive();
      const latest = [...conversations.values()].sort((a, b) => b.updatedAt - a.updatedAt)[0];
      let active: Conversation;
      const routed = routeId && conversations.get(routeId);
      if (routed) active = routed;
      // A route to an id this browser made itself (an empty new chat) is no resume.
      else if (routeId && routeId === last) active = emptyConversation(routeId);
      else active = (last && conversations.get(last)) || (latest ? conversations.get(latest.id)! : emptyConversation());
      conversations.set(active.id, active);
      set({
        conversations,
        activeId: active.id,
        loaded: true,
        ...(loaded.skipped ? { storageError: said('storageSkipped', loaded.skipped) } : {}),
      });
      if (active.resumed && !active.messages.length) markDirty(active.id, true);
      for (const c of journal) markDirty(c.id, true);
    },

    newChat() {
      const { conversations, activeId } = get();
      const current = conversations.get(activeId);
      // An untouched new chat is reused rather than piling up empty ones.
      if (current && current.messages.length === 0 && !current.resumed) return;
      const c = emptyConversation();
      set({ conversations: withConversation(conversations, c), activeId: c.id });
    },

    select(id) {
      if (get().conversations.has(id)) set({ activeId: id });
    },

    open(id) {
      if (get().conversations.has(id)) return set({ activeId: id });
      const c = emptyConversation(id, true);
      set((s) => ({ conversations: withConversation(s.conversations, c), activeId: id }));
      markDirty(id, true);
    },

    send(text) {
      const { activeId, conversations, streaming } = get();
      const c = conversations.get(activeId);
      const content = text.trim();
      if (!c || !content || streaming.has(activeId)) return false;
      const origin = unconfirmedKeyOrigin(useSettingsStore.getState());
      if (origin) {
        set({ keyConfirmation: { origin, conversationId: activeId, text } });
        return false;
      }
      if (c.idFromImport) {
        set({ idConfirmation: { conversationId: activeId, text } });
        return false;
      }
      const user: Message = { id: newMessageId(), role: 'user', content, createdAt: Date.now() };
      if (c.messages.length === 0 && hasDefaultTitle(c)) patchConversation(activeId, (x) => ({ ...x, title: titleFrom(content) }));
      void runTurn(activeId, [...c.messages, ...skippedToolCalls(c.messages), user]);
      return true;
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
      controllers.get(conversationId ?? get().activeId)?.abort();
    },

    retry(assistantMessageId) {
      const { activeId, conversations, streaming } = get();
      const c = conversations.get(activeId);
      const history = c && historyBefore(c, assistantMessageId);
      if (!history || streaming.has(activeId)) return;
      void runTurn(activeId, history);
    },

    editAndResend(userMessageId, text) {
      const { activeId, conversations, streaming } = get();
      const c = conversations.get(activeId);
      const index = c?.messages.findIndex((m) => m.id === userMessageId) ?? -1;
      const content = text.trim();
      if (!c || index < 0 || !content || streaming.has(activeId)) return;
      // A new id: the edited turn is a new message, the old one is replaced.
      const edited: Message = { ...c.messages[index]!, id: newMessageId(), content, createdAt: Date.now() };
      if (index === 0 && hasDefaultTitle(c)) patchConversation(activeId, (x) => ({ ...x, title: titleFrom(content) }));
      void runTurn(activeId, [...c.messages.slice(0, index), edited]);
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
      deleted.add(id);
      tellOtherTabs({ type: 'deleted', id });
      storage.deleteConversation(id).catch((error: unknown) => set({ storageError: storage.describeStorageError(error) }));
      return c;
    },

    restore(conversation) {
      deleted.delete(conversation.id);
      set((s) => ({ conversations: withConversation(s.conversations, conversation), activeId: conversation.id }));
      markDirty(conversation.id, true);
    },

    importConversations(incoming) {
      const plan = planImport(get().conversations, incoming.map(settleAfterReload), newConversationId);
      // One new map for the whole import: one per conversation made a large import quadratic.
      const conversations = new Map(get().conversations);
      for (const c of plan.write) {
        deleted.delete(c.id);
        conversations.set(c.id, c);
        dirty.add(c.id);
      }
      set({ conversations });
      markDirty(plan.write[0]?.id ?? get().activeId, true);
      return plan;
    },

    setWebSearch(patch) {
      const c = get().conversations.get(get().activeId);
      const next = normalizeWebSearch({ ...webSearchOf(c), ...patch });
      updateOptions({ webSearch: next }, { lastWebSearch: next });
    },

    setTools(patch) {
      const next = { ...toolsOf(get().conversations.get(get().activeId)), ...patch };
      updateOptions({ tools: next }, { lastTools: next });
    },

    sendToolResults(assistantMessageId, results) {
      const { activeId, conversations, streaming } = get();
      const c = conversations.get(activeId);
      const index = c?.messages.findIndex((m) => m.id === assistantMessageId) ?? -1;
      const calls = c?.messages[index]?.toolCalls;
      if (!c || !calls?.length || streaming.has(activeId)) return;
      // The standard OpenAI form: the assistant turn with its tool_calls, then one tool message per call.
      const answers: Message[] = calls.map((call) => ({
        id: newMessageId(),
        role: 'tool',
        toolCallId: call.id,
        content: results.get(call.id) ?? '',
        createdAt: Date.now(),
      }));
      void runTurn(activeId, [...c.messages.slice(0, index + 1), ...answers]);
    },
  };
});

// Remember which conversation is open, whichever action opened it.
useChatStore.subscribe((s, prev) => {
  if (s.activeId && s.activeId !== prev.activeId) saveLastActive(s.activeId);
});
