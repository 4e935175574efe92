// On a machine with no more cores than busy threads, the page rendering a streaming
// update and the worker reading the stream share one core, and the update takes two or
// three times its CPU time on the clock: a long task.
// The page says, in memory the two threads share, when it renders; the worker, as it
// reads, waits until that render is painted, or HOLD_MS at most. Shared memory, not a
// message: a worker reading a backlog runs in microtasks for hundreds of ms and takes
// no message until it is done, while looking at shared memory costs next to nothing.

/** The longest a reader waits for one render. */
const HOLD_MS = 50;

/** [0]: the number of the last hold; [1]: the number of the last one released. */
const HELD = 0;
const RELEASED = 1;

/** The page's side: one per page, given to the worker with each stream. */
export interface ReaderHold {
  memory: SharedArrayBuffer;
  /** A render begins: readers wait for `release`. */
  hold(): void;
  /** The render is painted: waiting readers go on. */
  release(): void;
}

/** Shared memory is there only in a cross-origin isolated page (COOP and COEP headers); elsewhere, nothing holds. */
export function createReaderHold(): ReaderHold | undefined {
  if (typeof SharedArrayBuffer === 'undefined' || !globalThis.crossOriginIsolated) return undefined;
  const memory = new SharedArrayBuffer(8);
  const cells = new Int32Array(memory);
  return {
    memory,
    hold: () => void Atomics.add(cells, HELD, 1),
    release() {
      Atomics.store(cells, RELEASED, Atomics.load(cells, HELD));
      Atomics.notify(cells, RELEASED);
    },
  };
}

/**
 * The reader's side: to be called often as it reads (cheap when nothing is held).
 * It waits at most HOLD_MS for any one hold, and once: a hold never released (a page
 * that stopped painting) costs a reader that one wait, not one at every call.
 */
export function readerWait(memory: SharedArrayBuffer, timeoutMs = HOLD_MS): () => void {
  const cells = new Int32Array(memory);
  let waited = 0;
  return () => {
    const held = Atomics.load(cells, HELD);
    const released = Atomics.load(cells, RELEASED);
    if (held === released || held === waited) return;
    waited = held;
    Atomics.wait(cells, RELEASED, released, timeoutMs);
  };
}
