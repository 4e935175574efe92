// The app with many stored conversations, seeded into its IndexedDB: opening a 1,000-message
// conversation and scrolling up through it, switching between 200 versions of a message, and
// searching 10,000 conversations.
import type { Browser, Page } from '@playwright/test';
import { browserSettled, printProfile, profiling, startTrace } from './browser.ts';
import { APP_URL } from './servers.ts';
import { frameGaps, median } from './stats.ts';

/** Seeds the app's own IndexedDB, in the page, with the given conversations. */
export async function seed(page: Page, conversations: unknown[]): Promise<void> {
  await page.evaluate(
    (records) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('bitseek-chat');
        open.onsuccess = () => {
          const tx = open.result.transaction('conversations', 'readwrite');
          for (const r of records) tx.objectStore('conversations').put(r);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    conversations,
  );
}

const reply = (n: number) =>
  `### Reply ${n}\n\nSome **markdown** with \`code\` and a list:\n\n- one\n- two\n\n\`\`\`js\nconsole.log(${n});\n\`\`\`\n\nEnd of reply ${n}.`;

/** 1,000 messages, questions and replies in turn; the last reply ends "End of reply 500." (after `from`, its first). */
export function thousandMessages(from = 1): unknown[] {
  return Array.from({ length: 1000 }, (_, i) => {
    const n = Math.floor(i / 2) + from;
    const parent = i > 0 ? { parentId: i % 2 === 0 ? `a${i - 1}` : `u${i - 1}` } : {};
    return i % 2 === 0
      ? { id: `u${i}`, ...parent, role: 'user', content: `Question ${n}: how does streaming work?`, createdAt: 1_700_000_000_000 + i }
      : {
          id: `a${i}`,
          ...parent,
          role: 'assistant',
          content: reply(n),
          createdAt: 1_700_000_000_000 + i,
          status: 'complete',
          finishReason: 'stop',
        };
  });
}

/** Scrolling a long conversation: frames over a steady scroll, as rAF saw them, and the longest task. */
export interface ScrollRun {
  /** Messages scrolled past. */
  messages: number;
  fps: number;
  framesDropped: number;
  longestFrameMs: number;
  longestTaskMs: number;
}

/** How far the list is scrolled up per frame: a brisk, steady scroll (18,000 px a second at 60 fps). */
export const SCROLL_STEP_PX = 300;
export const SCROLL_FRAMES = 180;

/** What a scroll saw: frames as rAF gave them, the longest task and how many, where the view ended, whether at the start. */
export interface ScrollSeen {
  frames: number[];
  longest: number;
  tasks: number;
  top: number;
  atStart: boolean;
}

/**
 * Scrolls the open conversation up `step` px each frame, for `maxFrames` frames, or (`toStart`)
 * sooner once its first message shows at the top (a string, so that the bundler's helpers stay out of the page).
 */
export const scrollUp = (page: Page, step: number, maxFrames: number, toStart = false): Promise<ScrollSeen> =>
  page.evaluate(`new Promise((done) => {
  const log = document.querySelector('[role="log"]');
  const frames = [];
  let longest = 0;
  let tasks = 0;
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) { longest = Math.max(longest, e.duration); tasks++; } });
  observer.observe({ type: 'longtask' });
  const atStart = () => log.scrollTop <= 0 && !!document.querySelector('[data-index="0"]');
  const step = (t) => {
    frames.push(t);
    if (frames.length > ${maxFrames} || (${toStart} && atStart())) {
      observer.disconnect();
      return done({ frames, longest, tasks, top: log.scrollTop, atStart: atStart() });
    }
    log.scrollTop -= ${step};
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`);

export async function openThousand(browser: Browser): Promise<{ openMs: number; scroll: ScrollRun }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const opened = Date.now();
  const page = await context.newPage();
  await page.goto(`${APP_URL}/`);
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  await seed(page, [{ id: 'conv-bench-1000', title: 'A thousand messages', createdAt: 1, updatedAt: 2, messages: thousandMessages() }]);
  await browserSettled(opened);
  const stopTrace =
    process.env.BENCH_TRACE || process.env.BENCH_PROFILE ? await startTrace(browser, page, ['loading', ...profiling()]) : undefined;
  await page.goto(`${APP_URL}/c/conv-bench-1000`);
  const ms = await page.waitForFunction(
    () => {
      const articles = document.querySelectorAll('article[aria-label="Assistant message"]');
      const last = articles[articles.length - 1];
      return last?.textContent?.includes('End of reply 500') && last.querySelector('h3') ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const openMs = (await ms.jsonValue()) as number;
  const events = await stopTrace?.();
  if (events && process.env.BENCH_PROFILE) printProfile(events);
  if (process.env.BENCH_DEBUG) {
    console.log(
      await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
          (r) => `${r.name.split('/').pop()} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)}`,
        ),
      ),
    );
  }
  await page.waitForTimeout(500); // what opening left for idle time (warm-up, highlighting) is not the scroll's
  // The message at the top of the view, by its index: scroll offsets shift as rows are measured.
  const topIndex = () =>
    page.evaluate(() => {
      const log = document.querySelector('[role="log"]')!.getBoundingClientRect();
      const rows = [...document.querySelectorAll<HTMLElement>('[data-index]')].filter((r) => r.getBoundingClientRect().bottom > log.top);
      return Math.min(...rows.map((r) => Number(r.dataset.index)));
    });
  const from = await topIndex();
  const { frames, longest, top } = await scrollUp(page, SCROLL_STEP_PX, SCROLL_FRAMES);
  const passed = from - (await topIndex());
  if (top <= 0 || passed < 100) throw new Error(`the scroll passed ${passed} messages (from message ${from}): too few to measure`);
  await context.close();
  const gaps = frameGaps(frames);
  return {
    openMs,
    scroll: {
      messages: passed,
      fps: gaps.fps,
      framesDropped: gaps.dropped,
      longestFrameMs: gaps.longest,
      longestTaskMs: longest,
    },
  };
}

/** Switching versions of a message: from the click to the frame that shows the other version's path. */
export interface SwitchRun {
  medianMs: number;
  maxMs: number;
  switches: number;
}

export const VERSIONS = 200;
const SWITCHES = 30;

/**
 * A conversation of 20 messages, then a question asked in VERSIONS versions (edited), each
 * with its reply; the version shown is switched back SWITCHES times with "Previous version".
 */
export async function switchVersions(browser: Browser): Promise<SwitchRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${APP_URL}/`);
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  const at = (i: number) => 1_700_000_000_000 + i;
  const messages: unknown[] = [];
  for (let i = 0; i < 20; i++) {
    messages.push({
      id: `m${i}`,
      ...(i > 0 && { parentId: `m${i - 1}` }),
      role: i % 2 ? 'assistant' : 'user',
      content: i % 2 ? reply(i) : `Question ${i}`,
      createdAt: at(i),
      ...(i % 2 && { status: 'complete' }),
    });
  }
  for (let v = 0; v < VERSIONS; v++) {
    messages.push({ id: `q${v}`, parentId: 'm19', role: 'user', content: `Version ${v + 1} of the question`, createdAt: at(100 + 2 * v) });
    messages.push({
      id: `r${v}`,
      parentId: `q${v}`,
      role: 'assistant',
      content: reply(1000 + v),
      createdAt: at(101 + 2 * v),
      status: 'complete',
    });
  }
  await seed(page, [{ id: 'conv-bench-versions', title: 'Two hundred versions', createdAt: 1, updatedAt: 2, messages }]);
  await page.goto(`${APP_URL}/c/conv-bench-versions`);
  const question = page.getByRole('article', { name: /^User/ }).last();
  await question.getByRole('status', { name: `Version ${VERSIONS} of ${VERSIONS}` }).waitFor();
  await page.waitForTimeout(500);
  // A string, not a function (see searchTenThousand): each switch is timed from the click to the
  // first frame whose DOM has the version before, and that version's reply rendered.
  const times = (await page.evaluate(`new Promise((done) => {
    const times = [];
    const step = (n) => {
      if (n === ${SWITCHES}) return done(times);
      const version = ${VERSIONS} - n - 1;
      const users = document.querySelectorAll('article[aria-label="User message"]');
      const button = users[users.length - 1].querySelector('button[aria-label="Previous version"]');
      const start = performance.now();
      button.click();
      const check = () => {
        const replies = document.querySelectorAll('article[aria-label="Assistant message"]');
        const shown = replies[replies.length - 1];
        if (shown && shown.querySelector('h3') && shown.textContent.includes('End of reply ' + (1000 + version - 1) + '.')) {
          times.push(performance.now() - start);
          setTimeout(() => step(n + 1), 50);
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    };
    step(0);
  })`)) as number[];
  await context.close();
  return { medianMs: median(times), maxMs: Math.max(...times), switches: times.length };
}

/** Time per keystroke, from the input to the list showing its query. */
export interface SearchRun {
  medianMs: number;
  maxMs: number;
  /** From reload to the conversation list shown. */
  loadMs: number;
  keys: number[];
}

export async function searchTenThousand(browser: Browser): Promise<SearchRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${APP_URL}/`);
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  const words = ['stream', 'token', 'markdown', 'search', 'panel', 'server', 'reply', 'client', 'model', 'event'];
  const conversations = Array.from({ length: 10_000 }, (_, c) => ({
    id: `conv-bench-${c}`,
    title: `Conversation ${c} about ${words[c % 10]}`,
    createdAt: c,
    updatedAt: c,
    messages: Array.from({ length: 4 }, (_, m) => ({
      id: `m${c}-${m}`,
      ...(m > 0 && { parentId: `m${c}-${m - 1}` }),
      role: m % 2 ? 'assistant' : 'user',
      content:
        `${words[(c + m) % 10]} ${words[(c * 7 + m) % 10]} — message ${m} of conversation ${c}. `.repeat(4) +
        (c === 7777 && m === 3 ? ' zebraquartz' : ''),
      createdAt: c * 10 + m,
      ...(m % 2 ? { status: 'complete' } : {}),
    })),
  }));
  for (let i = 0; i < conversations.length; i += 1000) await seed(page, conversations.slice(i, i + 1000));
  const loadStart = Date.now();
  await page.reload();
  const box = page.getByRole('searchbox', { name: 'Search conversations' });
  await box.waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelectorAll('nav li').length > 5, undefined, { timeout: 120_000 });
  const loadMs = Date.now() - loadStart;
  // A string, not a function: the script runner's transpiler would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__keys = [];
    const input = document.querySelector('input[type="search"]');
    // A keystroke is done when the list shows the box's current query (React may skip to a later one);
    // polled with timers: the commit that shows the list is what counts.
    input.addEventListener('input', () => {
      const start = performance.now();
      const check = () => {
        if (document.querySelector('[data-search="' + CSS.escape(input.value) + '"]')) window.__keys.push(performance.now() - start);
        else setTimeout(check, 1);
      };
      setTimeout(check, 0);
    });
  })()`);
  for (const ch of 'zebraquartz') {
    await box.press(ch);
    await page.waitForTimeout(120);
  }
  await page.waitForFunction(() => (window as unknown as { __keys: number[] }).__keys.length === 'zebraquartz'.length);
  const found = await page.locator('nav li').allInnerTexts();
  if (found.length !== 1 || !found[0]!.includes('Conversation 7777')) throw new Error(`search found ${JSON.stringify(found)}`);
  const keys = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  await context.close();
  return { medianMs: median(keys), maxMs: Math.max(...keys), loadMs, keys: keys.map((k) => Math.round(k)) };
}
