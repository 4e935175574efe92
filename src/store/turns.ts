// The turn engine: a chat turn (send, stream, stop, fail, retry, edit, tool results)
// with no React and no zustand in it. The store binds it to its state through a
// TurnHost; tests give it a host of their own and a stream that plays events.
import { ChatError } from '../api/errors';
import { buildChatRequest, type ChatRequest } from '../api/request';
import type { StreamOptions, StreamOutcome } from '../api/stream';
import { hasDefaultTitle, titleFrom } from '../domain/conversation';
import { newMessageId } from '../domain/ids';
import type { WebSearchOptions } from '../domain/normalize';
import { SKIPPED_TOOL_RESULT, toolsToSend, type ToolDefinition, type ToolsConfig } from '../domain/tools';
import { activePath, addTurn, withMessagePatched } from '../domain/tree';
import type { Conversation, Message, ToolRun } from '../domain/types';
import { said } from '../i18n';
import { createPacer, type PacerClock } from './pacer';
import { accumulate, charsOf, newAccumulator, replyFields } from './replyAccumulator';
import type { Settings } from './settingsStore';
import { keepTrace, metricsOf, observe, startTrace } from './traces';

/** What a turn needs of the state it runs in. */
export interface TurnHost {
  conversation(id: string): Conversation | undefined;
  update(id: string, fn: (c: Conversation) => Conversation): void;
  isStreaming(id: string): boolean;
  setStreaming(id: string, streaming: boolean): void;
  /** The conversation changed: to be saved soon, or at once (`now`). */
  changed(id: string, now?: boolean): void;
}

export interface TurnDeps {
  host: TurnHost;
  settings(): Settings;
  /** Streams one request: streamReply in the app. */
  stream(request: ChatRequest, options: StreamOptions): Promise<StreamOutcome>;
  /** When streaming updates reach the state (see pacer.ts). */
  clock: PacerClock;
  /** Tools offered beside the conversation's own (MCP servers'), named apart from `taken`. */
  moreTools?(taken: readonly string[]): ToolDefinition[];
}

export interface TurnEngine {
  /** Sends a user message and streams the reply; false when there is nothing to send or a reply is streaming. */
  send(conversationId: string, text: string): boolean;
  /** Re-runs the turn that produced this assistant message: a new version of it. */
  retry(conversationId: string, assistantMessageId: string): void;
  /** Asks again with a user message's text changed: a new version of it, with its own reply. */
  edit(conversationId: string, userMessageId: string, text: string): void;
  /** Answers a reply's tool calls (result text by call id) and continues. */
  answerTools(
    conversationId: string,
    assistantMessageId: string,
    results: ReadonlyMap<string, string>,
    runs?: ReadonlyMap<string, ToolRun>,
  ): void;
  stop(conversationId: string): void;
}

/** A conversation's web-search options: its own, else the last used. */
export const webSearchIn = (c: Conversation | undefined, s: Settings): WebSearchOptions => c?.webSearch ?? s.lastWebSearch;

/** A conversation's tools: its own, else the last used. */
export const toolsIn = (c: Conversation | undefined, s: Settings): ToolsConfig => c?.tools ?? s.lastTools;

/** The last reply's tool calls that no tool message answers, answered as skipped: the person sent on instead. */
function skippedToolCalls(messages: readonly Message[]): Message[] {
  const last = messages.findLastIndex((m) => m.role === 'assistant');
  const answered = new Set(messages.slice(last + 1).map((m) => m.toolCallId));
  const calls = messages[last]?.toolCalls ?? [];
  return calls
    .filter((call) => !answered.has(call.id))
    .map((call) => ({ id: newMessageId(), role: 'tool', toolCallId: call.id, content: SKIPPED_TOOL_RESULT, createdAt: Date.now() }));
}

export function createTurnEngine({ host, settings, stream, clock, moreTools }: TurnDeps): TurnEngine {
  /** Streams in flight, by conversation. */
  const controllers = new Map<string, AbortController>();

  const patchMessage = (conversationId: string, messageId: string, patch: Partial<Omit<Message, 'id' | 'parentId'>>) =>
    host.update(conversationId, (c) => ({ ...c, messages: withMessagePatched(c.messages, messageId, patch) }));

  const titled = (conversationId: string, c: Conversation, content: string) => {
    if (hasDefaultTitle(c)) host.update(conversationId, (x) => ({ ...x, title: titleFrom(content) }));
  };

  /** Streams a reply to `history` (which ends with the user's or the tools' turn) into a new assistant message. */
  async function run(conversationId: string, history: Message[]): Promise<void> {
    const assistant: Message = { id: newMessageId(), role: 'assistant', content: '', createdAt: Date.now(), status: 'streaming' };
    const current = host.conversation(conversationId);
    const webSearch = webSearchIn(current, settings());
    // The user turn records the search options it was (last) sent with.
    const stamped = history.map((m, i) => (i === history.length - 1 && m.role === 'user' ? { ...m, webSearch } : m));
    // Added to the tree: a retried reply, or the turns after an edit, stay there as other versions.
    host.update(conversationId, (c) => ({ ...addTurn(c, [...stamped, assistant]), updatedAt: Date.now() }));
    host.changed(conversationId, true);

    const s = settings();
    const controller = new AbortController();
    controllers.set(conversationId, controller);
    host.setStreaming(conversationId, true);

    const acc = newAccumulator();
    const trace = startTrace(assistant.id);
    const started = performance.now();
    const pacer = createPacer(() => {
      patchMessage(conversationId, assistant.id, replyFields(acc));
      host.changed(conversationId);
    }, clock);

    let outcome: StreamOutcome;
    try {
      const c = host.conversation(conversationId);
      if (c?.idFromImport) throw new ChatError('config', said('importedIdUnconfirmed'));
      const tools = toolsToSend(toolsIn(c, s));
      if (tools.problems.length) throw new ChatError('config', said('toolsBlocked'));
      const offered = [...tools.tools, ...(moreTools?.(tools.tools.map((t) => t.function.name)) ?? [])];
      const request = buildChatRequest({ ...s, conversationId, history: stamped, webSearch, tools: offered });
      // The reply records what it was offered: the servers and switches may change before anyone looks.
      if (offered.length) patchMessage(conversationId, assistant.id, { toolsOffered: offered.map((t) => t.function.name) });
      outcome = await stream(request, {
        signal: controller.signal,
        firstByteTimeoutMs: s.firstByteTimeoutMs,
        onRawEvents: (raw, wire) => trace.raw.append(raw, wire),
        onEvent(event, at) {
          observe(trace, event, at);
          // At most one state update per frame, however fast deltas arrive (fewer while each is costly);
          // the finish shows in the next task, not after a frame or a rest (see Pacer.finish).
          if (!accumulate(acc, event)) return;
          if (event.type === 'finish') pacer.finish();
          else pacer.request();
        },
      });
    } catch (error) {
      outcome = {
        status: 'failed',
        error: error instanceof ChatError ? error : new ChatError('config', said('unexpected', String(error))),
      };
    }

    // The final update below has it all. Where the finish's update already put the whole
    // reply on screen, it waits until that is painted: what it adds (the status, the
    // timings, the buttons) would otherwise put its render before the paint.
    if (pacer.stop()) await new Promise<void>((resolve) => clock.nextFrame(resolve));
    controllers.delete(conversationId);
    host.setStreaming(conversationId, false);
    const final: Partial<Message> = { ...replyFields(acc), metrics: metricsOf(trace, performance.now() - started, charsOf(acc)) };
    if (outcome.status === 'failed') {
      final.status = 'failed';
      final.problem = outcome.error.toProblem();
    } else final.status = outcome.status === 'cancelled' ? 'stopped' : 'complete';
    patchMessage(conversationId, assistant.id, final);
    host.update(conversationId, (c) => ({ ...c, updatedAt: Date.now() }));
    host.changed(conversationId, true);
    keepTrace(conversationId, assistant.id, trace);
  }

  /** The conversation's active path, when a new turn may start in it. */
  const idle = (conversationId: string) => {
    const c = host.isStreaming(conversationId) ? undefined : host.conversation(conversationId);
    return c && { c, path: activePath(c) };
  };

  return {
    send(conversationId, text) {
      const at = idle(conversationId);
      const content = text.trim();
      if (!at || !content) return false;
      if (at.c.messages.length === 0) titled(conversationId, at.c, content);
      const user: Message = { id: newMessageId(), role: 'user', content, createdAt: Date.now() };
      void run(conversationId, [...at.path, ...skippedToolCalls(at.path), user]);
      return true;
    },

    retry(conversationId, assistantMessageId) {
      const at = idle(conversationId);
      const index = at?.path.findIndex((m) => m.id === assistantMessageId) ?? -1;
      if (at && index > 0) void run(conversationId, at.path.slice(0, index));
    },

    edit(conversationId, userMessageId, text) {
      const at = idle(conversationId);
      const index = at?.path.findIndex((m) => m.id === userMessageId) ?? -1;
      const content = text.trim();
      if (!at || index < 0 || !content) return;
      // A new id: the edited turn is a new version beside the old one.
      const edited: Message = { ...at.path[index]!, id: newMessageId(), content, createdAt: Date.now() };
      if (index === 0) titled(conversationId, at.c, content);
      void run(conversationId, [...at.path.slice(0, index), edited]);
    },

    answerTools(conversationId, assistantMessageId, results, runs) {
      const at = idle(conversationId);
      const index = at?.path.findIndex((m) => m.id === assistantMessageId) ?? -1;
      const calls = at?.path[index]?.toolCalls;
      // Answered only while it is the latest turn: results that arrive after the person sent on are not sent under it.
      if (!at || !calls?.length || index !== at.path.length - 1) return;
      // The standard OpenAI form: the assistant turn with its tool_calls, then one tool message per call.
      const answers: Message[] = calls.map((call) => ({
        id: newMessageId(),
        role: 'tool',
        toolCallId: call.id,
        content: results.get(call.id) ?? '',
        createdAt: Date.now(),
        ...(runs?.has(call.id) && { toolRun: runs.get(call.id)! }),
      }));
      void run(conversationId, [...at.path.slice(0, index + 1), ...answers]);
    },

    stop(conversationId) {
      controllers.get(conversationId)?.abort();
    },
  };
}
