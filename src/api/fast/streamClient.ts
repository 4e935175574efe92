// The page's side of the stream worker: streamReply is streamChat, run in the worker
// when there is one, in the page otherwise (no Worker, or its script failed to load).
import { said } from '../../i18n';
import { ChatError } from '../errors';
import { RawLog } from './rawLog';
import type { ChatRequest } from '../request';
import type { StreamOptions, StreamOutcome } from '../stream';
import type { FromStreamWorker, ToStreamWorker, WireOutcome } from './streamWorkerProtocol';

interface Pending {
  options: StreamOptions;
  settle: (outcome: StreamOutcome) => void;
  /** The raw events, where the caller takes them one by one. */
  log?: RawLog;
}

let starting: Promise<Worker | undefined> | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function outcomeOf(wire: WireOutcome): StreamOutcome {
  if (wire.status !== 'failed') return wire;
  const { kind, said: text, status, retryAfter } = wire.error;
  return {
    status: 'failed',
    error: new ChatError(kind, text, { ...(status !== undefined && { status }), ...(retryAfter !== undefined && { retryAfter }) }),
  };
}

function dispatch({ data }: MessageEvent<FromStreamWorker>): void {
  if (data.type === 'ready') return;
  const stream = pending.get(data.id);
  if (!stream) return;
  if (data.type === 'end') {
    pending.delete(data.id);
    stream.settle(outcomeOf(data.outcome));
    return;
  }
  const { raw, wire, events } = data.batch;
  const { onEvent, onRawEvents } = stream.options;
  if (onRawEvents) onRawEvents(raw, wire);
  else {
    // Read here, one by one, as streamChat gives them.
    const log = (stream.log ??= new RawLog());
    const from = log.length;
    log.append(raw, wire);
    for (let i = from; i < log.length; i++) {
      const { at, event, data } = log.get(i);
      onEvent({ type: 'raw', event, data }, at);
    }
  }
  for (const { event, at } of events) onEvent(event, at);
}

/** A worker that has not said it is ready by then is given up on, and the page streams itself. */
const READY_TIMEOUT_MS = 4000;

/** The worker, once it has said it is ready; undefined where it cannot run (a later call tries again). */
function streamWorker(): Promise<Worker | undefined> {
  starting ??= new Promise((resolve) => {
    if (typeof Worker === 'undefined') return resolve(undefined);
    let worker: Worker;
    try {
      worker = new Worker(new URL('./stream.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return resolve(undefined);
    }
    // Its script may never load nor fail (a request left hanging): a reply must not wait on it forever.
    const giveUp = setTimeout(() => {
      starting = undefined;
      worker.terminate();
      resolve(undefined);
    }, READY_TIMEOUT_MS);
    worker.onmessage = (message: MessageEvent<FromStreamWorker>) => {
      if (message.data.type === 'ready') {
        clearTimeout(giveUp);
        resolve(worker);
      }
      dispatch(message);
    };
    worker.onerror = (event) => {
      clearTimeout(giveUp);
      event.preventDefault();
      resolve(undefined); // before it was ready: the page streams itself
      starting = undefined;
      worker.terminate();
      // A worker that failed mid-stream: those replies end with what arrived, and say so.
      for (const [id, stream] of pending) {
        pending.delete(id);
        stream.settle({ status: 'failed', error: new ChatError('network', said('readerFailed', event.message || 'worker error')) });
      }
    };
  });
  return starting;
}

/** Starts the worker ahead of the first reply (e.g. as a message is typed). */
export function warmStreamWorker(): void {
  void streamWorker();
}

/** Streams one chat turn as streamChat does, reading it off the main thread when it can. */
export async function streamReply(request: ChatRequest, options: StreamOptions): Promise<StreamOutcome> {
  const worker = options.fetch ? undefined : await streamWorker();
  // Read on the page: the reader (and its validator, zod) loads only then, not with the first screen.
  if (!worker) return (await import('../stream')).streamChat(request, options);
  if (options.signal?.aborted) return { status: 'cancelled' };
  const id = nextId++;
  const send = (message: ToStreamWorker) => worker.postMessage(message);
  return new Promise<StreamOutcome>((resolve) => {
    const abort = () => send({ type: 'abort', id });
    options.signal?.addEventListener('abort', abort, { once: true });
    pending.set(id, {
      options,
      settle: (outcome) => {
        options.signal?.removeEventListener('abort', abort);
        resolve(outcome);
      },
    });
    send({
      type: 'start',
      id,
      request,
      ...(options.firstByteTimeoutMs !== undefined && { firstByteTimeoutMs: options.firstByteTimeoutMs }),
    });
  });
}
