import { noteOf, type Note } from '../i18n';
import type { Message, ToolCall, Usage } from '../domain/types';
import type { StreamEvent } from '../api/stream';

/** A reply as its stream has built it so far. Mutable: it takes thousands of deltas a second. */
export interface ReplyAccumulator {
  content: string;
  reasoning: string;
  refusal: string;
  toolCalls: ToolCall[];
  finishReason?: string;
  streamId?: string;
  model?: string;
  usage?: Usage;
  warnings: Note[];
}

export function newAccumulator(): ReplyAccumulator {
  return { content: '', reasoning: '', refusal: '', toolCalls: [], warnings: [] };
}

/** Tool-call deltas merge by index: id, type and name come first, arguments in pieces. */
function mergeToolCall(calls: ToolCall[], delta: Extract<StreamEvent, { type: 'toolCallDelta' }>): void {
  let call = calls.find((c) => c.index === delta.index);
  if (!call) {
    call = { index: delta.index, id: '', type: 'function', name: '', arguments: '' };
    calls.push(call);
    calls.sort((a, b) => a.index - b.index);
  }
  if (delta.id) call.id = delta.id;
  if (delta.callType) call.type = delta.callType;
  // Most servers send the name once; some repeat it whole in every chunk, a few
  // split it: a repeat replaces, a piece appends.
  if (delta.name) call.name = delta.name.startsWith(call.name) ? delta.name : call.name + delta.name;
  if (delta.arguments) call.arguments += delta.arguments;
}

/** Applies one stream event; returns whether anything a person sees changed. */
export function accumulate(acc: ReplyAccumulator, event: StreamEvent): boolean {
  switch (event.type) {
    case 'text':
      acc.content += event.text;
      return true;
    case 'reasoning':
      acc.reasoning += event.text;
      return true;
    case 'refusal':
      acc.refusal += event.text;
      return true;
    case 'toolCallDelta':
      mergeToolCall(acc.toolCalls, event);
      return true;
    case 'finish':
      acc.finishReason = event.reason;
      return true;
    case 'usage':
      acc.usage = event.usage;
      return true;
    case 'warning':
      acc.warnings.push(noteOf(event.said));
      return true;
    case 'meta':
      // The first chunk's id names the stream; `model` may be "" (Bitseek) and is then left unset.
      acc.streamId ??= event.id;
      if (event.model) acc.model = event.model;
      return false;
    default:
      return false;
  }
}

/** The message fields a reply's stream has filled so far. */
export function replyFields(acc: ReplyAccumulator): Partial<Message> {
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

/** Characters received: text, reasoning, refusal and tool arguments. */
export function charsOf(acc: ReplyAccumulator): number {
  return acc.content.length + acc.reasoning.length + acc.refusal.length + acc.toolCalls.reduce((n, c) => n + c.arguments.length, 0);
}
