import { normalizeTemperature, type WebSearchOptions } from '../domain/normalize';
import { SKIPPED_TOOL_RESULT, type ToolDefinition } from '../domain/tools';
import type { Message } from '../domain/types';
import { chatCompletionsUrl } from './endpoint';
import { requireAuthorization, type KeyGrant } from './keyGate';

/** No response headers by then fails a turn (settings can change it). */
export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 60_000;
export const DEFAULT_MODEL = 'bitseek-auto';

type WireMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: WireToolCall[] }
  | { role: 'tool'; content: string; tool_call_id: string };

interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

interface ChatRequestBody {
  model: string;
  stream: true;
  messages: WireMessage[];
  temperature: number;
  tools?: ToolDefinition[];
  enableWebSearch?: boolean;
  webSearch?: WebSearchOptions;
}

/** Everything that goes over the wire for one turn, ready for fetch. */
export interface ChatRequest {
  url: string;
  headers: Record<string, string>;
  body: ChatRequestBody;
}

export interface ChatRequestInput extends KeyGrant {
  model: string;
  temperature: number;
  systemPrompt: string;
  conversationId: string;
  /** Earlier turns and the new user message, oldest first. */
  history: readonly Message[];
  tools?: ToolDefinition[];
  webSearch?: WebSearchOptions;
}

/** A turn as the wire carries it; replies that never produced anything are left out. */
function toWire(message: Message): WireMessage | undefined {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
    case 'tool':
      return { role: 'tool', content: message.content, tool_call_id: message.toolCallId ?? '' };
    case 'assistant': {
      const calls = message.toolCalls ?? [];
      if (calls.length > 0) {
        return {
          role: 'assistant',
          // A string even when empty: Bitseek takes no null content (OpenAI takes both).
          content: message.content,
          tool_calls: calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
        };
      }
      return message.content ? { role: 'assistant', content: message.content } : undefined;
    }
  }
}

/**
 * The turns as a strict OpenAI server takes them: each tool call answered by exactly one
 * tool message right after its turn (one left unanswered gets SKIPPED_TOOL_RESULT, as the
 * store records when the person sends on), and no tool message without its call.
 */
function pairToolRounds(messages: readonly WireMessage[]): WireMessage[] {
  const out: WireMessage[] = [];
  let open: string[] = [];
  const close = () => {
    for (const id of open) out.push({ role: 'tool', content: SKIPPED_TOOL_RESULT, tool_call_id: id });
    open = [];
  };
  for (const m of messages) {
    if (m.role === 'tool') {
      const at = open.indexOf(m.tool_call_id);
      if (at < 0) continue;
      open.splice(at, 1);
      out.push(m);
      continue;
    }
    close();
    out.push(m);
    if (m.role === 'assistant') open = [...new Set(m.tool_calls?.map((c) => c.id))];
  }
  close();
  return out;
}

export function buildChatRequest(input: ChatRequestInput): ChatRequest {
  const url = chatCompletionsUrl(input.endpoint);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    // lower case on purpose: fetch-event-source adds its own `accept` unless this exact key is set
    accept: 'text/event-stream',
    'x-conversation-id': input.conversationId,
    ...requireAuthorization(url, input),
  };

  const messages: WireMessage[] = [];
  const system = input.systemPrompt.trim();
  if (system) messages.push({ role: 'system', content: system });
  const turns: WireMessage[] = [];
  for (const m of input.history) {
    const wire = toWire(m);
    if (wire) turns.push(wire);
  }
  messages.push(...pairToolRounds(turns));

  const body: ChatRequestBody = {
    model: input.model.trim() || DEFAULT_MODEL,
    stream: true,
    messages,
    temperature: normalizeTemperature(input.temperature),
  };
  if (input.tools && input.tools.length > 0) body.tools = input.tools;
  if (input.webSearch) {
    // Off is said with the quick switch alone: the fewer unknown fields, the more servers accept it.
    body.enableWebSearch = input.webSearch.enabled;
    if (input.webSearch.enabled) body.webSearch = { ...input.webSearch };
  }
  return { url, headers, body };
}
