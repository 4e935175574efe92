import type { Page } from '@playwright/test';
import { expect, lastAssistant, simulate, test } from './fixtures';

// Replies made to freeze or crash the page: each must leave it responsive, and show its end.

/**
 * The longest task allowed, in ms. The goal is 200 ms; tests run two at a time, and on 2 cores
 * that stretches a task now and then. The replies here froze the page for seconds before.
 */
const LONGEST_TASK_MS = 400;

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { longestTask: number };
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longestTask = Math.max(w.longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
});

const longestTask = (page: Page) => page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
const resetLongestTask = (page: Page) => page.evaluate(() => void ((window as unknown as { longestTask: number }).longestTask = 0));

/**
 * Sends `payload` to be echoed back, timing only what the page does from the click on.
 * The text is set as one input event: Playwright's fill takes seconds per thousand lines.
 */
async function echo(page: Page, payload: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).evaluate((box: HTMLTextAreaElement, text) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, text);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, `echo: ${payload}`);
  // Writing a message loads and warms up the renderer: a person takes longer to write one.
  await page.waitForTimeout(1500);
  await resetLongestTask(page);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

async function expectResponsive(page: Page): Promise<void> {
  await expect(lastAssistant(page)).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  // The sources list and the blocks still to render come after the end: time them too.
  await page.waitForTimeout(1000);
  expect(await longestTask(page)).toBeLessThan(LONGEST_TASK_MS);
}

test.describe('a streamed reply', () => {
  test.setTimeout(90_000);

  test('10,000 unclosed links', async ({ app: page }) => {
    await simulate(page, 'delay=0');
    await echo(page, `${'[a](http://'.repeat(10_000)} END-OF-LINKS`);
    await expect(lastAssistant(page)).toContainText('END-OF-LINKS', { timeout: 30_000 });
    await expectResponsive(page);
  });

  test('a 300 KB line in a code block, in 64-character deltas: no long task, and the page never scrolls sideways', async ({
    app: page,
  }) => {
    await simulate(page, 'delay=1, chunk=64');
    await echo(page, `\`\`\`\n${'x'.repeat(300_000)}\n\`\`\`\n\nEND-OF-CODE`);
    const reply = lastAssistant(page);
    await expect(reply).toContainText('END-OF-CODE', { timeout: 60_000 });
    const log = page.getByRole('log', { name: 'Messages' });
    expect(await log.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth)).toBe(true);
    console.log('longest task, 300 KB line:', await longestTask(page));
    await expectResponsive(page);
  });

  test('10,000 list markers on one line show as plain text, and say so', async ({ app: page }) => {
    await simulate(page, 'delay=0');
    await echo(page, `${'- '.repeat(10_000)}END-OF-LIST`);
    const reply = lastAssistant(page);
    await expect(reply).toContainText('END-OF-LIST', { timeout: 30_000 });
    await expect(reply).toContainText('shown as plain text');
    await expectResponsive(page);
  });

  test('a long table, checked off the page first, streams in and ends up formatted', async ({ app: page }) => {
    await simulate(page, 'delay=2, chunk=40');
    const rows = Array.from({ length: 200 }, (_, i) => `| row ${i} | **${i * i}** |`).join('\n');
    await echo(page, `| n | square |\n| --- | --- |\n${rows}\n\nEND-OF-TABLE`);
    const reply = lastAssistant(page);
    await expect(reply).toContainText('END-OF-TABLE', { timeout: 30_000 });
    await expect(reply.getByRole('table')).toContainText('row 199');
    await expect(reply.getByRole('cell', { name: '39601' })).toBeVisible();
    await expectResponsive(page);
  });
});

/** Imports a conversation of a short question and `reply`, and opens it, timing only the opening. */
async function openReply(page: Page, title: string, reply: Record<string, unknown>): Promise<void> {
  const file = {
    format: 'bitseek-chat.conversations',
    version: 1,
    conversations: [
      {
        id: `conv-${title.replace(/\W+/g, '-')}`,
        title,
        createdAt: 1,
        updatedAt: 2,
        messages: [
          { id: 'q', role: 'user', content: 'a question', createdAt: 1 },
          { id: 'r', role: 'assistant', content: '', createdAt: 2, status: 'complete', ...reply },
        ],
      },
    ],
  };
  await page
    .getByLabel('Import conversations from a JSON file')
    .setInputFiles({ name: 'reply.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const open = page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: title, exact: true });
  await expect(open).toBeVisible();
  await resetLongestTask(page);
  await open.click();
}

// The replies below are opened rather than echoed, so that each case is timed alone.

test('a question of 150 KB of newlines and a reasoning of 5 MB show their start, and say how much more there is', async ({ app: page }) => {
  await openReply(page, 'Huge question', { content: 'short answer', reasoning: `${'thinking '.repeat(600_000)}END-OF-REASONING` });
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Huge question', exact: true }).click();
  const file = {
    conversations: [
      {
        id: 'conv-huge-q',
        title: 'Huge lines',
        createdAt: 1,
        updatedAt: 3,
        messages: [{ id: 'hq', role: 'user', content: `${'line\n'.repeat(150_000)}END`, createdAt: 1 }],
      },
    ],
  };
  await page
    .getByLabel('Import conversations from a JSON file')
    .setInputFiles({ name: 'q.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const open = page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Huge lines', exact: true });
  await expect(open).toBeVisible();
  await resetLongestTask(page);
  await open.click();
  await expect(page.getByRole('article', { name: /^User/ })).toContainText('more characters not shown here; Copy copies them all.');
  await page.waitForTimeout(1000);
  expect(await longestTask(page)).toBeLessThan(LONGEST_TASK_MS);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Huge question', exact: true }).click();
  await lastAssistant(page).getByText('Reasoning').click();
  await expect(lastAssistant(page)).toContainText('more characters not shown here');
  await page.waitForTimeout(500);
  expect(await longestTask(page)).toBeLessThan(LONGEST_TASK_MS);
});

test('a reply of 150 KB of newlines, then links, opens at once', async ({ app: page }) => {
  await openReply(page, 'Newlines', {
    content: `${'\n'.repeat(150_000)}See [the docs](https://docs.example.com/a) and [more](https://more.example.com/b).\n\nEND-OF-NEWLINES`,
  });
  await expect(lastAssistant(page)).toContainText('END-OF-NEWLINES');
  await expect(lastAssistant(page).getByRole('region', { name: 'Sources' })).toContainText('docs.example.com');
  await page.waitForTimeout(1000);
  expect(await longestTask(page)).toBeLessThan(LONGEST_TASK_MS);
});

test('a reply of 5,000 setext headings in one block shows as plain text, and says so', async ({ app: page }) => {
  await openReply(page, 'Headings', { content: `${'a\n=\n'.repeat(5_000)}END-OF-HEADINGS` });
  await expect(lastAssistant(page)).toContainText('END-OF-HEADINGS');
  await expect(lastAssistant(page)).toContainText('Too complex to format quickly: shown as plain text');
  await page.waitForTimeout(1000);
  expect(await longestTask(page)).toBeLessThan(LONGEST_TASK_MS);
});

test('tool arguments nested 20,000 deep show as text, and the page goes on', async ({ app: page }) => {
  const deep = '['.repeat(20_000);
  await openReply(page, 'Deep arguments', {
    finishReason: 'tool_calls',
    toolCalls: [
      { index: 0, id: 'call_deep', type: 'function', name: 'deep', arguments: deep },
      { index: 1, id: 'call_deep_valid', type: 'function', name: 'deep_valid', arguments: `${deep}${']'.repeat(20_000)}` },
    ],
  });
  await expect(page.getByRole('group', { name: 'Tool call: deep', exact: true })).toContainText('nested more than 64 levels deep');
  await expect(page.getByRole('group', { name: 'Tool call: deep_valid' })).toContainText('nested more than 64 levels deep');
  // Still a working page: a new message can be written.
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeEditable();
  expect(await longestTask(page)).toBeLessThan(LONGEST_TASK_MS);
});

test('a reply with 15,000 tool calls shows the first 100, and says so', async ({ app: page }) => {
  const toolCalls = Array.from({ length: 15_000 }, (_, i) => ({
    index: i,
    id: `call_${i}`,
    type: 'function',
    name: 'f',
    arguments: '{"n": 1}',
  }));
  await openReply(page, 'Many calls', { finishReason: 'tool_calls', toolCalls });
  await expect(lastAssistant(page)).toContainText('This reply has 15000 tool calls; the first 100 are shown.');
  await expect(lastAssistant(page).getByRole('group', { name: 'Tool call: f' })).toHaveCount(100);
  await page.waitForTimeout(1000);
  expect(await longestTask(page)).toBeLessThan(LONGEST_TASK_MS);
});

test('a reply of 20 MB shows its first megabyte, and offers the whole of it', async ({ app: page }) => {
  test.setTimeout(90_000);
  const block = 'Some **bold** text and a [link](https://example.com/x), then `code`.\n\n';
  await openReply(page, 'Huge', { content: `${block.repeat(Math.ceil(20e6 / block.length))}END-OF-HUGE` });
  const reply = lastAssistant(page);
  await expect(reply).toContainText('This reply is 20.0 MB. Only its first 1.0 MB is shown', { timeout: 30_000 });
  await expect(reply.getByRole('button', { name: 'Download the whole reply' })).toBeVisible();
  await page.waitForTimeout(1000);
  expect(await longestTask(page)).toBeLessThan(LONGEST_TASK_MS);
});
