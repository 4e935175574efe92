// How often a streaming reply reaches the screen: at most once a frame, and less
// often while each update is costly. A very fast stream (a backlog, a local model)
// would otherwise spend every frame re-rendering a reply that changes again before
// anyone can read it, and take that time from reading the stream itself.

/** Updates leave the page this many times their own cost free before the next one. */
export const REST_RATIO = 6;
/** Never more than this between updates, however costly they are. */
export const MAX_REST_MS = 150;

export interface Pacer {
  /** Something changed: `update` runs soon (once, however many requests come before it). */
  request(): void;
  /**
   * The reply is whole (more may still come, but not text to read): `update` runs in
   * the next task, without waiting for a frame or for the rest. The stream's end, when
   * it is already on its way (as it nearly always is), comes first, and its final update
   * stops this one: the whole reply then renders once, not twice.
   */
  finish(): void;
  /**
   * Nothing more will change: a pending update is dropped. Returns whether an update
   * has run since `finish()`: the whole reply is then on screen already.
   */
  stop(): boolean;
}

export interface PacerClock {
  now(): number;
  /** Runs fn after the next frame. */
  nextFrame(fn: () => void): void;
  /** Runs fn after ms. */
  after(ms: number, fn: () => void): void;
  /** Runs fn once the current task's synchronous work, and what it queued before, is done. */
  afterWork(fn: () => void): void;
}

/**
 * Runs `update` at most once a frame; after an update that took `cost` ms (its
 * synchronous render included), the next waits until REST_RATIO × cost has passed.
 */
export function createPacer(update: () => void, clock: PacerClock): Pacer {
  let queued = false;
  let stopped = false;
  let finishing = false;
  let finishShown = false;
  let readyAt = 0;
  const run = () => {
    // Stopped, or already run (by finish) since it was asked for.
    if (stopped || !queued) return;
    // Timed when its turn comes: a costly update may have ended since it was asked for.
    const wait = readyAt - clock.now();
    if (wait > 0) return clock.after(wait, () => clock.nextFrame(run));
    runNow();
  };
  const runNow = () => {
    queued = false;
    finishShown = finishing;
    const start = clock.now();
    update();
    // The render a store update causes runs in a microtask queued by the update, so before this one.
    clock.afterWork(() => {
      const end = clock.now();
      readyAt = end + Math.min(MAX_REST_MS, (end - start) * REST_RATIO);
    });
  };
  return {
    request() {
      if (queued || stopped) return;
      queued = true;
      clock.nextFrame(run);
    },
    finish() {
      if (stopped) return;
      finishing = true;
      queued = true;
      clock.after(0, () => {
        if (queued && !stopped) runNow();
      });
    },
    stop() {
      stopped = true;
      return finishShown;
    },
  };
}

/** Runs fn just after the next frame; in a hidden tab frames stop, so a timer stands in. */
function nextFrame(fn: () => void): void {
  if (typeof document !== 'undefined' && document.hidden) setTimeout(fn, 250);
  // In a task of its own just after the frame: rendering the update and painting it
  // are then two tasks, neither of them long.
  else requestAnimationFrame(() => setTimeout(fn, 0));
}

/** The page's clock: frames, timers and microtasks. */
export const frameClock: PacerClock = {
  now: () => performance.now(),
  nextFrame,
  after: (ms, fn) => setTimeout(fn, ms),
  afterWork: (fn) => queueMicrotask(fn),
};
