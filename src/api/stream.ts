import { fetchEventSource } from '@microsoft/fetch-event-source';
import { parseChunk, type ChunkEvent } from './chunk';
import { lineCutter } from './lineCutter';
import { sseReader, type SseEvent } from './sse';
import { textRuns } from './textRuns';
import type { RawChunk, WireChunk } from './rawLog';
import { said } from '../i18n';
import { ChatError, httpError, isRedirect, networkError } from './errors';
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
   * the events in it that were read joined to others (see textRuns.ts); such a piece
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

export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 60_000;
const DEFAULT_FINISH_GRACE_MS = 2_000;
const EVENT_STREAM = 'text/event-stream';

/** A Content-Type's media type, lower case: `Text/Event-Stream; Charset=UTF-8` → `text/event-stream`. */
export const mediaType = (contentType: string | null): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

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

/**
 * A blank line for a body that ended without one after its last line (its last 4 bytes
 * given), or nothing. It uses the last line's own end: after a lone CR, an LF would
 * only complete a CRLF, not end a line.
 */
function blankLineEnd(tail: number[]): Uint8Array[] {
  const end = String.fromCharCode(...tail);
  const lastLineEnded = end.replace(/(\r\n|\r|\n)$/, '');
  if (tail.length === 0 || (lastLineEnded !== end && /[\r\n]$/.test(lastLineEnded))) return []; // already a blank line
  if (lastLineEnded === end) return [new Uint8Array([10, 10])];
  return [new Uint8Array(end.endsWith('\r') ? [13] : [10])];
}

/** `bytes` in views of at most `size` bytes. */
function slices(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/**
 * What the reader is given of a piece of the body, and when the piece arrived: the piece
 * itself, or its text runs joined (with how many events fewer, and the runs).
 * `shared`: the bytes are a view of memory that the body's next read may write over.
 */
interface Piece {
  read: Uint8Array;
  at: number;
  joined: number;
  runs?: Uint32Array;
  shared: boolean;
}

/** Whether `bytes` is the whole of its buffer: then a view of it shares its memory with nothing else. */
const ownsBuffer = (bytes: Uint8Array) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;

/** What a body's reads need: the reads, and whether they reuse one buffer. */
interface BodyReader {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
  /** Each read writes over the one before: what is kept of a read must be copied before the next. */
  reused: boolean;
}

/** The reused buffer's size: more than a read gives (~120–200 KB each for a fast local stream, traced). */
const READ_BYTES = 1 << 20;

/**
 * Reads a byte stream (as a fetch body is) into one buffer, read after read: given a new
 * buffer for each read, its memory zeroed and faulted in, a worker that only read a
 * 10 MB body spent ~20 ms more CPU on it (traced). Any other stream is read as it gives
 * its chunks.
 */
function bodyReader(body: ReadableStream<Uint8Array>): BodyReader {
  let byob: ReadableStreamBYOBReader;
  try {
    byob = body.getReader({ mode: 'byob' });
  } catch {
    const reader = body.getReader();
    return { read: () => reader.read(), cancel: (reason) => reader.cancel(reason), reused: false };
  }
  let buffer = new ArrayBuffer(READ_BYTES);
  return {
    async read() {
      const result = await byob.read(new Uint8Array(buffer));
      // The read moved the buffer into the view it gives back: the same memory.
      if (result.value) buffer = result.value.buffer as ArrayBuffer;
      return result as ReadableStreamReadResult<Uint8Array>;
    },
    cancel: (reason) => byob.cancel(reason),
    reused: true,
  };
}

interface ReadBody {
  fetch: typeof fetch;
  /** Gives `reading` what it has not been given yet: to be called once the reader is done. */
  drain(): void;
}

/**
 * The response body, read here, its events given to `onEvent` as the WHATWG rules
 * dispatch them (see sse.ts); fetch-event-source, which keeps the request's lifecycle
 * (open, abort, no retries), is handed a body with nothing left in it. On the way:
 * - on a page (`pace`), a fast server's backlog is read in slices, yielding to the page
 *   every few ms, so that parsing tens of thousands of events never blocks rendering
 *   or input (a worker has nothing to yield to: it reads at full speed);
 * - the pieces end at line ends where they can (see lineCutter.ts);
 * - `arrived` is told as each piece of the body arrives (its events' arrival time);
 * - `reading` is given the bytes, with when they arrived, once their events are read.
 *   With no pacing (which cuts the pieces further), nothing reads them after that: they
 *   may be moved (what the body's next read would write over is copied first);
 * - where `reading` takes the raw events (as bytes), runs of text-only events are read
 *   joined into one (see textRuns.ts): a fast stream's events are read a run at a time,
 *   not one by one. `reading` is given them so too, with the runs that give back the
 *   bytes as they came;
 * - a last event that is not followed by a blank line (some servers close right after
 *   `data: …\n`) is completed; nothing is added to a stream that already ended properly.
 */
function eventStreamBody(
  fetchImpl: typeof fetch,
  pace: boolean,
  arrived: () => number,
  onEvent: (event: SseEvent) => void,
  reading?: (bytes: Uint8Array, at: number, joined: number, runs?: Uint32Array) => void,
): ReadBody {
  let given: Piece[] = [];
  const drain = () => {
    for (const { read, at, joined, runs, shared } of given) reading?.(shared ? read.slice() : read, at, joined, runs);
    given = [];
  };
  const read: typeof fetch = async (input, init) => {
    const response = await fetchImpl(input, init);
    // An error's body (even one sent as an event stream) is read whole, as it is, by onopen.
    if (!response.ok || !response.body || mediaType(response.headers.get('content-type')) !== EVENT_STREAM) return response;
    const source = bodyReader(response.body);
    const lines = lineCutter();
    const runs = reading && !pace ? textRuns() : undefined;
    const events = sseReader(onEvent);
    /**
     * A piece of `chunk` (a read's bytes) as it is read: its text runs joined, where they
     * are (never when paced). It is shared if it is a view of a read's memory that is
     * reused, or that other pieces use too.
     */
    const piece = (bytes: Uint8Array, at: number, chunk: Uint8Array): Piece => {
      const joined = runs?.join(bytes);
      if (joined?.runs) return { read: joined.bytes, at, joined: joined.fewer, runs: joined.runs, shared: false };
      return { read: bytes, at, joined: 0, shared: bytes.buffer === chunk.buffer && (source.reused || !ownsBuffer(chunk)) };
    };
    let tail: number[] = [];
    let at = 0;
    let cancelled = false;
    let sliceStart = performance.now();
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          for (let ended = false; !ended && !cancelled; ) {
            const { done, value } = await source.read();
            let queue: Piece[];
            if (done) {
              ended = true;
              // Not joined: a last line that never ended is not a whole event.
              queue = [...lines.rest(), ...blankLineEnd(tail)].map((bytes) => ({ read: bytes, at, joined: 0, shared: false }));
            } else {
              at = arrived();
              tail = [...tail, ...value.subarray(Math.max(0, value.length - 4))].slice(-4);
              const pieces = lines.cut(value);
              queue = (pace ? pieces.flatMap((bytes) => slices(bytes, SLICE_BYTES)) : pieces).map((bytes) => piece(bytes, at, value));
            }
            for (const next of queue) {
              if (cancelled) break;
              if (pace && performance.now() - sliceStart > SLICE_MS) {
                await yieldToMain();
                sliceStart = performance.now();
              }
              events(next.read);
              given.push(next);
            }
            // Before the next read, which may write over what a piece still shows.
            drain();
          }
          controller.close();
        },
        cancel(reason) {
          cancelled = true;
          return source.cancel(reason);
        },
      },
      // Nothing read ahead: the body is read as the library asks for it, which it does once.
      { highWaterMark: 0 },
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetch: read, drain };
}

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
