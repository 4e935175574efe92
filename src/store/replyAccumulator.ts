import type { ToolCall, Usage } from '../domain/types';
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
  warnings: string[];
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
      acc.warnings.push(event.message);
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
