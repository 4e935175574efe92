import { describe, expect, it } from 'vitest';
import { scriptMs, selfTimes, type TraceEvent } from './trace';

const MAIN = { pid: 1, tid: 7 };
const meta: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 7, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, pid: 2, tid: 9, args: { name: 'CrRendererMain' } },
];
const span = (name: string, ts: number, dur: number, url?: string): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  ...MAIN,
  ...(url !== undefined ? { args: { data: { url } } } : {}),
});

describe('script time from a trace', () => {
  it('counts microtasks, timers and frame callbacks, not the tasks around them', () => {
    const events = [
      ...meta,
      span('RunTask', 0, 10_000),
      span('RunMicrotasks', 1_000, 4_000),
      span('RunTask', 20_000, 5_000),
      span('TimerFire', 20_500, 2_000),
      span('FunctionCall', 20_600, 1_500, 'app.js'),
    ];
    expect(scriptMs(events, 'probe.js')).toBe(6);
  });

  it('leaves out style and layout forced from script, but counts script run inside rendering', () => {
    const events = [
      ...meta,
      span('FunctionCall', 0, 10_000, 'app.js'),
      span('Layout', 2_000, 3_000),
      span('UpdateLayoutTree', 6_000, 1_000),
      span('Paint', 30_000, 4_000),
      span('FunctionCall', 31_000, 1_000, 'app.js'), // e.g. a ResizeObserver callback
    ];
    expect(scriptMs(events, 'probe.js')).toBe(7);
  });

  it('leaves out the probe and everything it calls', () => {
    const events = [
      ...meta,
      span('FireAnimationFrame', 0, 5_000),
      span('FunctionCall', 500, 4_000, 'probe.js'),
      span('FunctionCall', 1_000, 1_000, 'app.js'),
    ];
    expect(scriptMs(events, 'probe.js')).toBe(1);
  });

  it('counts workers apart from the main thread', () => {
    const worker = (e: TraceEvent): TraceEvent => ({ ...e, tid: 8 });
    const events = [
      ...meta,
      { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 8, args: { name: 'DedicatedWorker thread' } },
      span('FunctionCall', 0, 2_000, 'app.js'),
      worker(span('RunMicrotasks', 0, 9_000)),
    ];
    expect(scriptMs(events, 'probe.js')).toBe(2);
    expect(scriptMs(events, 'probe.js', 'workers')).toBe(9);
  });

  it("counts the thread's own CPU time, where asked, less that of what is nested", () => {
    const cpu = (e: TraceEvent, tdur: number): TraceEvent => ({ ...e, tdur });
    const events = [
      ...meta,
      cpu(span('FunctionCall', 0, 10_000, 'app.js'), 4_000),
      cpu(span('Layout', 2_000, 3_000), 1_000),
      span('TimerFire', 20_000, 2_000),
    ];
    expect(scriptMs(events, 'probe.js')).toBe(9);
    expect(scriptMs(events, 'probe.js', 'main', 'cpu')).toBe(5); // (4 - 1), and the timer, which has no CPU time, at its wall time
  });

  it('reads only the busiest renderer main thread', () => {
    const other = { ...span('FunctionCall', 0, 50_000, 'other.js'), pid: 2, tid: 9 };
    const events = [...meta, other, span('FunctionCall', 0, 2_000, 'app.js'), span('FunctionCall', 5_000, 2_000, 'app.js')];
    expect(scriptMs(events, 'probe.js')).toBe(4);
  });
});

describe("the page's threads", () => {
  it('are those of the renderer that recorded the mark, where one is given: its workers only', () => {
    const page = (e: TraceEvent): TraceEvent => ({ ...e, pid: 2, tid: 9 });
    const events: TraceEvent[] = [
      ...meta,
      { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 8, args: { name: 'DedicatedWorker thread' } },
      { name: 'thread_name', ph: 'M', ts: 0, pid: 2, tid: 10, args: { name: 'DedicatedWorker thread' } },
      // A page closed before, still busy, with more events than the page.
      span('FunctionCall', 0, 50_000, 'old.js'),
      span('FunctionCall', 60_000, 1_000, 'old.js'),
      { ...span('RunMicrotasks', 0, 7_000), tid: 8 },
      page(span('FunctionCall', 0, 3_000, 'app.js')),
      { ...span('RunMicrotasks', 0, 5_000), pid: 2, tid: 10 },
      { name: 'bench:mark', ph: 'R', ts: 4_000, pid: 2, tid: 9 },
    ];
    expect(scriptMs(events, 'probe.js')).toBe(51);
    expect(scriptMs(events, 'probe.js', 'main', 'wall', 'bench:mark')).toBe(3);
    expect(scriptMs(events, 'probe.js', 'workers', 'wall', 'bench:mark')).toBe(5);
  });
});

describe('self time from the trace CPU profile', () => {
  it('sums each function by thread, a sample standing for the time to the next, idle left out', () => {
    const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 9 });
    const events: TraceEvent[] = [
      ...meta,
      { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 8, args: { name: 'DedicatedWorker thread' } },
      { name: 'Profile', ph: 'P', ts: 0, pid: 1, tid: 7, id: '0x1' },
      { name: 'Profile', ph: 'P', ts: 0, pid: 1, tid: 8, id: '0x2' },
      // Chunks come from a profiler thread of their own, tied to their thread's profile by id.
      {
        name: 'ProfileChunk',
        ph: 'P',
        ts: 1,
        pid: 1,
        tid: 99,
        id: '0x1',
        args: {
          data: {
            cpuProfile: {
              nodes: [
                { id: 1, callFrame: frame('(idle)') },
                { id: 2, callFrame: frame('render', 'http://x/assets/app.js') },
              ],
              samples: [2, 2, 1],
            },
            timeDeltas: [0, 1000, 2000],
          },
        },
      },
      {
        name: 'ProfileChunk',
        ph: 'P',
        ts: 2,
        pid: 1,
        tid: 99,
        id: '0x1',
        args: { data: { cpuProfile: { samples: [2] }, timeDeltas: [500] } },
      },
      {
        name: 'ProfileChunk',
        ph: 'P',
        ts: 1,
        pid: 1,
        tid: 98,
        id: '0x2',
        args: {
          data: {
            cpuProfile: { nodes: [{ id: 1, callFrame: frame('parse', 'http://x/assets/w.js') }], samples: [1, 1] },
            timeDeltas: [0, 3000],
          },
        },
      },
    ];
    expect([...selfTimes(events, 'main')]).toEqual([['render app.js:10', 3]]);
    expect([...selfTimes(events, 'workers')]).toEqual([['parse w.js:10', 3]]);
  });
});
