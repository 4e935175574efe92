// What every measurement does with the browser: waits for a new context to settle, and traces it
// (with V8's CPU profile under BENCH_PROFILE, written to BENCH_TRACE when set).
import type { Browser, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { CPU_PROFILE_CATEGORY, selfTimes, type TraceEvent } from './trace.ts';

/** No page is measured sooner than this after its browser context was made (see browserSettled). */
const BROWSER_SETTLE_MS = 3000;

/**
 * Until BROWSER_SETTLE_MS after a browser context opened at `opened`: a new context opens a window,
 * whose own pages (Chromium's omnibox popup, a WebUI) keep a core busy at first.
 */
export const browserSettled = (opened: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, opened + BROWSER_SETTLE_MS - Date.now())));

/** The timeline categories DevTools records: enough to find every task that runs script. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing'];

/** Traces the browser (a page's renderer, its workers, the network) until the returned function is called; it returns the trace's events (and writes BENCH_TRACE when set). */
export async function startTrace(browser: Browser, page?: Page, extra: string[] = []): Promise<() => Promise<TraceEvent[]>> {
  await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, ...extra] });
  return async () => {
    const buffer = await browser.stopTracing();
    if (process.env.BENCH_TRACE) writeFileSync(process.env.BENCH_TRACE, buffer);
    const trace = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
    return Array.isArray(trace) ? trace : trace.traceEvents;
  };
}

/** With BENCH_PROFILE set, the trace also records V8's CPU profile of every thread. */
export const profiling = (): string[] => (process.env.BENCH_PROFILE ? [CPU_PROFILE_CATEGORY] : []);

/** Prints self time by function and by file, for the main thread and for the workers, from a trace with the CPU profile. */
export function printProfile(events: TraceEvent[], mark?: string): void {
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`)
      .join('\n');
  for (const which of ['main', 'workers'] as const) {
    const self = selfTimes(events, which, mark);
    const byFile = new Map<string, number>();
    for (const [k, v] of self) {
      const file = k
        .split(' ')
        .pop()!
        .replace(/:-?\d+$/, '');
      byFile.set(file, (byFile.get(file) ?? 0) + v);
    }
    console.log(`${which === 'main' ? 'main thread' : 'workers'}, self time by function:\n${top(self, 25)}\nby file:\n${top(byFile, 8)}`);
  }
}
