import { useEffect, useMemo, useState } from 'react';
import type { McpProgress, McpWireMessage } from '../../api';
import { DECLINED_RESULT, MAX_RESULT_CHARS, resultForModel, resultParts, type ResultPart } from '../../domain/mcpTools';
import { toolsToSend } from '../../domain/tools';
import { activePath } from '../../domain/tree';
import type { Message, ToolRun } from '../../domain/types';
import { toolsOf, useChatStore } from '../../store/chatStore';
import { isAlwaysAllowed, offeredTools, runMcpTool, useMcpStore, type OfferedTool } from '../../store/mcpStore';
import { useSettingsStore } from '../../store/settingsStore';
import { recordMcpCall } from '../../store/traces';

type McpCallState =
  | { kind: 'waiting' }
  | { kind: 'running'; started: number; progress?: McpProgress; controller: AbortController }
  | {
      kind: 'done';
      forModel: string;
      parts: ResultPart[];
      isError: boolean;
      ms: number;
      messages: McpWireMessage[];
      /** The whole result, as JSON, when the model was sent only its start. */
      whole?: string;
    }
  | { kind: 'declined' };

/** An MCP call of a reply's round: where it runs, how it stands, and what the person can do. */
export interface McpCall {
  tool: OfferedTool;
  state: McpCallState;
  run(): void;
  deny(): void;
  /** Runs it, and its tool from now on without asking: in this conversation, or everywhere. */
  alwaysAllow(everywhere: boolean): void;
  cancel(): void;
}

export interface ToolRound {
  /** The round's MCP calls, by call id; the others are answered by hand. */
  mcp: ReadonlyMap<string, McpCall>;
  /** The MCP calls' results, once all are in (for the model, by call id), and how each ran. */
  results?: ReadonlyMap<string, string>;
  runs?: ReadonlyMap<string, ToolRun>;
  /** Rounds of tools in a row reached the cap: not sent on by itself. */
  capped?: number;
}

/** Rounds of tool calls in a row up to this reply, on the path shown (since the last user message). */
function roundsUpTo(messageId: string): number {
  const { conversations, activeId } = useChatStore.getState();
  const c = conversations.get(activeId);
  const path = c ? activePath(c) : [];
  let rounds = 0;
  for (let i = path.findIndex((m) => m.id === messageId); i >= 0 && path[i]!.role !== 'user'; i--)
    if (path[i]!.role === 'assistant' && path[i]!.toolCalls?.length) rounds++;
  return rounds;
}

/**
 * The round of tool calls a reply asked for (`pending`: the latest reply, not answered yet):
 * each MCP call waits for Run, Deny or Always allow (or runs, when always allowed); when
 * every call has its result and none is answered by hand, the conversation goes on by itself,
 * up to the rounds cap.
 */
export function useToolRound(message: Message, pending: boolean): ToolRound {
  const status = useMcpStore((s) => s.status);
  const [states, setStates] = useState<ReadonlyMap<string, McpCallState>>(new Map());
  const calls = message.toolCalls;
  // While the round is open, and after, for the calls it ran (their results stay on their cards).
  const open = pending || states.size > 0;
  const offered = useMemo(() => {
    const out = new Map<string, OfferedTool>();
    if (!open || !calls?.length) return out;
    const { conversations, activeId } = useChatStore.getState();
    const taken = toolsToSend(toolsOf(conversations.get(activeId))).tools.map((t) => t.function.name);
    const byName = new Map(offeredTools(taken).map((t) => [t.name, t]));
    for (const call of calls) {
      const tool = byName.get(call.name);
      if (tool) out.set(call.id, tool);
    }
    return out;
    // status: a server connecting after a reload brings its tools back
  }, [open, calls, status]); // eslint-disable-line react-hooks/exhaustive-deps

  const put = (id: string, state: McpCallState) => setStates((s) => new Map(s).set(id, state));

  const run = (id: string) => {
    const tool = offered.get(id);
    const call = calls?.find((c) => c.id === id);
    if (!tool || !call || states.get(id)?.kind === 'running') return;
    let args: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(call.arguments || '{}');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) args = parsed as Record<string, unknown>;
    } catch {
      const text = `Error: the arguments were not valid JSON: ${call.arguments.slice(0, 200)}`;
      return put(id, { kind: 'done', forModel: text, parts: [{ kind: 'text', text }], isError: true, ms: 0, messages: [] });
    }
    const controller = new AbortController();
    const started = performance.now();
    put(id, { kind: 'running', started, controller });
    void runMcpTool(tool, args, controller.signal, (progress) =>
      setStates((s) => {
        const now = s.get(id);
        return now?.kind === 'running' ? new Map(s).set(id, { ...now, progress }) : s;
      }),
    ).then(({ result, messages }) => {
      const forModel = resultForModel(result);
      recordMcpCall(message.id, id, messages);
      put(id, {
        kind: 'done',
        forModel,
        parts: resultParts(result),
        isError: !!result.isError,
        ms: Math.round(performance.now() - started),
        messages,
        ...(forModel.length > MAX_RESULT_CHARS && { whole: JSON.stringify(result) }),
      });
    });
  };

  // Always allowed: run without asking (just after this render, which shows them waiting).
  useEffect(() => {
    const conversationId = useChatStore.getState().activeId;
    const allowed = pending ? [...offered].filter(([id, tool]) => !states.has(id) && isAlwaysAllowed(tool, conversationId)) : [];
    if (allowed.length === 0) return;
    const timer = setTimeout(() => allowed.forEach(([id]) => run(id)));
    return () => clearTimeout(timer);
  });

  // The open round's calls, and after it those that ran.
  const shown = useMemo(() => [...offered].filter(([id]) => pending || states.has(id)), [offered, pending, states]);
  const mcp = new Map<string, McpCall>();
  for (const [id, tool] of shown) {
    mcp.set(id, {
      tool,
      state: states.get(id) ?? { kind: 'waiting' },
      run: () => run(id),
      deny: () => put(id, { kind: 'declined' }),
      alwaysAllow: (everywhere) => {
        const conversationId = everywhere ? undefined : useChatStore.getState().activeId;
        useMcpStore.getState().setAlwaysAllowed(tool.serverId, tool.tool.name, true, conversationId);
        run(id);
      },
      cancel: () => {
        const s = states.get(id);
        if (s?.kind === 'running') s.controller.abort();
      },
    });
  }

  // From the calls' states alone (the call objects above are new each render), so that it changes only with them.
  const answered = useMemo(() => {
    const done = (id: string) => states.get(id)?.kind === 'done' || states.get(id)?.kind === 'declined';
    if (shown.length === 0 || !shown.every(([id]) => done(id))) return undefined;
    const results = new Map<string, string>();
    const runs = new Map<string, ToolRun>();
    for (const [id, tool] of shown) {
      const state = states.get(id)!;
      results.set(id, state.kind === 'done' ? state.forModel : DECLINED_RESULT);
      const run = { server: tool.serverName, tool: tool.tool.name, ms: state.kind === 'done' ? state.ms : 0 };
      runs.set(id, { ...run, outcome: state.kind === 'declined' ? 'declined' : state.kind === 'done' && state.isError ? 'error' : 'ok' });
    }
    return { results, runs };
  }, [shown, states]);
  const results = answered?.results;
  const byHand = (calls?.length ?? 0) > mcp.size;
  const cap = useSettingsStore((s) => s.maxToolRounds);
  const capped = results && !byHand && roundsUpTo(message.id) >= cap ? cap : undefined;

  // Every call answered, none by hand: the conversation goes on.
  const sendToolResults = useChatStore((s) => s.sendToolResults);
  useEffect(() => {
    if (pending && answered && !byHand && capped === undefined) sendToolResults(message.id, answered.results, answered.runs);
  }, [pending, answered, byHand, capped, message.id, sendToolResults]);

  return { mcp, ...(answered && { results: answered.results, runs: answered.runs }), ...(capped !== undefined && { capped }) };
}
