// Streams run here, off the main thread: fetch-event-source's byte-by-byte reading and
// a JSON.parse per event are most of a fast stream's script, and here they never take
// a frame from rendering or input. The page gets the events back in batches, at most
// one batch a frame; the raw events as the event stream's bytes (see rawLog.ts), moved, not copied.
import { said } from '../../i18n';
import { emptyChunk, pushRaw, sealChunk, wireChunk, type OpenChunk, type WireChunk } from './rawLog';
import { streamChat, type StreamEvent } from '../stream';
import type { FromStreamWorker, ToStreamWorker, WorkerBatch } from './streamWorkerProtocol';

// fetch-event-source is written for a page: even with openWhenHidden its dispose()
// calls document.removeEventListener and window.clearTimeout (Azure/fetch-event-source#39).
// A worker has neither; these stand in for exactly those calls.
const scope = globalThis as unknown as Record<string, unknown>;
scope.window ??= { setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms), clearTimeout: (id?: number) => clearTimeout(id) };
scope.document ??= { hidden: false, addEventListener() {}, removeEventListener() {} };

/** One batch a frame's time at most: the page renders once per frame anyway. */
const BATCH_MS = 16;
/**
 * While a backlog is read, one read follows another as microtasks and the batch's
 * timer never gets its turn: the clock is then looked at every so many events (not
 * at each: reading it costs more than a worker's event takes to handle).
 */
const CLOCK_EVERY = 256;

const post = (message: FromStreamWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer });
const controllers = new Map<number, AbortController>();

function startStream(id: number, data: Extract<ToStreamWorker, { type: 'start' }>): void {
  const controller = new AbortController();
  controllers.set(id, controller);
  let batch = emptyBatch();
  let meta: Extract<StreamEvent, { type: 'meta' }> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let batchStart = 0;
  let sinceClock = 0;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!batch.events.length && !batch.raw.at.length && !batch.pieces.length && !batch.wireEvents) return;
    const raw = sealChunk(batch.raw);
    const wire = sealWire(batch);
    post({ type: 'events', id, batch: { events: batch.events, raw: raw.chunk, ...(wire && { wire: wire.chunk }) } }, [
      ...raw.buffers,
      ...(wire?.buffers ?? []),
    ]);
    batch = emptyBatch();
  };
  /** Events read from bytes not given yet: counted with them, so that no batch counts events it has not the bytes of. */
  let unsent = 0;
  const wire = {
    bytes(bytes: Uint8Array, at: number, joined: number, runs?: Uint32Array) {
      batch.pieces.push(bytes);
      batch.runs.push(runs);
      batch.piecesAt.push(at);
      batch.wireEvents += unsent + joined;
      unsent = 0;
    },
    event() {
      unsent++;
      tick();
    },
  };
  const onEvent = (event: StreamEvent, at: number) => {
    if (event.type === 'raw') {
      pushRaw(batch.raw, at, event.event, event.data);
    } else if (event.type === 'meta') {
      // Every chunk repeats the stream's id and model: the page needs each once.
      if (meta && meta.id === event.id && meta.model === event.model && meta.object === event.object) return;
      meta = event;
      batch.events.push({ event, at });
    } else coalesce(batch, event, at);
    // The reply is whole: the page shows its end now, not a batch's time later, nor after
    // what the thread does next (the end of a large body can keep it busy).
    if (event.type === 'finish' || event.type === 'done') flush();
    else tick();
  };
  /** Something was added to the batch (or, for an event read from bytes, will be with them): it goes within BATCH_MS. */
  const tick = () => {
    if (timer === undefined) {
      timer = setTimeout(flush, BATCH_MS);
      batchStart = performance.now();
      sinceClock = 0;
    } else if (++sinceClock === CLOCK_EVERY) {
      sinceClock = 0;
      if (performance.now() - batchStart >= BATCH_MS) flush();
    }
  };
  void streamChat(data.request, { signal: controller.signal, firstByteTimeoutMs: data.firstByteTimeoutMs, onEvent, wire, pace: false })
    .then(
      (outcome): FromStreamWorker => ({
        type: 'end',
        id,
        outcome:
          outcome.status === 'failed'
            ? {
                status: 'failed',
                error: {
                  kind: outcome.error.kind,
                  said: outcome.error.said,
                  status: outcome.error.status,
                  retryAfter: outcome.error.retryAfter,
                },
              }
            : outcome,
      }),
      (error: unknown): FromStreamWorker => failed(id, error),
    )
    .then((end) => {
      controllers.delete(id);
      try {
        flush();
        post(end);
      } catch (error) {
        post(failed(id, error)); // a value that could not be copied to the page: the turn still ends
      }
    });
}

const failed = (id: number, error: unknown): FromStreamWorker => ({
  type: 'end',
  id,
  outcome: { status: 'failed', error: { kind: 'network', said: said('readerFailed', String(error)) } },
});

/** A batch being filled: the event stream's bytes as the pieces read (with their runs, where joined), and when each arrived. */
type OpenBatch = Omit<WorkerBatch, 'wire'> & {
  raw: OpenChunk;
  pieces: Uint8Array[];
  runs: (Uint32Array | undefined)[];
  piecesAt: number[];
  wireEvents: number;
};

function emptyBatch(): OpenBatch {
  return { events: [], raw: emptyChunk(), pieces: [], runs: [], piecesAt: [], wireEvents: 0 };
}

/** The batch's bytes, to be moved to the page. */
function sealWire(batch: OpenBatch): { chunk: WireChunk; buffers: ArrayBuffer[] } | undefined {
  if (!batch.pieces.length && !batch.wireEvents) return undefined;
  return wireChunk(batch.pieces, batch.piecesAt, batch.wireEvents, batch.runs);
}

/** Adjacent pieces of text join into one event (timed at the first): the page needs their sum, not each. */
function coalesce(batch: OpenBatch, event: Exclude<StreamEvent, { type: 'raw' | 'meta' }>, at: number): void {
  const last = batch.events[batch.events.length - 1];
  // The batch's own event object takes the text: no new object per piece.
  if (last && (event.type === 'text' || event.type === 'reasoning' || event.type === 'refusal') && last.event.type === event.type) {
    last.event.text += event.text;
    return;
  }
  batch.events.push({ event, at });
}

self.onmessage = ({ data }: MessageEvent<ToStreamWorker>) => {
  if (data.type === 'start') startStream(data.id, data);
  else controllers.get(data.id)?.abort();
};

post({ type: 'ready' });
