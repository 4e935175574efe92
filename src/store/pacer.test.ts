import { describe, expect, it } from 'vitest';
import { createPacer, MAX_REST_MS, REST_RATIO, type PacerClock } from './pacer';

/** A clock whose time moves only when told, with frames every 16 ms and timers by the ms. */
function fakeClock() {
  let time = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const micro: (() => void)[] = [];
  const clock: PacerClock = {
    now: () => time,
    nextFrame: (fn) => timers.push({ at: Math.ceil((time + 0.001) / 16) * 16, fn }),
    after: (ms, fn) => timers.push({ at: time + ms, fn }),
    afterWork: (fn) => micro.push(fn),
  };
  /** The update's synchronous render: time passes within it. */
  const spend = (ms: number) => {
    time += ms;
  };
  const advance = (ms: number) => {
    const end = time + ms;
    while (micro.length) micro.shift()!();
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      timers.shift();
      time = Math.max(time, next.at);
      next.fn();
      while (micro.length) micro.shift()!();
    }
    time = Math.max(time, end);
  };
  return { clock, advance, spend };
}

describe('the streaming reply pacer', () => {
  it('runs one update a frame however many changes come in it', () => {
    const { clock, advance } = fakeClock();
    const runs: number[] = [];
    const pacer = createPacer(() => runs.push(clock.now()), clock);
    for (let i = 0; i < 100; i++) pacer.request();
    advance(20);
    expect(runs).toEqual([16]);
    pacer.request();
    advance(20);
    expect(runs).toHaveLength(2);
  });

  it('keeps cheap updates at one a frame', () => {
    const { clock, advance, spend } = fakeClock();
    const runs: number[] = [];
    const pacer = createPacer(() => {
      runs.push(clock.now());
      spend(1);
    }, clock);
    for (let frame = 0; frame < 10; frame++) {
      pacer.request();
      advance(16);
    }
    expect(runs.length).toBeGreaterThanOrEqual(9);
  });

  it('leaves the page REST_RATIO times a costly update free before the next, and no more than MAX_REST_MS', () => {
    for (const cost of [20, 400]) {
      const { clock, advance, spend } = fakeClock();
      const runs: number[] = [];
      // A stream that never stops: every update is followed at once by more changes.
      const pacer = createPacer(() => {
        runs.push(clock.now());
        spend(cost);
        pacer.request();
      }, clock);
      pacer.request();
      advance(2000);
      const rests = runs.slice(1).map((at, i) => at - (runs[i]! + cost));
      expect(runs.length).toBeGreaterThan(2);
      for (const rest of rests) {
        expect(rest).toBeGreaterThanOrEqual(Math.min(MAX_REST_MS, cost * REST_RATIO));
        expect(rest).toBeLessThanOrEqual(Math.min(MAX_REST_MS, cost * REST_RATIO) + 32); // two frames' alignment
      }
    }
  });

  it('runs the update for a whole reply in the next task, in its rest and without waiting for a frame, and only once', () => {
    const { clock, advance, spend } = fakeClock();
    const runs: number[] = [];
    const pacer = createPacer(() => {
      runs.push(clock.now());
      spend(100);
    }, clock);
    pacer.request();
    advance(16);
    expect(runs).toEqual([16]);
    // Resting 150 ms after that 100 ms update; a change comes, then the finish.
    advance(10);
    pacer.request();
    pacer.finish();
    advance(0);
    expect(runs).toEqual([16, 126]);
    // The request it answered does not run again.
    advance(1000);
    expect(runs).toHaveLength(2);
  });

  it("leaves the whole reply to the stream's end when that comes first and stops it", () => {
    const { clock, advance } = fakeClock();
    let runs = 0;
    const pacer = createPacer(() => runs++, clock);
    pacer.request();
    pacer.finish();
    // The end, handled before the next task: its own final update has it all, none is on screen yet.
    expect(pacer.stop()).toBe(false);
    advance(100);
    expect(runs).toBe(0);
  });

  it("tells the stream's end when an update since the finish has put the whole reply on screen", () => {
    const { clock, advance } = fakeClock();
    const pacer = createPacer(() => {}, clock);
    pacer.request();
    advance(16);
    pacer.finish();
    advance(0);
    expect(pacer.stop()).toBe(true);
    // An update before the finish is not the whole reply.
    const before = createPacer(() => {}, clock);
    before.request();
    advance(16);
    expect(before.stop()).toBe(false);
  });

  it('drops a pending update once stopped', () => {
    const { clock, advance } = fakeClock();
    let runs = 0;
    const pacer = createPacer(() => runs++, clock);
    pacer.request();
    pacer.stop();
    advance(100);
    pacer.request();
    advance(100);
    expect(runs).toBe(0);
  });
});
