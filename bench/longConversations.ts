// Long conversations, where chat apps are known to slow down: opening a 5,000-message
// conversation (~25 MB of markdown with code, tables, math and tool calls) and scrolling it
// from the end to the start; typing while a reply streams into it at a person's pace; and
// switching back and forth between two 1,000-message conversations.
import type { Browser, CDPSession, Locator, Page } from '@playwright/test';
import { browserSettled, printProfile, profiling, startTrace } from './browser.ts';
import { APP_URL, PACE, PACED_APP_URL, PAGES_URL } from './servers.ts';
import { frameGaps, median, percentile } from './stats.ts';
import { scrollUp, seed, thousandMessages } from './storedConversations.ts';
import { mainThreadClock } from './streamPage.ts';

const HUGE_MESSAGES = 5000;
const HUGE_ID = 'conv-bench-huge';

/**
 * Makes the 5,000 messages in the page and stores them as the app would have (a string: the
 * bundler's helpers stay out of the page, and 25 MB need not cross the debugging protocol).
 * Questions, and replies of four kinds in turn: code and a list, a table, math, and a tool
 * round (a call, its result, and the reply after it). Each reply ~11 KB, ending "End of reply N.".
 */
const SEED_HUGE = `new Promise((done, fail) => {
  const para = (n, i) => 'Paragraph ' + i + ' of reply ' + n + ' goes on, at some length, about how a chat client keeps a long conversation fast: **only what is on screen** is rendered, \`finished blocks\` are parsed once, and [the rest](https://example.com/' + n + '/' + i + ') waits until it is scrolled to. It says so *plainly*, with enough words to fill a few lines of a reading column.';
  const code = (n) => ['\`\`\`ts', 'export function reply' + n + '(input: string[]): Map<string, number> {', '  const counts = new Map<string, number>();', ...Array.from({ length: 20 }, (_, i) => '  counts.set(input[' + i + '] ?? "", (counts.get(input[' + i + '] ?? "") ?? 0) + ' + (n + i) + ');'), '  return counts;', '}', '\`\`\`'].join('\\n');
  const table = (n) => ['| Step | Input | Output | Time |', '| --- | --- | ---: | ---: |', ...Array.from({ length: 10 }, (_, i) => '| ' + (i + 1) + ' | item ' + n + '.' + i + ' | ' + (n * i) + ' | ' + (i * 3) + ' ms |')].join('\\n');
  const math = (n) => 'Inline, $e^{i\\\\pi} + 1 = 0$ and $a_' + (n % 10) + ' = \\\\sqrt{' + n + '}$; displayed:\\n\\n$$\\n\\\\int_0^{' + n + '} x^2\\\\,dx = \\\\frac{' + n + '^3}{3}\\n$$';
  const list = (n) => Array.from({ length: 6 }, (_, i) => '- point ' + (i + 1) + ' of reply ' + n + ', with \`code\`').join('\\n');
  const reply = (n, kind) => {
    const parts = ['### Reply ' + n, ''];
    for (let i = 0; i < 16; i++) parts.push(para(n, i), '');
    parts.push(kind === 0 ? code(n) : kind === 1 ? table(n) : kind === 2 ? math(n) : code(n), '');
    for (let i = 16; i < 32; i++) parts.push(para(n, i), '');
    parts.push(kind === 0 ? list(n) : kind === 1 ? table(n + 1) : kind === 2 ? list(n) : table(n), '', 'End of reply ' + n + '.');
    return parts.join('\\n');
  };
  const messages = [];
  let parent;
  const add = (m) => { messages.push({ ...m, id: 'h' + messages.length, ...(parent && { parentId: parent }), createdAt: 1700000000000 + messages.length }); parent = messages[messages.length - 1].id; };
  for (let n = 1; messages.length < ${HUGE_MESSAGES}; n++) {
    const kind = n % 4;
    add({ role: 'user', content: 'Question ' + n + ': how does a chat client stay fast when a conversation gets long? Please answer with ' + ['code', 'a table', 'the math', 'the weather tool'][kind] + '.' });
    if (kind === 3 && messages.length + 4 <= ${HUGE_MESSAGES}) {
      const id = 'call_' + n;
      add({ role: 'assistant', content: '', status: 'complete', finishReason: 'tool_calls', toolCalls: [{ index: 0, id, type: 'function', name: 'get_weather', arguments: JSON.stringify({ city: 'City ' + n, unit: 'celsius' }) }] });
      add({ role: 'tool', toolCallId: id, content: JSON.stringify({ city: 'City ' + n, temperature: n % 35, conditions: 'clear', humidity: 40 + (n % 50) }) });
    }
    if (messages.length < ${HUGE_MESSAGES}) add({ role: 'assistant', content: reply(n, kind), status: 'complete', finishReason: 'stop' });
  }
  const last = messages[messages.length - 1];
  const open = indexedDB.open('bitseek-chat');
  open.onsuccess = () => {
    const tx = open.result.transaction('conversations', 'readwrite');
    tx.objectStore('conversations').put({ id: '${HUGE_ID}', title: 'Five thousand messages', createdAt: 1, updatedAt: 2, messages });
    tx.oncomplete = () => { open.result.close(); done({ count: messages.length, chars: messages.reduce((s, m) => s + m.content.length, 0), lastReply: Number(/Reply (\\d+)/.exec(last.content)[1]) }); };
    tx.onerror = () => fail(tx.error);
  };
})`;

interface Seeded {
  count: number;
  chars: number;
  lastReply: number;
}

/** The JS heap in use after a full garbage collection, in MB. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/**
 * The heap's objects less V8's compiled code, in MB, from a heap snapshot: what the app keeps. The
 * heap in use also grows as V8 compiles the functions a page keeps running into faster code, and
 * keeps it (traced for 300 switches: it levels off); that is not the app holding on to anything.
 */
async function dataHeapMb(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const take = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
  const { snapshot, nodes } = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.meta.node_fields;
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  const code = snapshot.meta.node_types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) if (nodes[i + type] !== code) bytes += nodes[i + size]!;
  return bytes / 1024 / 1024;
}

/**
 * Until the end of the conversation's last reply is on screen rendered: its last paragraph,
 * "End of reply N.", as a parsed block (not plain text waiting to be); when it was, in ms since navigation.
 */
const lastReplyShown = (page: Page, n: number) =>
  page
    .waitForFunction(
      (end) => {
        const articles = document.querySelectorAll('article[aria-label="Assistant message"]');
        const blocks = articles[articles.length - 1]?.querySelectorAll('.md-block p');
        return blocks?.[blocks.length - 1]?.textContent === end ? performance.now() : false;
      },
      `End of reply ${n}.`,
      { polling: 'raf', timeout: 120_000 },
    )
    .then(async (h) => (await h.jsonValue()) as number);

/** A page of the app with the 5,000-message conversation stored (not yet opened). */
async function withHuge(browser: Browser, url = APP_URL): Promise<{ page: Page; seeded: Seeded; opened: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const opened = Date.now();
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  const seeded = (await page.evaluate(SEED_HUGE)) as Seeded;
  return { page, seeded, opened };
}

/** How far the huge conversation is scrolled up per frame: a fast, steady fling (36,000 px a second at 60 fps). */
export const HUGE_SCROLL_STEP_PX = 600;
/** A scroll that has not reached the start by then has failed (~15,000 frames reach it). */
const MOST_SCROLL_FRAMES = 60_000;

export interface HugeRun {
  messages: number;
  megabytes: number;
  /** Navigation to the last reply rendered. */
  openMs: number;
  heapMb: number;
  scroll: {
    frames: number;
    framesDropped: number;
    droppedPercent: number;
    longestFrameMs: number;
    longestTaskMs: number;
    longTasks: number;
  };
}

/** Opens the 5,000-message conversation, weighs the heap, and scrolls from its end to its start. */
export async function openHuge(browser: Browser): Promise<HugeRun> {
  const { page, seeded, opened } = await withHuge(browser);
  await browserSettled(opened);
  const stopTrace =
    process.env.BENCH_TRACE || process.env.BENCH_PROFILE ? await startTrace(browser, page, ['loading', ...profiling()]) : undefined;
  await page.goto(`${APP_URL}/c/${HUGE_ID}`);
  const openMs = await lastReplyShown(page, seeded.lastReply);
  const events = await stopTrace?.();
  if (events && process.env.BENCH_PROFILE) printProfile(events);
  await page.waitForTimeout(2000); // what opening left for idle time (the search index, warm-up, highlighting) is counted in the heap, not the scroll
  const cdp = await page.context().newCDPSession(page);
  const heap = await heapMb(cdp);
  const run = await scrollUp(page, HUGE_SCROLL_STEP_PX, MOST_SCROLL_FRAMES, true);
  await page.context().close();
  if (!run.atStart) throw new Error(`the scroll did not reach the start in ${run.frames.length} frames`);
  const gaps = frameGaps(run.frames);
  return {
    messages: seeded.count,
    megabytes: seeded.chars / 1024 / 1024,
    openMs,
    heapMb: heap,
    scroll: {
      frames: run.frames.length,
      framesDropped: gaps.dropped,
      droppedPercent: (100 * gaps.dropped) / (run.frames.length + gaps.dropped),
      longestFrameMs: gaps.longest,
      longestTaskMs: run.longest,
      longTasks: run.tasks,
    },
  };
}

/** The text typed while the reply streams: 200 characters. */
const TYPED = 'The quick brown fox jumps over the lazy dog while a long reply streams in; every key must show at once. '
  .repeat(2)
  .slice(0, 200);
/** Between keys: a fast typist (about 12 characters a second, with the time a key takes to send). */
const KEY_DELAY_MS = 60;
/** How long the reply's own cost is measured, streaming alone, before the typing. */
const STREAM_WINDOW_MS = 10_000;

/**
 * Records each interaction's duration (input to the next paint, as Chrome's Event Timing reports it, 8 ms
 * steps): durations under the API's 16 ms floor are not reported at all.
 */
const WATCH_INPUT = `(() => {
  window.__interactions = new Map();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.__interactions.set(e.interactionId, Math.max(window.__interactions.get(e.interactionId) ?? 0, e.duration));
  }).observe({ type: 'event', durationThreshold: 16 });
})()`;

export interface TypingRun {
  /** Keys typed, and interactions Chrome reported at 16 ms or more. */
  keys: number;
  reported: number;
  /** Input to next paint per keystroke, p95 and worst: one not reported counts as 16 ms. */
  p95Ms: number;
  maxMs: number;
  /** Main-thread work while the reply streams, before the typing, per second of streaming: all of it, and its script. */
  busyMsPerSecond: number;
  scriptMsPerSecond: number;
  /** Characters of the reply that came in that window, per second. */
  charsPerSecond: number;
}

/** A page streaming at PACE, the composer focused: measures the stream alone, then types into it. */
async function typeWhileStreaming(page: Page, composer: Locator, replyChars: () => Promise<number>): Promise<TypingRun> {
  const cdp = await page.context().newCDPSession(page);
  const metrics = await mainThreadClock((method) => cdp.send(method));
  const chars0 = await replyChars();
  const stopTrace =
    process.env.BENCH_PROFILE || process.env.BENCH_TRACE ? await startTrace(page.context().browser()!, page, profiling()) : undefined;
  const before = await metrics();
  await page.waitForTimeout(STREAM_WINDOW_MS);
  const after = await metrics();
  const events = await stopTrace?.();
  if (events && process.env.BENCH_PROFILE) printProfile(events);
  const chars1 = await replyChars();
  if (chars1 - chars0 < 100) throw new Error(`the reply did not stream: ${chars1 - chars0} characters in ${STREAM_WINDOW_MS} ms`);
  await page.evaluate(WATCH_INPUT);
  await composer.pressSequentially(TYPED, { delay: KEY_DELAY_MS });
  await page.waitForTimeout(500); // the last keys' entries
  const typed = await composer.inputValue();
  if (!typed.endsWith(TYPED)) throw new Error(`the composer holds ${JSON.stringify(typed.slice(-40))}, not what was typed`);
  if ((await replyChars()) <= chars1) throw new Error('the reply stopped streaming while typing');
  const reported = (await page.evaluate('[...window.__interactions.values()]')) as number[];
  const all = [...reported, ...Array<number>(Math.max(0, TYPED.length - reported.length)).fill(16)];
  const seconds = STREAM_WINDOW_MS / 1000;
  return {
    keys: TYPED.length,
    reported: reported.length,
    p95Ms: percentile(all, 95),
    maxMs: Math.max(...all),
    busyMsPerSecond: (after.busy - before.busy) / seconds,
    scriptMsPerSecond: (after.script - before.script) / seconds,
    charsPerSecond: (chars1 - chars0) / seconds,
  };
}

/** Pages that type while a reply streams at PACE: the app at the end of the 5,000 messages, and the baseline pages. */
export const TYPING_TARGETS = ['app', 'naive', 'streamdown', 'assistantui'] as const;
export type TypingTarget = (typeof TYPING_TARGETS)[number];

export async function typingWhileStreaming(browser: Browser, target: TypingTarget): Promise<TypingRun> {
  if (target !== 'app') {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const opened = Date.now();
    const page = await context.newPage();
    await page.goto(`${PAGES_URL}/${target}.html?sim=${encodeURIComponent(PACE)}`);
    await page.waitForFunction(() => typeof (window as unknown as { __start?: unknown }).__start === 'function');
    await browserSettled(opened);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.focus();
    await page.evaluate('window.__start()');
    await page.waitForFunction(() => (document.getElementById('out')?.textContent?.length ?? 0) > 50);
    try {
      return await typeWhileStreaming(page, composer, () => page.evaluate(() => document.getElementById('out')!.textContent!.length));
    } finally {
      await context.close();
    }
  }
  const { page, seeded, opened } = await withHuge(browser, PACED_APP_URL);
  try {
    await page.goto(`${PACED_APP_URL}/c/${HUGE_ID}`);
    await lastReplyShown(page, seeded.lastReply);
    await browserSettled(opened);
    await page.waitForTimeout(2000);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('benchmark reply');
    await composer.press('Enter');
    const streaming = () =>
      page.evaluate(() => {
        const replies = document.querySelectorAll('article[aria-label="Assistant message"]');
        return replies[replies.length - 1]?.textContent?.length ?? 0;
      });
    await page
      .waitForFunction(
        () => {
          const replies = document.querySelectorAll('article[aria-label="Assistant message"]');
          return replies[replies.length - 1]?.textContent?.includes('Section 1');
        },
        undefined,
        { timeout: 60_000 },
      )
      .catch(async (error: unknown) => {
        await page.screenshot({ path: '/tmp/typing-fail.png' });
        console.log(
          await page.evaluate(() => [...document.querySelectorAll('article')].slice(-2).map((a) => a.textContent?.slice(0, 300))),
        );
        throw error;
      });
    return await typeWhileStreaming(page, composer, streaming);
  } finally {
    await page.context().close();
  }
}

export interface SwitchingRun {
  switches: number;
  medianMs: number;
  maxMs: number;
  heapFirstMb: number;
  heapLastMb: number;
  /** The same, less compiled code (see dataHeapMb). */
  dataFirstMb: number;
  dataLastMb: number;
}

const SWITCHES = 50;

/** One switch: clicks the other conversation in the list; resolves when its last reply is rendered, in ms from the click. */
const SWITCH_TO = (title: string, end: string) => `new Promise((done) => {
  const button = [...document.querySelectorAll('nav li button')].find((b) => b.textContent.trim() === ${JSON.stringify(title)});
  const start = performance.now();
  button.click();
  const check = () => {
    const replies = document.querySelectorAll('article[aria-label="Assistant message"]');
    const last = replies[replies.length - 1];
    if (last && last.querySelector('h3') && last.textContent.includes(${JSON.stringify(end)})) done(performance.now() - start);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

/** 50 switches between two 1,000-message conversations, from the list: each timed, and the heap after the first and the last. */
export async function switchConversations(browser: Browser): Promise<SwitchingRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const opened = Date.now();
  const page = await context.newPage();
  await page.goto(`${APP_URL}/`);
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  const both = [
    { id: 'conv-switch-a', title: 'First thousand', end: 'End of reply 500.', from: 1 },
    { id: 'conv-switch-b', title: 'Second thousand', end: 'End of reply 1500.', from: 1001 },
  ];
  await seed(
    page,
    both.map((c, i) => ({ id: c.id, title: c.title, createdAt: 1 + i, updatedAt: 2 + i, messages: thousandMessages(c.from) })),
  );
  await page.goto(`${APP_URL}/c/${both[0]!.id}`);
  await lastReplyShown(page, 500);
  await browserSettled(opened);
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  const times: number[] = [];
  let heapFirstMb = 0;
  let dataFirstMb = 0;
  for (let i = 0; i < SWITCHES; i++) {
    const to = both[(i + 1) % 2]!;
    times.push((await page.evaluate(SWITCH_TO(to.title, to.end))) as number);
    await page.waitForTimeout(300); // a person's pause; what the switch left for idle time runs here
    if (i === 0) [heapFirstMb, dataFirstMb] = [await heapMb(cdp), await dataHeapMb(cdp)];
  }
  const heapLastMb = await heapMb(cdp);
  const dataLastMb = await dataHeapMb(cdp);
  await context.close();
  return { switches: times.length, medianMs: median(times), maxMs: Math.max(...times), heapFirstMb, heapLastMb, dataFirstMb, dataLastMb };
}
