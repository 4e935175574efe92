import { expect, lastAssistant, sendMessage, simulate, test } from './fixtures';
import type { Page } from '@playwright/test';
import { BENCH_END_MARKER, benchReply } from '../server/benchReply';

test('code blocks get a language label, a copy button and highlighting once finished', async ({ app: page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await sendMessage(page, 'echo: Look:\n\n```js\nconst answer = 42; // the answer\n```');
  const reply = lastAssistant(page);
  await expect(reply.locator('.code-block')).toContainText('js');
  await expect(reply.locator('code .hljs-keyword')).toHaveText('const');
  await expect(reply.locator('code .hljs-comment')).toHaveText('// the answer');
  await reply.getByRole('button', { name: 'Copy code' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('const answer = 42; // the answer');
});

test('an unterminated code fence renders as code while it streams', async ({ app: page }) => {
  await simulate(page, 'delay=400');
  await sendMessage(page, 'echo: ```python\nprint("one")\nprint("two")\nprint("three")\nprint("four")\n```\n\nafter the code');
  // One look at one moment: the code is a code block, no fence shows, and the reply is still streaming.
  await page.waitForFunction(() => {
    const replies = document.querySelectorAll('article[aria-label^="Assistant"]');
    const reply = replies[replies.length - 1];
    const stop = [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Stop');
    return !!reply && stop && !!reply.querySelector('pre')?.textContent?.includes('print("one")') && !reply.textContent?.includes('```');
  });
  await expect(lastAssistant(page)).toContainText('after the code', { timeout: 15_000 });
  await expect(lastAssistant(page)).not.toContainText('```');
});

test('italics and a table look as they will end up while they stream, never as raw markdown', async ({ app: page }) => {
  // A second for each moment looked for, also on a slow, busy machine, after a first paragraph
  // that gives the renderer (loaded as the message is typed) time to be there.
  test.setTimeout(45_000);
  await simulate(page, 'chunk=3, delay=300');
  await sendMessage(
    page,
    'echo: A first paragraph, to begin with, and a few words more.\n\nSome *italic words* here.\n\n| Name | Value |\n| --- | ---: |\n| speed | fast |',
  );
  // Each a look at one moment while the reply streams (Stop is shown).
  const whileStreaming = (moment: 'italics' | 'header') =>
    page.waitForFunction((which) => {
      const replies = document.querySelectorAll('article[aria-label^="Assistant"]');
      const reply = replies[replies.length - 1];
      const stop = [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Stop');
      if (!reply || !stop) return false;
      const text = reply.textContent ?? '';
      // halfway through the italics: already italic, no asterisk shown
      const em = reply.querySelector('em')?.textContent ?? '';
      if (which === 'italics') return em.length > 0 && em !== 'italic words' && 'italic words'.startsWith(em) && !text.includes('*');
      // the header row only: already a table, no pipe shown
      const table = reply.querySelector('table')?.textContent ?? '';
      return table.includes('Name') && !table.includes('speed') && !text.includes('|');
    }, moment);
  await whileStreaming('italics');
  await whileStreaming('header');
  await expect(lastAssistant(page).getByRole('table')).toContainText('fast', { timeout: 15_000 });
  await expect(lastAssistant(page).locator('em')).toHaveText('italic words');
});

test('math streams in whole: never its raw LaTeX, a formula as soon as its end arrives', async ({ app: page }) => {
  // The math renderer loads once the first formula begins: ~6 s of stream after it, for a slow, busy machine.
  test.setTimeout(45_000);
  await simulate(page, 'chunk=3, delay=150');
  // Every change to the page is looked at: no text outside a formula may ever show LaTeX.
  await page.evaluate(() => {
    const w = window as unknown as { rawMath: string[]; mathWhileStreaming: boolean };
    w.rawMath = [];
    w.mathWhileStreaming = false;
    new MutationObserver(() => {
      const replies = document.querySelectorAll('article[aria-label^="Assistant"]');
      const reply = replies[replies.length - 1];
      if (!reply) return;
      const walker = document.createTreeWalker(reply, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.katex')) continue;
        if (/\$\$|\\pi|\\\(/.test(node.textContent ?? '')) w.rawMath.push(node.textContent ?? '');
      }
      const streaming = [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Stop');
      if (streaming && reply.querySelector('.katex')) w.mathWhileStreaming = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await sendMessage(
    page,
    'echo: Euler: $$e^{i\\pi} + 1 = 0$$ and \\(a^2\\), then a few more words so that the reply is still streaming, and a few more after those.',
  );
  const reply = lastAssistant(page);
  await expect(reply).toContainText('after those.', { timeout: 30_000 });
  await expect(reply.locator('.katex')).toHaveCount(2);
  const seen = await page.evaluate(() => {
    const { rawMath, mathWhileStreaming } = window as unknown as { rawMath: string[]; mathWhileStreaming: boolean };
    return { rawMath, mathWhileStreaming };
  });
  expect(seen.rawMath).toEqual([]);
  expect(seen.mathWhileStreaming).toBe(true);
});

test('math whose renderer cannot load shows as written, not left out', async ({ app: page }) => {
  await page.route(/\/assets\/math-[\w-]+\.js$/, (route) => route.abort());
  await sendMessage(page, 'echo: Euler: $$e^{i\\pi} + 1 = 0$$ done.');
  await expect(lastAssistant(page)).toContainText('Euler: $$e^{i\\pi} + 1 = 0$$ done.');
});

test('math renders with KaTeX, and \\href stays inert', async ({ app: page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await sendMessage(
    page,
    'echo: Euler: $$e^{i\\pi} + 1 = 0$$ and \\(a^2\\), inline $x_1$ too, a price of $5 and $10.\n\n$$\\href{javascript:alert(1)}{click me}$$',
  );
  const reply = lastAssistant(page);
  await expect(reply.locator('.katex').first()).toBeVisible();
  // Single dollars are math only where they cannot be prices.
  await expect(reply.locator('math')).toHaveCount(4);
  await expect(reply).toContainText('a price of $5 and $10');
  await expect(reply.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(reply).toContainText('click me');
  await reply.locator('.katex').last().click();
  expect(dialogs).toEqual([]);
});

test('tables scroll sideways instead of widening the page', async ({ app: page }) => {
  const wide = `| ${Array.from({ length: 30 }, (_, i) => `column ${i}`).join(' | ')} |\n| ${Array.from({ length: 30 }, () => '---').join(' | ')} |\n| ${Array.from({ length: 30 }, (_, i) => `v${i}`).join(' | ')} |`;
  await sendMessage(page, `echo: ${wide}`);
  const table = lastAssistant(page).getByRole('table');
  await expect(table).toContainText('v29'); // the whole table, not a part still streaming
  const { scroll, client } = await table.evaluate((t) => ({ scroll: t.scrollWidth, client: t.clientWidth }));
  expect(scroll).toBeGreaterThan(client);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(1280);
});

test('a long reply parses what is in reach; the rest is plain text until scrolled to', async ({ app: page }) => {
  await simulate(page, 'chunk=2000, delay=0');
  await sendMessage(page, 'benchmark reply');
  const reply = lastAssistant(page);
  await expect(reply).toContainText('END-OF-BENCHMARK-REPLY', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  // The end is rendered markdown; the beginning, 50 screens up, is still its words (findable, readable).
  await expect(reply.getByRole('heading', { name: /^Section 277:/ })).toBeAttached();
  await expect(reply.getByRole('heading', { name: /^Section 1:/ })).toHaveCount(0);
  await expect(reply.getByText('## Section 1: streaming without stutter')).toBeAttached();
  await page.getByRole('log', { name: 'Messages' }).evaluate((el) => (el.scrollTop = 0));
  await expect(reply.getByRole('heading', { name: /^Section 1:/ })).toBeVisible();
  await expect(reply.getByText('## Section 1: streaming without stutter')).toHaveCount(0);
});

test('a long reply that arrives at once ends up whole, in order (its end is rendered first, the rest after); opened again, it renders whole at once', async ({
  app: page,
}) => {
  await simulate(page, 'chunk=20000, delay=0');
  await sendMessage(page, 'benchmark reply');
  const reply = lastAssistant(page);
  await expect(reply).toContainText(BENCH_END_MARKER, { timeout: 20_000 });
  const sections = benchReply().match(/closing section \d+\./g)!.length;
  // Every section, parsed or still plain text, once and in order.
  const inOrder = () =>
    reply.evaluate(
      (el) =>
        [...el.textContent!.matchAll(/closing section (\d+)\./g)].map((m) => Number(m[1])).every((n, i) => n === i + 1) &&
        el.textContent!.match(/closing section \d+\./g)!.length,
    );
  await expect.poll(inOrder).toBe(sections);

  // Opened again, it renders whole at once: nothing is held back of a reply that did not stream in.
  await page.addInitScript((marker) => {
    new MutationObserver((_records, observer) => {
      const reply = [...document.querySelectorAll('article[aria-label^="Assistant"]')].pop();
      if (!reply?.textContent?.includes(marker)) return;
      (window as unknown as { wholeAtFirst: boolean }).wholeAtFirst = reply.textContent.includes('closing section 1.');
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, BENCH_END_MARKER);
  await page.reload();
  await expect.poll(() => page.evaluate(() => (window as unknown as { wholeAtFirst?: boolean }).wholeAtFirst)).toBe(true);
});

test('code a fast reply carried out of view is highlighted once scrolled to, not as it flew by', async ({ app: page }) => {
  const part = (n: number) => `## Part ${n}\n\n\`\`\`js\nconst value${n} = ${n};\n\`\`\`\n\nSome words after part ${n}.`;
  await simulate(page, 'chunk=100, delay=5');
  await sendMessage(page, `echo: ${Array.from({ length: 150 }, (_, i) => part(i + 1)).join('\n\n')}`);
  const reply = lastAssistant(page);
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible({ timeout: 30_000 });
  // The code in view at the end is highlighted.
  await expect(reply.locator('pre', { hasText: 'value150' }).locator('.hljs-keyword')).toBeVisible();
  // Code parsed as the stream went by, now far above, is not: one of them is marked, and scrolled to.
  const marked = await reply.locator('pre').evaluateAll((pres) => {
    const plain = pres.find((pre) => !pre.querySelector('.hljs-keyword'));
    plain?.setAttribute('data-test', 'far');
    return plain?.textContent;
  });
  expect(marked).toMatch(/^const value\d+/);
  const far = reply.locator('pre[data-test="far"]');
  await expect(far).not.toBeInViewport();
  await far.scrollIntoViewIfNeeded();
  await expect(far.locator('.hljs-keyword')).toBeVisible();
});

const section = (n: number) =>
  `## Section ${n}: heading\n\nParagraph ${n} with **bold**, \`code\` and *emphasis*, long enough to wrap once or twice in the reply's column, so that it takes some room.\n\n- one\n- two\n\n| a | b |\n| --- | --- |\n| ${n} | ${n * 2} |\n\n> Quote ${n}.`;
const sections = (count: number) => `echo: ${Array.from({ length: count }, (_, i) => section(i + 1)).join('\n\n')}\n\nThe end.`;

/** How many of the reply's raw headings (plain text not parsed yet) are within the visible part of the list. */
async function rawHeadingsInView(page: Page): Promise<number> {
  const view = await page.getByRole('log', { name: 'Messages' }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  return lastAssistant(page)
    .getByText(/## Section \d+:/)
    .evaluateAll(
      (boxes, v) => boxes.filter((b) => b.getBoundingClientRect().bottom > v.top && b.getBoundingClientRect().top < v.bottom).length,
      view,
    );
}

test('wherever a long, fast reply is scrolled to, it shows as rendered markdown, never as raw text', async ({ app: page }) => {
  // Large pieces, fast: the stream runs ahead of what was parsed at each update.
  await simulate(page, 'chunk=2000, delay=5');
  await sendMessage(page, sections(60));
  const reply = lastAssistant(page);
  await expect(reply).toContainText('The end.', { timeout: 20_000 });
  const log = page.getByRole('log', { name: 'Messages' });
  const view = await log.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, height: r.height, end: el.scrollHeight };
  });
  // Every screen of the reply, from its end up to its start (heights change as blocks are parsed: looked at each time).
  const startInView = () => reply.evaluate((el, v) => el.getBoundingClientRect().top >= v.top, view);
  for (let top = view.end; top > 0; top -= view.height) {
    await log.evaluate((el, y) => (el.scrollTop = y), top);
    await expect.poll(() => rawHeadingsInView(page), { message: `raw markdown in view at ${top} px` }).toBe(0);
    if (await startInView()) break;
  }
  // Its start, too (rows above it are measured as they come into view, and may have moved it).
  await reply.getByRole('heading', { name: 'Section 1: heading' }).scrollIntoViewIfNeeded();
  await expect.poll(() => rawHeadingsInView(page), { message: 'raw markdown in view at the start' }).toBe(0);
});

test('scrolling up from a reply as it streams in shows rendered markdown, not raw text', async ({ app: page }) => {
  // While the view follows the end, what is out of sight waits; scrolling up must not find it raw.
  // Pieces of several blocks each: runs of blocks come in out of sight, and wait. About
  // 40 s of stream: it must still be streaming at the end, also on a slow, busy machine.
  test.setTimeout(90_000);
  await simulate(page, 'chunk=500, delay=100');
  await sendMessage(page, 'benchmark reply');
  await expect(lastAssistant(page)).toContainText('closing section 20.', { timeout: 20_000 });
  await page.getByRole('log', { name: 'Messages' }).hover();
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -300);
    await expect.poll(() => rawHeadingsInView(page), { message: `raw markdown in view after ${i + 1} wheel steps up` }).toBe(0);
  }
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click(); // still streaming all along
});
