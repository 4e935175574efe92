import { redactRequest } from '../api/redact';
import type { ChatRequest } from '../api/request';
import { RawLog } from '../api/fast';
import type { StreamEvent } from '../api/stream';
import type { StreamMetrics } from '../domain/types';

/** Everything that went over the wire for one reply; the key is masked before it is kept. */
export interface Trace {
  request?: ChatRequest;
  response?: { status: number; headers: Record<string, string> };
  raw: RawLog;
  firstByteMs?: number;
  firstTokenMs?: number;
}

// Raw events are kept for this tab's session only: a long reply is tens of thousands of them.
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
