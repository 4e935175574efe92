import { fetchEventSource, type EventSourceMessage } from '@microsoft/fetch-event-source';
import { parseChunk, type ChunkEvent } from './chunk';
import { lineCutter } from './lineCutter';
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
   * (see rawLog.ts's WireChunk). The bytes come once the reader is done with them, each
   * piece the only user of its memory: they may be moved to another thread.
   */
  wire?: { bytes(bytes: Uint8Array, at: number): void; event(): void };
  fetch?: typeof fetch;
  /** No response headers by then fails the turn (default 60 s). */
  firstByteTimeoutMs?: number;
  /** How long to wait for a trailing usage chunk after finish_reason before closing (default 2 s). */
  finishGraceMs?: number;
  /** Reading a backlog, yield every few ms (default true). */
  pace?: boolean;
  /** How reading yields (default yieldToMain: to the page's rendering and input); called only once what was read before is handled. */
  pause?: () => Promise<void>;
}

export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 60_000;
const DEFAULT_FINISH_GRACE_MS = 2_000;
const EVENT_STREAM = 'text/event-stream';

/** A whole JSON reply was read in onopen: the stream is done, nothing failed. */
class WholeReplyRead extends Error {}

/** A task of its own, queued behind those already queued (a message posted to a worker, say). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Lets the page render and handle input: scheduler.yield where there is one (it resumes before other tasks), else nextTask. */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : nextTask();
}

const SLICE_BYTES = 32 * 1024;
const SLICE_MS = 8;

/** A blank line for a body that ended without one after its last line (its last 4 bytes given), or nothing. */
function blankLineEnd(tail: number[]): Uint8Array[] {
  const end = String.fromCharCode(...tail);
  const lastLineEnded = end.replace(/(\r\n|\r|\n)$/, '');
  if (tail.length === 0 || (lastLineEnded !== end && /[\r\n]$/.test(lastLineEnded))) return []; // already a blank line
  return [new Uint8Array(lastLineEnded !== end ? [10] : [10, 10])];
}

/**
 * `bytes` in views of about `size` bytes: each ends after the last line end within its
 * size where there is one (so that the reader never joins a line's halves), else at its size.
 */
export function slices(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  while (bytes.length - start > size) {
    const part = bytes.subarray(start, start + size);
    const lineEnd = Math.max(part.lastIndexOf(10), part.lastIndexOf(13));
    const end = start + (lineEnd === -1 ? size : lineEnd + 1);
    out.push(bytes.subarray(start, end));
    start = end;
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

interface ReadBody {
  fetch: typeof fetch;
  /**
   * Gives `reading` what it has not been given yet: to be called once the reader is done
   * (`end`: for good, and then also a piece it stopped reading partway).
   */
  drain(end?: boolean): void;
}

/**
 * The response body as fetch-event-source reads it, with these fixes:
 * - with `pause`, a fast server's backlog is fed in slices, pausing every few ms (on a
 *   page, so that parsing tens of thousands of events never blocks rendering or input;
 *   in a worker, so that the page can have it wait while it renders);
 * - the pieces and slices end at line ends where they can (see lineCutter.ts);
 * - `arrived` is told as each piece of the body arrives (its events' arrival time);
 * - `reading` is given the pieces (whole, as lineCutter gave them), with when they
 *   arrived, once the reader has read them: it asks for more only when it has read and
 *   handled all it was given. Nothing reads them after that: they may be moved;
 * - fetch-event-source drops a last event that is not followed by a blank line
 *   (some servers close right after `data: …\n`): the blank line is completed, and
 *   nothing is added to a stream that already ended properly.
 */
function eventStreamBody(
  fetchImpl: typeof fetch,
  pause: (() => Promise<void>) | undefined,
  arrived: () => number,
  reading?: (bytes: Uint8Array, at: number) => void,
): ReadBody {
  /** A slice for the reader, the piece from the network it is part of, and whether it is that piece's last. */
  type Piece = { bytes: Uint8Array; at: number; whole: Uint8Array; last: boolean };
  let given: Piece[] = [];
  /** A piece the reader has read only part of. */
  let partly: Piece | undefined;
  const drain = (end = false) => {
    for (const piece of given) {
      partly = piece.last ? undefined : piece;
      if (piece.last) reading?.(piece.whole, piece.at);
    }
    given = [];
    // A reader stopped partway (Stop, [DONE]): the piece goes whole, bytes past its last event included.
    if (end && partly) reading?.(partly.whole, partly.at);
    if (end) partly = undefined;
  };
  const read: typeof fetch = async (input, init) => {
    const response = await fetchImpl(input, init);
    if (!response.body || !response.headers.get('content-type')?.startsWith(EVENT_STREAM)) return response;
    const source = response.body.getReader();
    const lines = lineCutter();
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
              queue = [...lines.rest(), ...blankLineEnd(tail)].map((bytes) => ({ bytes, at, whole: bytes, last: true }));
              break;
            }
            at = arrived();
            tail = [...tail, ...value.subarray(Math.max(0, value.length - 4))].slice(-4);
            queue = lines.cut(value).flatMap((piece) => {
              const parts = pause ? slices(piece, SLICE_BYTES) : [piece];
              return parts.map((bytes, i): Piece => ({ bytes, at, whole: piece, last: i === parts.length - 1 }));
            });
          }
          if (pause && performance.now() - sliceStart > SLICE_MS) {
            await pause();
            sliceStart = performance.now();
          }
          // At the end, a last line that never ended and the line end added to it go together:
          // the reader keeps the one until it reads the other (given apart, the one could be moved first).
          for (const piece of pause && !ended ? queue.splice(0, 1) : queue.splice(0)) {
            given.push(piece);
            controller.enqueue(piece.bytes);
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
  const body = eventStreamBody(
    options.fetch ?? globalThis.fetch.bind(globalThis),
    options.pace === false ? undefined : (options.pause ?? yieldToMain),
    () => (arrivedAt = now()),
    options.wire && ((bytes, at) => options.wire!.bytes(bytes, at)),
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
    body.drain(true);
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
