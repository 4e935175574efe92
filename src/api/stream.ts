import { fetchEventSource, type EventSourceMessage } from '@microsoft/fetch-event-source';
import { parseChunk, type ChunkEvent } from './chunk';
import { lineCutter } from './lineCutter';
import { textRuns } from './textRuns';
import type { RawChunk, WireChunk } from './rawLog';
import { said } from '../i18n';
import { ChatError, httpError, networkError } from './errors';
import type { ChatRequest } from './request';

/** Everything the stream reports, in arrival order; errors end it and come back in the outcome. */
export type StreamEvent =
  | Exclude<ChunkEvent, { type: 'error' }>
  | { type: 'request'; request: ChatRequest }
  | { type: 'open'; status: number; headers: Record<string, string> }
  | { type: 'raw'; event: string; data: string };

export type StreamOutcome =
  | { status: 'complete' }
  | { status: 'cancelled' }
  | { status: 'failed'; error: ChatError };

export interface StreamOptions {
  /** Aborting it stops the stream: the outcome is `cancelled`. */
  signal?: AbortSignal;
  /** Called with each event and its arrival offset in ms from the request. */
  onEvent: (event: StreamEvent, atMs: number) => void;
  /** Where given, raw events may come through it in chunks, or as the event stream's bytes, instead of one by one through onEvent. */
  onRawEvents?: (raw: RawChunk, wire?: WireChunk) => void;
  /**
   * Where given, an event stream's raw events come as its bytes, in order, and a count
   * (see rawLog.ts's WireChunk): an `event()` for each event read, and with each piece
   * the events in it that were read joined to others (see textRuns.ts). The bytes come
   * once the reader is done with them, each piece the only user of its memory: they
   * may be moved to another thread.
   */
  wire?: { bytes(bytes: Uint8Array, at: number, joined: number): void; event(): void };
  fetch?: typeof fetch;
  /** No response headers by then fails the turn (default 60 s). */
  firstByteTimeoutMs?: number;
  /** How long to wait for a trailing usage chunk after finish_reason before closing (default 2 s). */
  finishGraceMs?: number;
  /** Yield to the page while reading a backlog (default true); off in a worker, and where `wire` is given. */
  pace?: boolean;
}

export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 60_000;
const DEFAULT_FINISH_GRACE_MS = 2_000;
const EVENT_STREAM = 'text/event-stream';

/** A whole JSON reply was read in onopen: the stream is done, nothing failed. */
class WholeReplyRead extends Error {}

/** Lets the page render and handle input: scheduler.yield where there is one, else a message-channel task. */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

const SLICE_BYTES = 8 * 1024;
const SLICE_MS = 8;

/** A blank line for a body that ended without one after its last line (its last 4 bytes given), or nothing. */
function blankLineEnd(tail: number[]): Uint8Array[] {
  const end = String.fromCharCode(...tail);
  const lastLineEnded = end.replace(/(\r\n|\r|\n)$/, '');
  if (tail.length === 0 || (lastLineEnded !== end && /[\r\n]$/.test(lastLineEnded))) return []; // already a blank line
  return [new Uint8Array(lastLineEnded !== end ? [10] : [10, 10])];
}

/** `bytes` in views of at most `size` bytes. */
function slices(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/** A piece of the body, when it arrived, and what the reader is given of it: the piece itself, or its text runs joined (with how many events fewer). */
interface Piece {
  bytes: Uint8Array;
  at: number;
  read: Uint8Array;
  joined: number;
}

interface ReadBody {
  fetch: typeof fetch;
  /** Gives `reading` what it has not been given yet: to be called once the reader is done. */
  drain(): void;
}

/**
 * The response body as fetch-event-source reads it, with these fixes:
 * - on a page (`pace`), a fast server's backlog is fed in slices, yielding to the page
 *   every few ms, so that parsing tens of thousands of events never blocks rendering
 *   or input (a worker has nothing to yield to: it reads at full speed);
 * - the pieces end at line ends where they can (see lineCutter.ts);
 * - `arrived` is told as each piece of the body arrives (its events' arrival time);
 * - `reading` is given the bytes, with when they arrived, once the reader has read them:
 *   it asks for more only when it has read and handled all it was given. With no pacing
 *   (which cuts the pieces further), nothing reads them after that: they may be moved;
 * - where `reading` takes the raw events (as bytes), the reader is given runs of
 *   text-only events joined into one (see textRuns.ts): a fast stream's events are
 *   read a run at a time, not one by one;
 * - fetch-event-source drops a last event that is not followed by a blank line
 *   (some servers close right after `data: …\n`): the blank line is completed, and
 *   nothing is added to a stream that already ended properly.
 */
function eventStreamBody(fetchImpl: typeof fetch, pace: boolean, arrived: () => number, reading?: (bytes: Uint8Array, at: number, joined: number) => void): ReadBody {
  let given: Piece[] = [];
  const drain = () => {
    for (const { bytes, at, joined } of given) reading?.(bytes, at, joined);
    given = [];
  };
  const read: typeof fetch = async (input, init) => {
    const response = await fetchImpl(input, init);
    if (!response.body || !response.headers.get('content-type')?.startsWith(EVENT_STREAM)) return response;
    const source = response.body.getReader();
    const lines = lineCutter();
    const runs = reading && !pace ? textRuns() : undefined;
    /** A piece as the reader gets it: its text runs joined, where they are (never when paced). */
    const piece = (bytes: Uint8Array, at: number): Piece => {
      const joined = runs?.join(bytes);
      return { bytes, at, read: joined?.bytes ?? bytes, joined: joined?.fewer ?? 0 };
    };
    let tail: number[] = [];
    let queue: Piece[] = [];
    let ended = false;
    let at = 0;
    let sliceStart = performance.now();
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          drain();
          while (!queue.length && !ended) {
            const { done, value } = await source.read();
            if (done) {
              ended = true;
              // Not joined: a last line that never ended is not a whole event.
              queue = [...lines.rest(), ...blankLineEnd(tail)].map((bytes) => ({ bytes, at, read: bytes, joined: 0 }));
              break;
            }
            at = arrived();
            tail = [...tail, ...value.subarray(Math.max(0, value.length - 4))].slice(-4);
            const pieces = lines.cut(value);
            queue = (pace ? pieces.flatMap((bytes) => slices(bytes, SLICE_BYTES)) : pieces).map((bytes) => piece(bytes, at));
          }
          if (pace && performance.now() - sliceStart > SLICE_MS) {
            await yieldToMain();
            sliceStart = performance.now();
          }
          for (const next of pace ? queue.splice(0, 1) : queue.splice(0)) {
            given.push(next);
            controller.enqueue(next.read);
          }
          if (ended && !queue.length) controller.close();
        },
        cancel: (reason) => source.cancel(reason),
      },
      // Nothing read ahead: a pull means all that was given has been read.
      { highWaterMark: 0 },
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetch: read, drain };
}

function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

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
  const body = eventStreamBody(
    options.fetch ?? globalThis.fetch.bind(globalThis),
    (options.pace ?? true) && !options.wire,
    () => (arrivedAt = now()),
    options.wire && ((bytes, at, joined) => options.wire!.bytes(bytes, at, joined)),
  );
  let caught: unknown;
  try {
    await fetchEventSource(request.url, {
      method: 'POST',
      headers: request.headers,
      body: JSON.stringify(request.body),
      signal: controller.signal,
      openWhenHidden: true, // otherwise hiding the tab aborts and re-sends the POST
      fetch: body.fetch,
      async onopen(response) {
        clearTimeout(firstByteTimer);
        opened = true;
        emit({ type: 'open', status: response.status, headers: headersOf(response) });
        if (!response.ok) throw await httpError(response);
        const contentType = response.headers.get('content-type') ?? '';
        if (contentType.startsWith(EVENT_STREAM)) return;
        if (contentType.includes('json')) {
          // A server that ignored `stream: true` and answered with one JSON reply.
          const text = await response.text();
          emit({ type: 'raw', event: '', data: text });
          handle(parseChunk(text));
          finished ||= !fatal;
          throw new WholeReplyRead();
        }
        throw new ChatError('protocol', said('notEventStream', contentType), {
          status: response.status,
        });
      },
      onmessage(message: EventSourceMessage) {
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
  if (caught) return { status: 'failed', error: networkError(caught, opened) };
  if (stopReason === 'user') return { status: 'cancelled' };
  if (stopReason === 'timeout') {
    return {
      status: 'failed',
      error: new ChatError('timeout', said('timeout', Math.round(firstByteMs / 1000))),
    };
  }
  return {
    status: 'failed',
    error: new ChatError('interrupted', said('interrupted')),
  };
}
