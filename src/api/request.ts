import { normalizeTemperature, type WebSearchOptions } from '../domain/normalize';
import type { ToolDefinition } from '../domain/tools';
import type { Message } from '../domain/types';
import { chatCompletionsUrl } from './endpoint';
import { requireAuthorization, type KeyGrant } from './keyGate';

export const DEFAULT_MODEL = 'bitseek-auto';


export type WireMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: WireToolCall[] }
  | { role: 'tool'; content: string; tool_call_id: string };

export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ChatRequestBody {
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
          content: message.content || null,
          tool_calls: calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
        };
      }
      return message.content ? { role: 'assistant', content: message.content } : undefined;
    }
  }
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
  for (const m of input.history) {
    const wire = toWire(m);
    if (wire) messages.push(wire);
  }

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
