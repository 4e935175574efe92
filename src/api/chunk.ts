import * as z from 'zod/mini';
import type { Usage } from '../domain/types';
import { said, type Said } from '../i18n';
import { ChatError, describeErrorValue } from './errors';

/** What one SSE event (or a whole JSON reply) means, in order. */
export type ChunkEvent =
  | { type: 'meta'; id?: string; model?: string; object?: string }
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'refusal'; text: string }
  | { type: 'toolCallDelta'; index: number; id?: string; callType?: string; name?: string; arguments?: string }
  | { type: 'finish'; reason: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'error'; error: ChatError }
  | { type: 'warning'; said: Said }
  | { type: 'done' }
  | { type: 'ignored' };

// Lenient on purpose: every field optional and nullable, unknown keys dropped,
// so that any OpenAI-compatible server's chunks are read.
const str = z.optional(z.nullable(z.string()));
const num = z.optional(z.nullable(z.number()));

const ToolCallDelta = z.object({
  index: num,
  id: str,
  type: str,
  function: z.optional(z.nullable(z.object({ name: str, arguments: str }))),
});

const Delta = z.object({
  role: str,
  content: str,
  reasoning_content: str,
  reasoning: str,
  refusal: str,
  tool_calls: z.optional(z.nullable(z.array(ToolCallDelta))),
});

const Choice = z.object({
  index: num,
  delta: z.optional(z.nullable(Delta)),
  // non-streamed replies (and a few servers' chunks) carry `message` instead of `delta`
  message: z.optional(z.nullable(Delta)),
  finish_reason: str,
});

const UsageSchema = z.object({ prompt_tokens: num, completion_tokens: num, total_tokens: num });

const Chunk = z.object({
  id: str,
  object: str,
  model: str,
  choices: z.optional(z.nullable(z.array(Choice))),
  usage: z.optional(z.nullable(UsageSchema)),
});

type DeltaShape = z.infer<typeof Delta>;

function deltaEvents(delta: DeltaShape, out: ChunkEvent[]): void {
  const reasoning = delta.reasoning_content ?? delta.reasoning;
  if (reasoning) out.push({ type: 'reasoning', text: reasoning });
  if (delta.content) out.push({ type: 'text', text: delta.content });
  if (delta.refusal) out.push({ type: 'refusal', text: delta.refusal });
  delta.tool_calls?.forEach((call, position) => {
    const ev: ChunkEvent & { type: 'toolCallDelta' } = { type: 'toolCallDelta', index: call.index ?? position };
    if (call.id) ev.id = call.id;
    if (call.type) ev.callType = call.type;
    if (call.function?.name) ev.name = call.function.name;
    if (call.function?.arguments) ev.arguments = call.function.arguments;
    out.push(ev);
  });
}

function toUsage(u: z.infer<typeof UsageSchema>): Usage {
  const usage: Usage = {};
  if (u.prompt_tokens != null) usage.promptTokens = u.prompt_tokens;
  if (u.completion_tokens != null) usage.completionTokens = u.completion_tokens;
  if (u.total_tokens != null) usage.totalTokens = u.total_tokens;
  return usage;
}

/** `{"error": …}` as OpenAI-style servers send it, or Bitseek's `{code, error}`. */
function errorEvent(o: Record<string, unknown>): ChunkEvent {
  const detail = describeErrorValue(o.error) ?? '';
  const inner = typeof o.error === 'object' && o.error !== null ? (o.error as Record<string, unknown>) : {};
  const code = inner.code ?? o.code;
  return {
    type: 'error',
    error: new ChatError('server', said('serverError', detail, typeof code === 'number' || typeof code === 'string' ? String(code) : '')),
  };
}

/**
 * The shape of nearly every event of a long reply — one choice whose delta is
 * only text — read without the schema's generality; anything else goes to the schema.
 */
function textOnlyChunk(o: Record<string, unknown>): ChunkEvent[] | undefined {
  const choices = o.choices;
  if (!Array.isArray(choices) || choices.length !== 1 || o.usage != null) return undefined;
  const choice = choices[0] as Record<string, unknown> | null;
  const delta = choice?.delta as Record<string, unknown> | null | undefined;
  if (
    !delta ||
    typeof delta !== 'object' ||
    choice!.finish_reason != null ||
    choice!.message !== undefined ||
    (choice!.index != null && choice!.index !== 0)
  )
    return undefined;
  const content = delta.content;
  for (const key in delta) if (key !== 'content' && key !== 'role') return undefined;
  if (typeof content !== 'string' || (delta.role !== undefined && typeof delta.role !== 'string')) return undefined;
  if (
    (o.id != null && typeof o.id !== 'string') ||
    (o.model != null && typeof o.model !== 'string') ||
    (o.object != null && typeof o.object !== 'string')
  )
    return undefined;
  const out: ChunkEvent[] = [];
  if (o.id || o.model || o.object) {
    const meta: ChunkEvent & { type: 'meta' } = { type: 'meta' };
    if (o.id) meta.id = o.id as string;
    if (o.model) meta.model = o.model as string;
    if (o.object) meta.object = o.object as string;
    out.push(meta);
  }
  if (content) out.push({ type: 'text', text: content });
  return out;
}

/** Reads a parsed JSON value: a chunk, a whole reply, an error, or something to ignore. */
export function eventsFromJson(value: unknown): ChunkEvent[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ type: 'ignored' }];
  const o = value as Record<string, unknown>;
  if (o.error !== undefined && o.error !== null && o.error !== false) return [errorEvent(o)];
  return textOnlyChunk(o) ?? eventsFromSchema(o);
}

/** The general path: any chunk or whole reply, read through the schema. */
export function eventsFromSchema(value: Record<string, unknown>): ChunkEvent[] {
  const parsed = Chunk.safeParse(value);
  if (!parsed.success || (!parsed.data.choices && !parsed.data.usage)) return [{ type: 'ignored' }];
  const chunk = parsed.data;
  const out: ChunkEvent[] = [];
  if (chunk.id || chunk.model || chunk.object) {
    const meta: ChunkEvent & { type: 'meta' } = { type: 'meta' };
    if (chunk.id) meta.id = chunk.id;
    if (chunk.model) meta.model = chunk.model;
    if (chunk.object) meta.object = chunk.object;
    out.push(meta);
  }
  // Only choice 0 is the reply (the app never asks for n > 1): another's text and finish are not its own.
  const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
  if (choice) {
    if (choice.delta) deltaEvents(choice.delta, out);
    if (choice.message) deltaEvents(choice.message, out);
    if (choice.finish_reason) out.push({ type: 'finish', reason: choice.finish_reason });
  }
  if (chunk.usage) out.push({ type: 'usage', usage: toUsage(chunk.usage) });
  return out;
}

/** Reads one SSE event's data field. Empty data (a heartbeat) means nothing. */
export function parseChunk(data: string): ChunkEvent[] {
  const trimmed = data.trim();
  if (trimmed === '') return [];
  if (trimmed === '[DONE]') return [{ type: 'done' }];
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    const sample = trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed;
    return [{ type: 'warning', said: said('skippedEvent', sample) }];
  }
  return eventsFromJson(value);
}

/** A text-only event's data with its text taken out: head + text + tail, the text as a JSON string's body. */
export interface TextTemplate {
  head: string;
  tail: string;
}

const TEXT_KINDS = new Set<ChunkEvent['type']>(['text', 'reasoning', 'refusal']);

/**
 * Where the text is in `data`, if it is an event of text only (and the stream's id,
 * model and object): the JSON before its text's string body and after it. Any
 * other body put there reads as the same event with that text, because JSON reads
 * left to right: what comes before it reads the same, the string ends where the body
 * does, and what follows reads the same. So events that fit one template can be
 * read as one, with their bodies joined (see fast/textRuns.ts).
 */
export function textTemplate(data: string): TextTemplate | undefined {
  const events = parseChunk(data);
  const last = events[events.length - 1];
  if (!last || !TEXT_KINDS.has(last.type) || events.length > 2 || (events.length === 2 && events[0]!.type !== 'meta')) return undefined;
  const quoted = JSON.stringify((last as { text: string }).text);
  const at = data.indexOf(quoted);
  // Only where the text is written as JSON.stringify writes it, and once.
  if (at === -1 || data.lastIndexOf(quoted) !== at) return undefined;
  const template = { head: data.slice(0, at + 1), tail: data.slice(at + quoted.length - 1) };
  // Checked, not assumed: a probe put there must read as this event with the probe for its text.
  const probe = '\\u0000probe';
  const read = parseChunk(template.head + probe + template.tail);
  const same =
    read.length === events.length &&
    read.every((e, i) =>
      i === read.length - 1
        ? e.type === last.type && (e as { text: string }).text === '\u0000probe'
        : JSON.stringify(e) === JSON.stringify(events[i]),
    );
  return same ? template : undefined;
}
