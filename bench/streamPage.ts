// Streaming the benchmark's reply through one page, the app or a baseline page, measured from the
// start of the stream until SETTLE_MS after the reply's end is first on screen (its final paint).
import type { Browser } from '@playwright/test';
import { BENCH_END_MARKER, benchReply } from '../server/benchReply.ts';
import { browserSettled, printProfile, profiling, startTrace } from './browser.ts';
import { rawPage } from './rawPage.ts';
import { APP_URL, PAGES_URL } from './servers.ts';
import { frameGaps } from './stats.ts';
import { markTime, responseTimes, scriptMs } from './trace.ts';

/** The stream pages, in the order each run measures them. */
export const STREAM_TARGETS = ['app', 'naive', 'streamdown', 'assistantui', 'reading'] as const;
export type StreamTarget = (typeof STREAM_TARGETS)[number];

/** Main-thread time is counted from Send until this long after the final paint. */
const SETTLE_MS = 1000;

/** The probe's script name in traces: its own work is left out of every page's script time. */
const PROBE_URL = 'bench-probe.js';
/** The probe's performance.mark when the reply's end is first on screen. */
const FINAL_PAINT = 'bench:final-paint';

// Injected before any page script: from the start it is given until the reply's end
// marker is on screen, it records frames and long tasks, and marks the final paint
// (performance.mark, so the trace has it on the network's clock). The response's bytes
// are timed from the trace: the page or a worker may read them.
const probe = (marker: string) => `
(() => {
  let settled;
  const b = window.__bench = { started: null, finalPaint: null, longest: 0, frames: [], tasks: [], settled: new Promise((r) => (settled = r)) };
  const marker = ${JSON.stringify(marker)};
  let seen = false;
  const has = (node) => (node.nodeType === 3 ? node.data : node.textContent || '').includes(marker);
  new MutationObserver((records) => {
    if (b.started === null || seen) return;
    seen = records.some((r) => (r.type === 'characterData' ? has(r.target) : [...r.addedNodes].some(has)));
  }).observe(document, { subtree: true, childList: true, characterData: true });
  // Whether time t is between the start and the final paint. Long tasks go by when they began:
  // their entries come after them, often after the final paint.
  const during = (t) => b.started !== null && t >= b.started && (b.finalPaint === null || t < b.finalPaint);
  const running = () => during(performance.now());
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (during(e.startTime)) { b.longest = Math.max(b.longest, e.duration); b.tasks.push([Math.round(e.startTime - b.started), Math.round(e.duration)]); }
  }).observe({ type: 'longtask' });
  const frame = (t) => {
    if (running()) {
      b.frames.push(t);
      if (seen) {
        b.finalPaint = performance.now();
        performance.mark(${JSON.stringify(FINAL_PAINT)});
        setTimeout(settled, ${SETTLE_MS});
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
//# sourceURL=${PROBE_URL}`;

export interface StreamRun {
  /** All main-thread work (TaskDuration): script, microtasks, style, layout, paint. */
  mainThreadMs: number;
  /** Script only, microtasks included, from a trace (see trace.ts); the probe's own left out. */
  scriptingMs: number;
  /** The same, by the main thread's own CPU time (see trace.ts). */
  scriptingCpuMs: number;
  /** Script in the page's workers (reading the stream, highlighting), off the main thread. */
  workerScriptMs: number;
  /** The same, by the workers' own CPU time. */
  workerCpuMs: number;
  longestTaskMs: number;
  maxFrameGapMs: number;
  lastByteToPaintMs: number;
  framesDropped: number;
  streamMs: number;
  deltasPerSecond: number;
}

/** A page's main-thread time so far, in ms: all its work (CDP's TaskDuration) and its script (ScriptDuration). */
export interface MainThreadTime {
  busy: number;
  script: number;
}

/** Reads a page's main-thread time, over its DevTools protocol session (`send`: a raw page's, or Playwright's). */
export async function mainThreadClock(
  send: (method: 'Performance.enable' | 'Performance.getMetrics') => Promise<unknown>,
): Promise<() => Promise<MainThreadTime>> {
  await send('Performance.enable');
  return async () => {
    const { metrics } = (await send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { busy: ms('TaskDuration'), script: ms('ScriptDuration') };
  };
}

/** The reply's deltas of 4 characters. */
export const DELTAS = Math.ceil(benchReply().length / 4);

export async function streamOnce(browser: Browser, target: StreamTarget): Promise<StreamRun> {
  // Over CDP without DevTools' network agent (see rawPage.ts); the simulator streams 4-character deltas to the app (SIM_OPTIONS).
  const page = await rawPage(browser, { width: 1280, height: 800 });
  const opened = Date.now();
  await page.send('Page.addScriptToEvaluateOnNewDocument', { source: probe(BENCH_END_MARKER) });
  if (target === 'app') {
    await page.goto(`${APP_URL}/`);
    const composer = `[...document.querySelectorAll('label')].find((l) => l.textContent === 'Message')?.control`;
    await page.waitFor(composer);
    await page.evaluate(`${composer}.focus()`);
    await page.send('Input.insertText', { text: 'benchmark reply' });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the lazy markdown chunk loads at idle, as for a person
    // Found before anything is measured: the harness's own work (finding, polling) is not the page's.
    await page.evaluate(
      `window.__send = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Send' && !b.disabled), !!window.__send`,
    );
  } else {
    await page.goto(`${PAGES_URL}/${target}.html`);
    await page.waitFor(`typeof window.__start === 'function'`);
  }
  await browserSettled(opened);
  const mainThread = await mainThreadClock((method) => page.send(method));
  const before = await mainThread();
  const stopTrace = await startTrace(browser, undefined, profiling());
  await page.evaluate(`window.__bench.started = performance.now(), ${target === 'app' ? 'window.__send.click()' : 'window.__start()'}, 0`);
  // The same window for every page: until SETTLE_MS after the final paint, so that work
  // a page leaves for later (highlighting at idle, say) is counted, not cut off by chance.
  await page.evaluate('window.__bench.settled');
  const after = await mainThread();
  const events = await stopTrace();
  if (process.env.BENCH_PROFILE) printProfile(events, FINAL_PAINT);
  const b = await page.evaluate<{ longest: number; frames: number[]; tasks: number[][] }>(
    '({ longest: __bench.longest, frames: __bench.frames, tasks: __bench.tasks })',
  );
  const bytes = responseTimes(events, '/chat/completions');
  const finalPaint = markTime(events, FINAL_PAINT);
  if (!bytes || finalPaint === undefined) throw new Error(`${target}: the trace lacks the response's timing or the final paint mark`);
  if (process.env.BENCH_DEBUG)
    console.log(
      target,
      'long tasks [start after the start, duration]:',
      JSON.stringify(b.tasks),
      'bytes arrived over',
      Math.round(bytes.lastByte - bytes.firstByte),
      'ms',
    );
  await page.close();
  const frames = frameGaps(b.frames);
  const streamMs = bytes.lastByte - bytes.firstByte;
  return {
    mainThreadMs: after.busy - before.busy,
    // The page's own threads: the renderer of a page closed before may still be winding down.
    scriptingMs: scriptMs(events, PROBE_URL, 'main', 'wall', FINAL_PAINT),
    scriptingCpuMs: scriptMs(events, PROBE_URL, 'main', 'cpu', FINAL_PAINT),
    workerScriptMs: scriptMs(events, PROBE_URL, 'workers', 'wall', FINAL_PAINT),
    workerCpuMs: scriptMs(events, PROBE_URL, 'workers', 'cpu', FINAL_PAINT),
    longestTaskMs: b.longest,
    maxFrameGapMs: frames.longest,
    lastByteToPaintMs: finalPaint - bytes.lastByte,
    framesDropped: frames.dropped,
    streamMs,
    deltasPerSecond: (DELTAS * 1000) / streamMs,
  };
}
