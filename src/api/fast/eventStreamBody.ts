// The fast path's body reader: what fetch-event-source is handed to read. It reads the
// response itself, so that a fast stream is read in slices (on a page), cut at line ends,
// its text-only events joined into runs (in the worker), and its bytes kept for the inspector.
import { lineCutter } from './lineCutter';
import { EVENT_STREAM, mediaType, sseReader, type SseEvent } from '../sse';
import { textTemplate } from '../chunk';
import { textRuns } from './textRuns';

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
 * `shared`: the bytes are a view of memory that holds other bytes too.
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

export interface ReadBody {
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
 *   may be moved (a view of memory that holds other bytes too is copied first);
 * - where `reading` takes the raw events (as bytes), runs of text-only events are read
 *   joined into one (see textRuns.ts): a fast stream's events are read a run at a time,
 *   not one by one. `reading` is given them so too, with the runs that give back the
 *   bytes as they came;
 * - a last event that is not followed by a blank line (some servers close right after
 *   `data: …\n`) is completed; nothing is added to a stream that already ended properly.
 */
export function eventStreamBody(
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
    const source = response.body.getReader();
    const lines = lineCutter();
    const runs = reading && !pace ? textRuns(textTemplate) : undefined;
    const events = sseReader(onEvent);
    /**
     * A piece of `chunk` (a read's bytes) as it is read: its text runs joined, where they
     * are (never when paced). It is shared if it is a view of memory that holds more
     * than its chunk (a stream that hands out views of one buffer).
     */
    const piece = (bytes: Uint8Array, at: number, chunk: Uint8Array): Piece => {
      const joined = runs?.join(bytes);
      if (joined?.runs) return { read: joined.bytes, at, joined: joined.fewer, runs: joined.runs, shared: false };
      return { read: bytes, at, joined: 0, shared: bytes.buffer === chunk.buffer && !ownsBuffer(chunk) };
    };
    let tail: number[] = [];
    let at = 0;
    let cancelled = false;
    let sliceStart = performance.now();
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          for (let ended = false; !ended && !cancelled;) {
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
            // The reader is done with them: they go now, not after the body's next read.
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
