// `npm run bench`, a script, not a test: builds the app and the baseline pages, serves them with the
// simulator (servers.ts), and measures in headless Chromium: the same ~200 KB markdown reply streamed in
// 4-character deltas through (a) this app, (b) a naive react-markdown page, (c) Streamdown, (e) assistant-ui's
// markdown renderer and (d) a page that only reads the stream (streamPage.ts); opening a 1,000-message
// conversation and scrolling up through it, switching between 200 versions of a message, and searching 10,000
// conversations (storedConversations.ts); opening a 5,000-message conversation and scrolling it, typing while a
// reply streams at a model's pace (the app and pages b, c, e), and switching between two 1,000-message
// conversations (longConversations.ts). Prints the tables, writes bench/results.json and the tables in
// docs/performance.md (report.ts).
// Environment:
//   BENCH_RUNS=n           runs of each stream page and of the open (default 5: the naive page varies widely on 2 cores)
//   BENCH_ONLY=part        app|naive|streamdown|assistantui|reading|open|versions|search|huge|typing|switching: that part
//                          alone, printed, nothing written (a stream page or the open BENCH_RUNS times, with medians
//                          and each run; huge and typing BENCH_RUNS times, each run printed; typing:app, typing:naive…
//                          one page's typing; the search and the switching once)
//   BENCH_DEBUG=1          lists a stream's long tasks, and what the open loaded
//   BENCH_PROFILE=1        prints self time by function and by file, main thread and workers, from V8's profile
//   BENCH_READABLE=1       builds the app unminified
//   BENCH_TRACE=file.json  writes the Chromium trace of a stream or of the open
//   BENCH_SIM_OPTIONS=…    the simulator's pace for the app's stream (default 'chunk=4, delay=0': as fast as it sends)
//   BENCH_REPLY_CHARS=n    a reply shorter than ~200 KB: with BENCH_ONLY=app, BENCH_SIM_OPTIONS='chunk=4, delay=12' and
//                          BENCH_REPLY_CHARS=6000, the app streams at a model's pace (~80 deltas a second) for ~20 s
import { chromium } from '@playwright/test';
import { CHROMIUM } from '../scripts/chromium.ts';
import { report } from './report.ts';
import { buildAndServe } from './servers.ts';
import {
  openHuge,
  switchConversations,
  TYPING_TARGETS,
  typingWhileStreaming,
  type HugeRun,
  type TypingRun,
  type TypingTarget,
} from './longConversations.ts';
import { median, medians } from './stats.ts';
import { openThousand, searchTenThousand, switchVersions } from './storedConversations.ts';
import { STREAM_TARGETS, streamOnce, type StreamRun, type StreamTarget } from './streamPage.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Runs of the long-conversation parts, each a minute or more: the huge open and scroll, and the typing. */
const LONG_RUNS = Math.min(RUNS, 3);

async function main() {
  const stopServers = await buildAndServe();
  const browser = await chromium.launch(CHROMIUM);
  try {
    if (process.env.BENCH_ONLY === 'search') return void console.log(await searchTenThousand(browser));
    if (process.env.BENCH_ONLY === 'versions') return void console.log(await switchVersions(browser));
    if (process.env.BENCH_ONLY === 'switching') return void console.log(await switchConversations(browser));
    if (process.env.BENCH_ONLY === 'huge') {
      for (let r = 0; r < RUNS; r++) console.log(JSON.stringify(await openHuge(browser)));
      return;
    }
    if (process.env.BENCH_ONLY?.startsWith('typing')) {
      const only = process.env.BENCH_ONLY.split(':')[1]; // typing:app, typing:naive, …
      for (let r = 0; r < RUNS; r++)
        for (const t of TYPING_TARGETS.filter((t) => !only || t === only))
          console.log(t, JSON.stringify(await typingWhileStreaming(browser, t)));
      return;
    }
    if (process.env.BENCH_ONLY === 'open') {
      const opens: number[] = [];
      for (let r = 0; r < RUNS; r++) opens.push((await openThousand(browser)).openMs);
      return void console.log(`open: ${median(opens).toFixed(0)} ms median (${opens.map((o) => o.toFixed(0)).join(' ')})`);
    }
    const only = STREAM_TARGETS.find((t) => t === process.env.BENCH_ONLY);
    if (only) {
      const runs: StreamRun[] = [];
      for (let r = 0; r < RUNS; r++) runs.push(await streamOnce(browser, only));
      if (RUNS === 1) return void console.log(runs[0]);
      return void console.log(
        Object.fromEntries(
          (Object.keys(runs[0]!) as (keyof StreamRun)[]).map((k) => [
            k,
            `${median(runs.map((x) => x[k])).toFixed(0)} (${runs.map((x) => x[k].toFixed(0)).join(' ')})`,
          ]),
        ),
      );
    }
    const raw: Record<StreamTarget, StreamRun[]> = { app: [], naive: [], streamdown: [], assistantui: [], reading: [] };
    for (let r = 0; r < RUNS; r++) {
      for (const t of STREAM_TARGETS) {
        process.stdout.write(`run ${r + 1}/${RUNS}: ${t}… `);
        const result = await streamOnce(browser, t);
        raw[t].push(result);
        console.log(`${result.mainThreadMs.toFixed(0)} ms main thread, ${result.scriptingMs.toFixed(0)} ms scripting`);
      }
    }
    const summary = Object.fromEntries(STREAM_TARGETS.map((t) => [t, medians(raw[t])])) as Record<StreamTarget, StreamRun>;
    console.log('Opening a 1,000-message conversation and scrolling it…');
    const opens: Awaited<ReturnType<typeof openThousand>>[] = [];
    for (let r = 0; r < RUNS; r++) opens.push(await openThousand(browser));
    const open = median(opens.map((o) => o.openMs));
    const scroll = medians(opens.map((o) => o.scroll));
    console.log('Switching between 200 versions of a message…');
    const versions = await switchVersions(browser);
    console.log('Searching 10,000 conversations…');
    const search = await searchTenThousand(browser);
    console.log('Opening a 5,000-message conversation, and scrolling it from the end to the start…');
    const huges: HugeRun[] = [];
    for (let r = 0; r < LONG_RUNS; r++) huges.push(await openHuge(browser));
    const huge = { ...medians(huges.map(({ scroll, ...rest }) => rest)), scroll: medians(huges.map((h) => h.scroll)) };
    console.log('Typing while a reply streams at a model’s pace…');
    const typingRuns = Object.fromEntries(TYPING_TARGETS.map((t) => [t, [] as TypingRun[]])) as Record<TypingTarget, TypingRun[]>;
    for (let r = 0; r < LONG_RUNS; r++) for (const t of TYPING_TARGETS) typingRuns[t].push(await typingWhileStreaming(browser, t));
    const typing = Object.fromEntries(TYPING_TARGETS.map((t) => [t, medians(typingRuns[t])])) as Record<TypingTarget, TypingRun>;
    console.log('Switching between two 1,000-message conversations…');
    const switching = await switchConversations(browser);
    report({ runs: RUNS, longRuns: LONG_RUNS, summary, raw, open, scroll, versions, search, huge, typing, switching }, browser.version());
  } finally {
    await browser.close();
    await stopServers();
  }
}

await main();
