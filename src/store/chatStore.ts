import { create } from 'zustand';
import { ChatError } from '../api/errors';
import { buildChatRequest } from '../api/request';
import { streamChat } from '../api/stream';
import { titleFrom } from '../domain/conversation';
import { newConversationId, newMessageId } from '../domain/ids';
import { normalizeWebSearch, type WebSearchOptions } from '../domain/normalize';
import { toolsToSend, type ToolsConfig } from '../domain/tools';
import type { Conversation, Message, ReplyProblem } from '../domain/types';
import * as storage from './persistence';
import { accumulate, newAccumulator, type ReplyAccumulator } from './replyAccumulator';
import { metricsOf, observe, startTrace } from './traceStore';
import { useSettingsStore, type Settings } from './settingsStore';

interface ChatState {
  conversations: Record<string, Conversation>;
  activeId: string;
  loaded: boolean;
  /** A storage failure, shown to the person until the next successful save. */
  storageError?: string;
  /** Ids of conversations whose reply is streaming now. */
  streaming: Record<string, true>;

  init: () => Promise<void>;
  newChat: () => void;
  select: (id: string) => void;
  send: (text: string) => void;
  stop: (conversationId?: string) => void;
  /** Re-runs the turn that produced this assistant message, replacing it. */
  retry: (assistantMessageId: string) => void;
  /** Replaces a user message's text, drops what followed it and asks again. */
  editAndResend: (userMessageId: string, text: string) => void;
  remove: (id: string) => void;
  /** Changes the open conversation's web-search options; a new chat starts from them. */
  setWebSearch: (patch: Partial<WebSearchOptions>) => void;
  /** Changes the open conversation's tools; a new chat starts with them. */
  setTools: (patch: Partial<ToolsConfig>) => void;
  /** Answers a reply's tool calls (result text by call id) and continues the conversation. */
  sendToolResults: (assistantMessageId: string, results: Record<string, string>) => void;
}

/** The conversation shown last, so a reload reopens it. */
const lastActive = {
  key: 'bitseek-chat.active',
  load(): string | null {
    try {
      return localStorage.getItem(this.key);
    } catch {
      return null;
    }
  },
  save(id: string): void {
    try {
      localStorage.setItem(this.key, id);
    } catch {
      // not essential: a reload then opens the latest conversation
    }
  },
};

/** Streams in flight, by conversation: not state, nothing renders them. */
const controllers = new Map<string, AbortController>();

const emptyConversation = (id = newConversationId()): Conversation => {
  const now = Date.now();
  const { lastWebSearch, lastTools } = useSettingsStore.getState();
  return { id, title: 'New chat', createdAt: now, updatedAt: now, messages: [], webSearch: { ...lastWebSearch }, tools: { ...lastTools } };
};

/** A conversation's web-search options: its own, else the last used. */
export function webSearchOf(c: Conversation | undefined): WebSearchOptions {
  return c?.webSearch ?? useSettingsStore.getState().lastWebSearch;
}

/** A conversation's tools: its own, else the last used. */
export function toolsOf(c: Conversation | undefined): ToolsConfig {
  return c?.tools ?? useSettingsStore.getState().lastTools;
}

function charsOf(acc: ReplyAccumulator): number {
  return acc.content.length + acc.reasoning.length + acc.refusal.length + acc.toolCalls.reduce((n, c) => n + c.arguments.length, 0);
}

/** Runs fn on the next frame; in a hidden tab frames stop, so a timer stands in. */
function nextFrame(fn: () => void): void {
  if (typeof document !== 'undefined' && document.hidden) setTimeout(fn, 250);
  else requestAnimationFrame(fn);
}

const INTERRUPTED_BY_RELOAD: ReplyProblem = {
  kind: 'interrupted',
  message: 'The page was closed or reloaded while this reply was streaming; what had arrived is kept.',
};

/** A reply that was streaming when the page went away cannot resume: say so, keep its text. */
function settleAfterReload(c: Conversation): Conversation {
  if (!c.messages.some((m) => m.status === 'streaming')) return c;
  return {
    ...c,
    messages: c.messages.map((m) => (m.status === 'streaming' ? { ...m, status: 'failed', problem: INTERRUPTED_BY_RELOAD } : m)),
  };
}

function replyFields(acc: ReplyAccumulator): Partial<Message> {
  const fields: Partial<Message> = { content: acc.content };
  if (acc.reasoning) fields.reasoning = acc.reasoning;
  if (acc.refusal) fields.refusal = acc.refusal;
  if (acc.toolCalls.length) fields.toolCalls = acc.toolCalls.map((c) => ({ ...c }));
  if (acc.finishReason) fields.finishReason = acc.finishReason;
  if (acc.streamId) fields.streamId = acc.streamId;
  if (acc.model) fields.model = acc.model;
  if (acc.usage) fields.usage = acc.usage;
  if (acc.warnings.length) fields.warnings = [...acc.warnings];
  return fields;
}

export const useChatStore = create<ChatState>()((set, get) => {
  // Writes are batched: every change marks its conversation, a timer saves them together.
  const dirty = new Set<string>();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let initStarted = false;

  async function saveDirty(): Promise<void> {
    saveTimer = undefined;
    const { conversations } = get();
    const batch = [...dirty].map((id) => conversations[id]).filter((c): c is Conversation => !!c && c.messages.length > 0);
    dirty.clear();
    if (batch.length === 0) return;
    try {
      await storage.saveConversations(batch);
      if (get().storageError) set({ storageError: undefined });
    } catch (error) {
      batch.forEach((c) => dirty.add(c.id));
      set({ storageError: storage.describeStorageError(error) });
      saveTimer ??= setTimeout(() => void saveDirty(), 5000);
    }
  }

  function markDirty(id: string, soon = false): void {
    dirty.add(id);
    if (soon) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      void saveDirty();
    } else saveTimer ??= setTimeout(() => void saveDirty(), 1000);
  }

  if (typeof window !== 'undefined') window.addEventListener('pagehide', () => void saveDirty());

  function patchConversation(id: string, fn: (c: Conversation) => Conversation): void {
    set((s) => {
      const c = s.conversations[id];
      return c ? { conversations: { ...s.conversations, [id]: fn(c) } } : s;
    });
  }

  function patchMessage(conversationId: string, messageId: string, patch: Partial<Message>): void {
    patchConversation(conversationId, (c) => ({
      ...c,
      messages: c.messages.map((m) => (m.id === messageId ? { ...m, ...patch } : m)),
    }));
  }

  /** Per-conversation options: kept with the open conversation, and remembered for the next new chat. */
  function updateOptions(patch: Pick<Conversation, 'webSearch' | 'tools'>, remembered: Partial<Settings>): void {
    const { activeId } = get();
    patchConversation(activeId, (c) => ({ ...c, ...patch }));
    useSettingsStore.getState().update(remembered);
    markDirty(activeId);
  }

  /** Streams a reply to `history` (which ends with the user's turn) into a new assistant message. */
  async function runTurn(conversationId: string, history: Message[]): Promise<void> {
    const assistant: Message = { id: newMessageId(), role: 'assistant', content: '', createdAt: Date.now(), status: 'streaming' };
    const webSearch = webSearchOf(get().conversations[conversationId]);
    // The user turn records the search options it was (last) sent with.
    const stamped = history.map((m, i) => (i === history.length - 1 && m.role === 'user' ? { ...m, webSearch } : m));
    patchConversation(conversationId, (c) => ({ ...c, messages: [...stamped, assistant], updatedAt: Date.now() }));
    markDirty(conversationId, true);

    const settings = useSettingsStore.getState();
    const controller = new AbortController();
    controllers.set(conversationId, controller);
    set((s) => ({ streaming: { ...s.streaming, [conversationId]: true } }));

    const acc = newAccumulator();
    const trace = startTrace(assistant.id);
    const started = performance.now();
    let frameQueued = false;
    const flush = () => {
      frameQueued = false;
      patchMessage(conversationId, assistant.id, replyFields(acc));
      markDirty(conversationId);
    };

    let outcome: Awaited<ReturnType<typeof streamChat>>;
    try {
      const tools = toolsToSend(toolsOf(get().conversations[conversationId]));
      if (tools.problems.length) throw new ChatError('config', `Not sent: the Tools JSON has a problem. ${tools.problems[0]!.message}`);
      const request = buildChatRequest({ ...settings, conversationId, history: stamped, webSearch, tools: tools.tools });
      outcome = await streamChat(request, {
        signal: controller.signal,
        firstByteTimeoutMs: settings.firstByteTimeoutMs,
        onEvent(event, at) {
          observe(trace, event, at);
          // At most one store update per frame, however fast deltas arrive.
          if (accumulate(acc, event) && !frameQueued) {
            frameQueued = true;
            nextFrame(flush);
          }
        },
      });
    } catch (error) {
      const e = error instanceof ChatError ? error : new ChatError('config', String(error));
      outcome = { status: 'failed', error: e };
    }

    controllers.delete(conversationId);
    set((s) => {
      const { [conversationId]: _done, ...rest } = s.streaming;
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

  /** The messages up to and including the user turn that produced `assistantMessageId`. */
  function historyBefore(c: Conversation, assistantMessageId: string): Message[] | undefined {
    const index = c.messages.findIndex((m) => m.id === assistantMessageId);
    if (index <= 0) return undefined;
    return c.messages.slice(0, index);
  }

  return {
    conversations: {},
    activeId: '',
    loaded: false,
    streaming: {},

    async init() {
      if (initStarted) return; // StrictMode runs effects twice
      initStarted = true;
      storage.requestPersistentStorage();
      let loaded: storage.LoadResult = { conversations: [], skipped: 0 };
      try {
        loaded = await storage.loadConversations();
      } catch (error) {
        set({ storageError: `Could not open saved conversations: ${error instanceof Error ? error.message : String(error)}` });
      }
      const conversations: Record<string, Conversation> = {};
      for (const c of loaded.conversations) conversations[c.id] = settleAfterReload(c);
      // Reopen the conversation the page showed last, even an empty one, so its draft comes back.
      const last = lastActive.load();
      const latest = loaded.conversations.sort((a, b) => b.updatedAt - a.updatedAt)[0];
      const active = (last && conversations[last]) || (last ? emptyConversation(last) : latest ? conversations[latest.id]! : emptyConversation());
      conversations[active.id] = active;
      set({
        conversations,
        activeId: active.id,
        loaded: true,
        ...(loaded.skipped ? { storageError: `${loaded.skipped} saved conversation(s) could not be read and were skipped.` } : {}),
      });
    },

    newChat() {
      const { conversations, activeId } = get();
      // An untouched new chat is reused rather than piling up empty ones.
      if (conversations[activeId]?.messages.length === 0) return;
      const c = emptyConversation();
      set({ conversations: { ...conversations, [c.id]: c }, activeId: c.id });
    },

    select(id) {
      if (get().conversations[id]) set({ activeId: id });
    },

    send(text) {
      const { activeId, conversations, streaming } = get();
      const c = conversations[activeId];
      const content = text.trim();
      if (!c || !content || streaming[activeId]) return;
      const user: Message = { id: newMessageId(), role: 'user', content, createdAt: Date.now() };
      if (c.messages.length === 0) patchConversation(activeId, (x) => ({ ...x, title: titleFrom(content) }));
      void runTurn(activeId, [...c.messages, user]);
    },

    stop(conversationId) {
      controllers.get(conversationId ?? get().activeId)?.abort();
    },

    retry(assistantMessageId) {
      const { activeId, conversations, streaming } = get();
      const c = conversations[activeId];
      const history = c && historyBefore(c, assistantMessageId);
      if (!history || streaming[activeId]) return;
      void runTurn(activeId, history);
    },

    editAndResend(userMessageId, text) {
      const { activeId, conversations, streaming } = get();
      const c = conversations[activeId];
      const index = c?.messages.findIndex((m) => m.id === userMessageId) ?? -1;
      const content = text.trim();
      if (!c || index < 0 || !content || streaming[activeId]) return;
      const edited: Message = { ...c.messages[index]!, content, createdAt: Date.now() };
      if (index === 0) patchConversation(activeId, (x) => ({ ...x, title: titleFrom(content) }));
      void runTurn(activeId, [...c.messages.slice(0, index), edited]);
    },

    setWebSearch(patch) {
      const c = get().conversations[get().activeId];
      const next = normalizeWebSearch({ ...webSearchOf(c), ...patch });
      updateOptions({ webSearch: next }, { lastWebSearch: next });
    },

    setTools(patch) {
      const next = { ...toolsOf(get().conversations[get().activeId]), ...patch };
      updateOptions({ tools: next }, { lastTools: next });
    },

    sendToolResults(assistantMessageId, results) {
      const { activeId, conversations, streaming } = get();
      const c = conversations[activeId];
      const index = c?.messages.findIndex((m) => m.id === assistantMessageId) ?? -1;
      const calls = c?.messages[index]?.toolCalls;
      if (!c || !calls?.length || streaming[activeId]) return;
      // The standard OpenAI form: the assistant turn with its tool_calls, then one tool message per call.
      const answers: Message[] = calls.map((call) => ({
        id: newMessageId(),
        role: 'tool',
        toolCallId: call.id,
        content: results[call.id] ?? '',
        createdAt: Date.now(),
      }));
      void runTurn(activeId, [...c.messages.slice(0, index + 1), ...answers]);
    },

    remove(id) {
      get().stop(id);
      const { [id]: _gone, ...rest } = get().conversations;
      const remaining = Object.values(rest).sort((a, b) => b.updatedAt - a.updatedAt);
      const next = get().activeId === id ? (remaining[0] ?? emptyConversation()) : undefined;
      set({ conversations: next ? { ...rest, [next.id]: next } : rest, ...(next ? { activeId: next.id } : {}) });
      dirty.delete(id);
      storage.deleteConversation(id).catch((error: unknown) => set({ storageError: storage.describeStorageError(error) }));
    },
  };
});

// Remember which conversation is open, whichever action opened it.
useChatStore.subscribe((s, prev) => {
  if (s.activeId && s.activeId !== prev.activeId) lastActive.save(s.activeId);
});
