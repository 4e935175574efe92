import { fetchEventSource } from '@microsoft/fetch-event-source';
import { parseChunk, type ChunkEvent } from './chunk';
import { EVENT_STREAM, mediaType, type SseEvent } from './sse';
import { eventStreamBody } from './fast/eventStreamBody';
import type { RawChunk, WireChunk } from './fast/rawLog';
import { said } from '../i18n';
import { ChatError, httpError, isRedirect, networkError } from './errors';
import { DEFAULT_FIRST_BYTE_TIMEOUT_MS, type ChatRequest } from './request';

/** Everything the stream reports, in arrival order; errors end it and come back in the outcome. */
export type StreamEvent =
  | Exclude<ChunkEvent, { type: 'error' }>
  | { type: 'request'; request: ChatRequest }
  | { type: 'open'; status: number; headers: Record<string, string> }
  | { type: 'raw'; event: string; data: string };

export type StreamOutcome = { status: 'complete' } | { status: 'cancelled' } | { status: 'failed'; error: ChatError };

export interface StreamOptions {
  /** Aborting it stops the stream: the outcome is `cancelled`. */
  signal?: AbortSignal;
  /** Called with each event and its arrival offset in ms from the request. */
  onEvent: (event: StreamEvent, atMs: number) => void;
  /** Where given, raw events may come through it in chunks, or as the event stream's bytes, instead of one by one through onEvent. */
  onRawEvents?: (raw: RawChunk, wire?: WireChunk) => void;
  /**
   * Where given, an event stream's raw events come as its bytes, in order, and a count
   * (see fast/rawLog.ts's WireChunk): an `event()` for each event read, and with each piece
   * the events in it that were read joined to others (see fast/textRuns.ts); such a piece
   * comes joined, with its runs, to be expanded back to its bytes. The bytes come once
   * the reader is done with them, each piece the only user of its memory: they may be
   * moved to another thread.
   */
  wire?: { bytes(bytes: Uint8Array, at: number, joined: number, runs?: Uint32Array): void; event(): void };
  fetch?: typeof fetch;
  /** No response headers by then fails the turn (default 60 s). */
  firstByteTimeoutMs?: number;
  /** How long to wait for a trailing usage chunk after finish_reason before closing (default 2 s). */
  finishGraceMs?: number;
  /** Yield to the page while reading a backlog (default true); off in a worker, and where `wire` is given. */
  pace?: boolean;
}

const DEFAULT_FINISH_GRACE_MS = 2_000;

/** A whole JSON reply was read in onopen: the stream is done, nothing failed. */
class WholeReplyRead extends Error {}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Response headers as own properties (a header named `__proto__` is one like any other). */
const headersOf = (response: Response): Record<string, string> => Object.fromEntries(response.headers);

/**
 * Streams one chat turn. Never retries and never re-sends on its own: the
 * library's retry-forever `onerror` and re-open-on-visible behaviour are both off.
 */
export async function streamChat(request: ChatRequest, options: StreamOptions): Promise<StreamOutcome> {
  const started = performance.now();
  const now = () => performance.now() - started;
  // Events are timed by when their bytes arrived: one clock read per piece of the
  // body, not per event (tens of thousands of reads cost tens of ms in a worker).
  let arrivedAt = 0;
  const emit = (event: StreamEvent, at = now()) => options.onEvent(event, at);
  const controller = new AbortController();
  let stopReason: 'user' | 'timeout' | 'finished' | 'fatal' | undefined;
  let opened = false;
  /** Some of the reply itself (text, reasoning, a tool call) arrived: a failure then interrupts it. */
  let replied = false;
  let finished = false;
  let fatal: ChatError | undefined;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  const stop = (reason: NonNullable<typeof stopReason>) => {
    stopReason ??= reason;
    controller.abort();
  };
  const onUserAbort = () => stop('user');
  if (options.signal?.aborted) return { status: 'cancelled' };
  options.signal?.addEventListener('abort', onUserAbort, { once: true });
  const firstByteMs = options.firstByteTimeoutMs ?? DEFAULT_FIRST_BYTE_TIMEOUT_MS;
  const firstByteTimer = setTimeout(() => stop('timeout'), firstByteMs);

  // One SSE event's parts share its arrival time.
  const handle = (events: ChunkEvent[], at = now()) => {
    for (const event of events) {
      if (stopReason) return;
      if (event.type === 'error') {
        fatal = event.error;
        stop('fatal');
        return;
      }
      emit(event, at);
      replied ||= event.type === 'text' || event.type === 'reasoning' || event.type === 'refusal' || event.type === 'toolCallDelta';
      if (event.type === 'done') {
        finished = true;
        stop('finished');
      } else if (event.type === 'finish') {
        finished = true;
        graceTimer ??= setTimeout(() => stop('finished'), options.finishGraceMs ?? DEFAULT_FINISH_GRACE_MS);
      }
    }
  };

  emit({ type: 'request', request });
  // A reader of the bytes reads them unpaced: it runs in a worker, and may move them.
  const onMessage = (message: SseEvent) => {
    const at = arrivedAt;
    if (options.wire) options.wire.event();
    else emit({ type: 'raw', event: message.event, data: message.data }, at);
    // Unknown event types are never acted on; OpenAI-style servers use none.
    if (message.event && message.event !== 'message' && message.event !== 'error') return;
    const events = parseChunk(message.data);
    if (message.event === 'error' && !events.some((e) => e.type === 'error')) {
      handle([{ type: 'error', error: new ChatError('server', said('serverError', message.data, '')) }], at);
      return;
    }
    handle(events, at);
  };
  const body = eventStreamBody(
    options.fetch ?? globalThis.fetch.bind(globalThis),
    (options.pace ?? true) && !options.wire,
    () => (arrivedAt = now()),
    onMessage,
    options.wire && ((bytes, at, joined, runs) => options.wire!.bytes(bytes, at, joined, runs)),
  );
  let caught: unknown;
  try {
    await fetchEventSource(request.url, {
      method: 'POST',
      headers: request.headers,
      body: JSON.stringify(request.body),
      signal: controller.signal,
      openWhenHidden: true, // otherwise hiding the tab aborts and re-sends the POST
      // The conversation goes only where the Endpoint URL says, never where a redirect points.
      redirect: 'manual',
      fetch: body.fetch,
      async onopen(response) {
        clearTimeout(firstByteTimer);
        opened = true;
        emit({ type: 'open', status: response.status, headers: headersOf(response) });
        if (isRedirect(response)) throw new ChatError('http', said('redirected'), { status: response.status });
        if (!response.ok) throw await httpError(response);
        const contentType = response.headers.get('content-type') ?? '';
        const type = mediaType(contentType);
        if (type === EVENT_STREAM) return;
        if (type === 'application/json' || type.endsWith('+json')) {
          // A server that ignored `stream: true` and answered with one JSON reply.
          const text = await response.text();
          emit({ type: 'raw', event: '', data: text });
          if (!isJson(text)) throw new ChatError('protocol', said('notJson', text.trim().slice(0, 120)), { status: response.status });
          handle(parseChunk(text));
          finished ||= !fatal;
          throw new WholeReplyRead();
        }
        throw new ChatError('protocol', said('notEventStream', contentType), {
          status: response.status,
        });
      },
      onerror(error: unknown) {
        throw error; // the library's default retries forever, re-sending the POST
      },
    });
  } catch (error) {
    caught = error;
  } finally {
    body.drain();
    clearTimeout(firstByteTimer);
    clearTimeout(graceTimer);
    options.signal?.removeEventListener('abort', onUserAbort);
  }

  if (fatal) return { status: 'failed', error: fatal };
  if (finished) return { status: 'complete' };
  if (caught instanceof ChatError) return { status: 'failed', error: caught };
  if (caught) return { status: 'failed', error: networkError(caught, replied ? 'replying' : opened ? 'opened' : 'request') };
  if (stopReason === 'user') return { status: 'cancelled' };
  if (stopReason === 'timeout') {
    return {
      status: 'failed',
      error: new ChatError('timeout', said('timeout', Math.round(firstByteMs / 1000))),
    };
  }
  return {
    status: 'failed',
    error: new ChatError('interrupted', said(replied ? 'interrupted' : 'noReply')),
  };
}
