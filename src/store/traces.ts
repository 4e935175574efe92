import { redactRequest } from '../api/redact';
import type { ChatRequest } from '../api/request';
import { RawLog } from '../api/fast';
import type { StreamEvent } from '../api/stream';
import type { StreamMetrics } from '../domain/types';
import type { McpWireMessage } from '../api/mcp';
import { loadTrace, saveTrace } from './persistence';

/** Everything that went over the wire for one reply; the key is masked before it is kept. */
export interface Trace {
  request?: ChatRequest;
  response?: { status: number; headers: Record<string, string> };
  raw: RawLog;
  firstByteMs?: number;
  firstTokenMs?: number;
  /** Read back after a reload with only its first events kept: how many the stream had. */
  total?: number;
  /** The JSON-RPC messages of each MCP call this reply asked for, by call id (this tab only). */
  mcp?: Map<string, readonly McpWireMessage[]>;
}

/** A trace as stored with its reply, for after a reload: its first events only (see KEPT_EVENTS). */
export interface StoredTrace extends Omit<Trace, 'raw' | 'total' | 'mcp'> {
  messageId: string;
  conversationId: string;
  /** [arrival ms, event name, data] */
  events: [number, string, string][];
  total: number;
}

/**
 * A reply's raw events are stored up to this many (or KEPT_CHARS of data): a long reply
 * brings tens of thousands, megabytes that every reload would not need. The whole stream
 * stays in memory, for this tab, for the MAX_TRACES latest replies.
 */
const KEPT_EVENTS = 2_000;
const KEPT_CHARS = 1_000_000;
const MAX_TRACES = 50;
const traces = new Map<string, Trace>();

export function traceOf(messageId: string): Trace | undefined {
  return traces.get(messageId);
}

export function startTrace(messageId: string): Trace {
  const trace: Trace = { raw: new RawLog() };
  traces.set(messageId, trace);
  if (traces.size > MAX_TRACES) traces.delete(traces.keys().next().value as string);
  return trace;
}

/** Records one stream event into the trace. */
export function observe(trace: Trace, event: StreamEvent, at: number): void {
  switch (event.type) {
    case 'request':
      trace.request = redactRequest(event.request);
      break;
    case 'open':
      trace.response = { status: event.status, headers: event.headers };
      trace.firstByteMs = at;
      break;
    case 'raw':
      trace.raw.push(at, event.event, event.data);
      break;
    case 'text':
    case 'reasoning':
    case 'refusal':
    case 'toolCallDelta':
      trace.firstTokenMs ??= at;
      break;
    default:
      break;
  }
}

export function metricsOf(trace: Trace, totalMs: number, chars: number): StreamMetrics {
  const m: StreamMetrics = { totalMs: Math.round(totalMs), chars, events: trace.raw.length };
  if (trace.firstByteMs !== undefined) m.firstByteMs = Math.round(trace.firstByteMs);
  if (trace.firstTokenMs !== undefined) m.firstTokenMs = Math.round(trace.firstTokenMs);
  return m;
}

/** Characters per second from the first token to the end; undefined when too short to say. */
export function charsPerSecond(m: StreamMetrics): number | undefined {
  const span = m.totalMs - (m.firstTokenMs ?? 0);
  return span > 0 && m.chars > 0 ? Math.round((m.chars * 1000) / span) : undefined;
}

/** The raw events as JSON Lines, one event a line. */
export function eventsJsonl(trace: Trace): string {
  return Array.from({ length: trace.raw.length }, (_, i) => `${JSON.stringify(trace.raw.get(i))}\n`).join('');
}

/** Stores the trace of a reply that has ended, at idle: its first events, as StoredTrace says. */
export function keepTrace(conversationId: string, messageId: string, trace: Trace): void {
  if (typeof indexedDB === 'undefined') return;
  requestIdleCallback(() => {
    const events: StoredTrace['events'] = [];
    for (let i = 0, chars = 0; i < Math.min(trace.raw.length, KEPT_EVENTS) && chars < KEPT_CHARS; i++) {
      const e = trace.raw.get(i);
      events.push([e.at, e.event, e.data]);
      chars += e.data.length;
    }
    const { raw: _raw, mcp: _mcp, ...facts } = trace;
    // Lost, the inspector shows the summary saved with the reply: nothing to tell the person here.
    saveTrace({ ...facts, messageId, conversationId, events, total: trace.raw.length }).catch(() => undefined);
  });
}

/** A reply's trace: this tab's, or what was stored of it (undefined when neither has it). */
export async function readTrace(messageId: string): Promise<Trace | undefined> {
  const live = traceOf(messageId);
  if (live) return live;
  const stored = await loadTrace(messageId).catch(() => undefined);
  if (!stored) return undefined;
  const { events, total, messageId: _m, conversationId: _c, ...facts } = stored;
  const raw = new RawLog();
  for (const [at, name, data] of events) raw.push(at, name, data);
  return { ...facts, raw, ...(total > events.length && { total }) };
}

/** A reply's trace, for its copy in a branch (see branchIntoNewChat): this tab's, and the stored one. */
export function copyTrace(fromId: string, toId: string, conversationId: string): void {
  const live = traces.get(fromId);
  if (live) traces.set(toId, live);
  if (typeof indexedDB === 'undefined') return;
  void loadTrace(fromId)
    .then((stored) => stored && saveTrace({ ...stored, messageId: toId, conversationId }))
    .catch(() => undefined);
}

/** Keeps an MCP call's JSON-RPC messages with the trace of the reply that asked for it. */
export function recordMcpCall(messageId: string, callId: string, messages: readonly McpWireMessage[]): void {
  const trace = traces.get(messageId);
  if (trace) (trace.mcp ??= new Map()).set(callId, messages);
}
