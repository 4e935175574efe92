import { noteOf, said, type Note } from '../i18n';
import type { Message, ToolCall, Usage } from '../domain/types';
import type { StreamEvent } from '../api/stream';

/**
 * Tool calls a reply keeps: as many as a person can read and answer. Calls after
 * these are counted, not kept, and the reply says so.
 */
export const MAX_TOOL_CALLS = 100;
/** Warnings a reply keeps (skipped events, say); the rest are counted in one more. */
const MAX_WARNINGS = 50;

/** A reply as its stream has built it so far. Mutable: it takes thousands of deltas a second. */
export interface ReplyAccumulator {
  content: string;
  reasoning: string;
  refusal: string;
  /** In index order; at most MAX_TOOL_CALLS. */
  toolCalls: ToolCall[];
  /** The same calls by index: a delta finds its call without a search. */
  toolCallsByIndex: Map<number, ToolCall>;
  /** Indexes of the calls asked for beyond MAX_TOOL_CALLS. */
  droppedToolCalls: Set<number>;
  /** Warnings beyond MAX_WARNINGS, counted. */
  warningsDropped: number;
  finishReason?: string;
  streamId?: string;
  model?: string;
  usage?: Usage;
  warnings: Note[];
}

export function newAccumulator(): ReplyAccumulator {
  return {
    content: '',
    reasoning: '',
    refusal: '',
    toolCalls: [],
    toolCallsByIndex: new Map(),
    droppedToolCalls: new Set(),
    warningsDropped: 0,
    warnings: [],
  };
}

/** Tool-call deltas merge by index: id, type and name come first, arguments in pieces. */
function mergeToolCall(acc: ReplyAccumulator, delta: Extract<StreamEvent, { type: 'toolCallDelta' }>): void {
  let call = acc.toolCallsByIndex.get(delta.index);
  if (!call) {
    if (acc.toolCalls.length >= MAX_TOOL_CALLS) {
      acc.droppedToolCalls.add(delta.index);
      return;
    }
    call = { index: delta.index, id: '', type: 'function', name: '', arguments: '' };
    acc.toolCallsByIndex.set(delta.index, call);
    const calls = acc.toolCalls;
    calls.push(call);
    // Indexes nearly always come in order; one out of order moves into place (at most MAX_TOOL_CALLS steps).
    for (let i = calls.length - 1; i > 0 && calls[i - 1]!.index > call.index; i--) [calls[i - 1], calls[i]] = [calls[i]!, calls[i - 1]!];
  }
  if (delta.id) call.id = delta.id;
  if (delta.callType) call.type = delta.callType;
  // Name pieces append, as OpenAI's do (`get_` then `weather`). Some servers repeat the whole
  // name with every piece of the arguments: a name equal to the call's, with arguments or after
  // them, is such a repeat. Name pieces come before any arguments, so a split name is never lost.
  if (delta.name && !((call.arguments || delta.arguments) && delta.name === call.name)) call.name += delta.name;
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
      mergeToolCall(acc, event);
      return true;
    case 'finish':
      acc.finishReason = event.reason;
      return true;
    case 'usage':
      acc.usage = event.usage;
      return true;
    case 'warning':
      // A server can send any number: the first are kept, the rest counted.
      if (acc.warnings.length < MAX_WARNINGS) acc.warnings.push(noteOf(event.said));
      else acc.warningsDropped += 1;
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
  const dropped = acc.droppedToolCalls.size;
  // First: a reply can carry more warnings than are shown.
  const warnings = dropped
    ? [noteOf(said('toolCallsDropped', acc.toolCalls.length + dropped, acc.toolCalls.length)), ...acc.warnings]
    : [...acc.warnings];
  if (acc.warningsDropped) warnings.push(noteOf(said('warningsDropped', acc.warningsDropped)));
  if (warnings.length) fields.warnings = warnings;
  return fields;
}

/** Characters received: text, reasoning, refusal and tool arguments. */
export function charsOf(acc: ReplyAccumulator): number {
  return acc.content.length + acc.reasoning.length + acc.refusal.length + acc.toolCalls.reduce((n, c) => n + c.arguments.length, 0);
}
