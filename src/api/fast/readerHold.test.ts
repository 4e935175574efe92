import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { createReaderHold, readerWait, type ReaderHold } from './readerHold';

const g = globalThis as { crossOriginIsolated?: boolean };

/** Releases `hold`'s memory from another thread after `ms`, as the page does while a reader waits. */
function releaseFromAnotherThread(memory: SharedArrayBuffer, ms: number): Worker {
  const code = `const { workerData } = require('node:worker_threads');
    const cells = new Int32Array(workerData);
    setTimeout(() => { Atomics.store(cells, 1, Atomics.load(cells, 0)); Atomics.notify(cells, 1); }, ${ms});`;
  return new Worker(code, { eval: true, workerData: memory });
}

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe('reader hold', () => {
  let hold: ReaderHold;
  beforeEach(() => {
    g.crossOriginIsolated = true;
    hold = createReaderHold()!;
  });
  afterEach(() => {
    delete g.crossOriginIsolated;
  });

  it('is there only in a cross-origin isolated page', () => {
    expect(hold).toBeDefined();
    delete g.crossOriginIsolated;
    expect(createReaderHold()).toBeUndefined();
  });

  it('does not wait when nothing is held, nor after the release', () => {
    const wait = readerWait(hold.memory, 1000);
    expect(timed(wait)).toBeLessThan(20);
    hold.hold();
    hold.release();
    expect(timed(wait)).toBeLessThan(20);
  });

  it('waits while held, until the page releases it from its own thread', async () => {
    const wait = readerWait(hold.memory, 5000);
    hold.hold();
    const releaser = releaseFromAnotherThread(hold.memory, 150);
    const waited = timed(wait);
    await releaser.terminate();
    expect(waited).toBeGreaterThan(100);
    expect(waited).toBeLessThan(4000);
  });

  it('waits for a hold never released only once, for the timeout; a new hold is waited for again', () => {
    const wait = readerWait(hold.memory, 60);
    hold.hold();
    expect(timed(wait)).toBeGreaterThanOrEqual(55);
    expect(timed(wait)).toBeLessThan(20);
    hold.hold();
    expect(timed(wait)).toBeGreaterThanOrEqual(55);
  });
});
