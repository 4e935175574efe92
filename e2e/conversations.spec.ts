import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { conversationId, expect, lastAssistant, recordChatRequests, sendMessage, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
/** The conversation rows (the list also holds the date groups' headings). */
const rowsOf = (page: Page) =>
  nav(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Conversation actions' }) });

/** Chooses an action from a conversation row's menu. */
async function rowAction(page: Page, title: string, action: 'Pin' | 'Unpin' | 'Rename' | 'Export' | 'Delete') {
  await nav(page).getByRole('listitem').filter({ hasText: title }).getByRole('button', { name: 'Conversation actions' }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

/** Chooses an action from the sidebar's Import and export menu. */
async function dataAction(page: Page, action: 'Export chat' | 'Export Markdown' | 'Export all') {
  await nav(page).getByRole('button', { name: 'Import and export' }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

async function chat(page: Page, text: string) {
  await sendMessage(page, `echo: ${text}`);
  await expect(lastAssistant(page)).toContainText(text);
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
}

/** How many conversations the app has written to IndexedDB. */
const storedCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('bitseek-chat');
        open.onsuccess = () => {
          const count = open.result.transaction('conversations').objectStore('conversations').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );

test('the sidebar lists newest first; rename, pin, and delete with undo', async ({ app: page }) => {
  await chat(page, 'alpha');
  await page.getByRole('button', { name: 'New chat' }).click();
  await chat(page, 'beta');
  const rows = rowsOf(page);
  await expect(rows).toHaveText(['echo: beta', 'echo: alpha'], { useInnerText: true });

  // Grouped by date: both are today's.
  await expect(nav(page).getByRole('heading', { name: 'Today' })).toBeVisible();
  await rowAction(page, 'echo: alpha', 'Pin');
  await expect(rows.first()).toContainText('echo: alpha');
  await expect(nav(page).getByRole('heading', { name: 'Pinned' })).toBeVisible();

  await rowAction(page, 'echo: beta', 'Rename');
  await nav(page).getByRole('textbox', { name: 'Rename conversation' }).fill('Beta, renamed');
  await page.keyboard.press('Enter');
  await expect(rows.nth(1)).toContainText('Beta, renamed');
  await expect(page.getByRole('heading', { name: 'Beta, renamed' })).toBeVisible();

  await rowAction(page, 'Beta, renamed', 'Delete');
  await expect(rows).toHaveCount(1);
  await page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(2);
  // The restored conversation is written at once; a reload in the same millisecond could still cut the write off.
  await expect.poll(() => storedCount(page)).toBe(2);
  await page.reload();
  await expect(rowsOf(page)).toHaveText(['echo: alpha', 'Beta, renamed'], { useInnerText: true });
  await expect(rows.first().getByRole('img', { name: 'pinned' })).toBeVisible();
});

test('Search conversations finds titles and message text', async ({ app: page }) => {
  await chat(page, 'apples and pears');
  await page.getByRole('button', { name: 'New chat' }).click();
  await chat(page, 'plums');
  const search = nav(page).getByRole('searchbox', { name: 'Search conversations' });
  await search.fill('PEARS');
  await expect(rowsOf(page)).toHaveText(['echo: apples and pears'], { useInnerText: true });
  await search.fill('nothing like this');
  await expect(nav(page)).toContainText('No conversation matches.');
  await search.fill('');
  await expect(rowsOf(page)).toHaveCount(2);
});

test('Resume conversation validates the id and continues the server’s memory of it', async ({ app: page }) => {
  // Another device started this conversation on the server.
  const id = `conv-elsewhere-${Date.now()}`;
  const first = await page.request.post('/v1/chat/completions', {
    headers: { authorization: 'Bearer x', 'x-conversation-id': id, 'x-simulator': 'delay=0' },
    data: { messages: [{ role: 'user', content: 'My favourite colour is teal' }] },
  });
  expect(first.ok()).toBe(true);
  await first.body();

  const requests = recordChatRequests(page);
  await page.getByRole('button', { name: 'Resume conversation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resume conversation' });
  await dialog.getByRole('textbox', { name: 'Conversation ID to resume' }).fill('not valid!');
  await dialog.getByRole('button', { name: 'Resume' }).click();
  await expect(dialog.getByRole('alert')).toContainText('1–128 characters');
  await dialog.getByRole('textbox', { name: 'Conversation ID to resume' }).fill(id);
  await dialog.getByRole('button', { name: 'Resume' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => conversationId(page)).toBe(id);
  await expect(page.getByText('Resumed — earlier turns live on the server')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/c/${id}$`));

  await sendMessage(page, 'What was my first message?');
  await expect(lastAssistant(page)).toContainText('My favourite colour is teal');
  expect(await requests[0]!.headerValue('x-conversation-id')).toBe(id);
});

test('routes: /c/ID asks, then resumes; the URL follows, back and forward work, reload stays', async ({ page }) => {
  await page.goto('/c/conv-from-a-link');
  const ask = page.getByRole('dialog', { name: 'Resume conversation' });
  await expect(ask.getByRole('textbox', { name: 'Conversation ID to resume' })).toHaveValue('conv-from-a-link');
  await ask.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => conversationId(page)).toBe('conv-from-a-link');
  await expect(page.getByText('Resumed — earlier turns live on the server')).toBeVisible();
  await chat(page, 'first');

  await page.getByRole('button', { name: 'New chat' }).click();
  const second = await conversationId(page);
  await expect(page).toHaveURL(new RegExp(`/c/${second}$`));
  await chat(page, 'second');

  await page.goBack();
  await expect.poll(() => conversationId(page)).toBe('conv-from-a-link');
  await expect(page).toHaveURL(/\/c\/conv-from-a-link$/);
  await page.goForward();
  await expect.poll(() => conversationId(page)).toBe(second);
  await page.reload();
  await expect.poll(() => conversationId(page)).toBe(second);
  await expect(lastAssistant(page)).toContainText('second');

  await page.goto('/c/bad%20id');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('not valid');
  await page.waitForTimeout(300);
  await expect(page.getByRole('status', { name: 'Notifications' }).getByText(/link’s conversation id is not valid/)).toHaveCount(1); // said once
  await expect.poll(() => conversationId(page)).toBe(second);
});

test('Copy link copies the conversation’s address', async ({ app: page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const id = await conversationId(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`http://localhost:4173/c/${id}`);
});

test('export as JSON and Markdown, then import: added, merged, kept apart, hostile content inert', async ({ app: page }) => {
  await sendMessage(page, 'echo: exported **text**');
  await expect(lastAssistant(page).getByText('text', { exact: true })).toBeVisible();
  const id = await conversationId(page);

  const jsonDownload = page.waitForEvent('download');
  await dataAction(page, 'Export chat');
  const file = JSON.parse(await readFile((await (await jsonDownload).path())!, 'utf8'));
  expect(file).toMatchObject({
    format: 'bitseek-chat.conversations',
    version: 2,
    conversations: [{ id, title: 'echo: exported **text**' }],
  });
  const reply = file.conversations[0].messages[1];
  expect(reply).toMatchObject({ role: 'assistant', content: 'exported **text**', status: 'complete', finishReason: 'stop' });
  expect(reply.streamId).toMatch(/^stream:chat:/);
  expect(reply.metrics.totalMs).toBeGreaterThanOrEqual(0);
  expect(JSON.stringify(file)).not.toContain('local-simulator');

  const mdDownload = page.waitForEvent('download');
  await dataAction(page, 'Export Markdown');
  const md = await readFile((await (await mdDownload).path())!, 'utf8');
  expect(md).toContain('# echo: exported **text**');
  expect(md).toContain(`Conversation ID: \`${id}\``);
  expect(md).toContain('## Assistant\n\nexported **text**');

  const hostile = {
    id: 'conv-hostile',
    title: '<img src=x onerror="window.__pwned=1">',
    createdAt: 1,
    updatedAt: 2,
    messages: [
      { id: 'h1', role: 'user', content: '<script>window.__pwned=1</script>', createdAt: 1 },
      {
        id: 'h2',
        role: 'assistant',
        content: '[click](javascript:window.__pwned=1) <iframe src="javascript:1"></iframe>',
        createdAt: 2,
        status: 'complete',
      },
    ],
  };
  const clash = { ...file.conversations[0], messages: [{ id: 'other', role: 'user', content: 'a different history', createdAt: 5 }] };
  const payload = JSON.stringify({ format: 'bitseek-chat.conversations', version: 1, conversations: [hostile, clash, { id: 'broken' }] });
  await nav(page)
    .getByLabel('Import conversations from a JSON file')
    .setInputFiles({ name: 'import.json', mimeType: 'application/json', buffer: Buffer.from(payload) });
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    '1 added, 0 merged, 1 kept apart as copies (same id, different history), 1 skipped (not valid: [2].title: ',
  );
  await expect(rowsOf(page)).toHaveCount(3);
  await nav(page).getByRole('button', { name: '<img src=x onerror="window.__pwned=1">', exact: true }).click();
  await expect(page.getByRole('article', { name: /^User/ })).toContainText('<script>window.__pwned=1</script>');
  await expect(lastAssistant(page).getByRole('link')).toHaveCount(0);
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await nav(page)
    .getByLabel('Import conversations from a JSON file')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{nope') });
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    /Could not import bad\.json: The file is not valid JSON \(.*position 1.*\)\./,
  );
  // entries that are not conversations: the first few, with where they went wrong
  const half = JSON.stringify([
    { id: 'conv-ok', title: 'ok', createdAt: 1, updatedAt: 1, messages: [] },
    { id: 'conv-bad', title: 'bad', createdAt: 1, updatedAt: 1, messages: [{ id: 'm', role: 'robot', content: 'x', createdAt: 1 }] },
  ]);
  await nav(page)
    .getByLabel('Import conversations from a JSON file')
    .setInputFiles({ name: 'half.json', mimeType: 'application/json', buffer: Buffer.from(half) });
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    /1 skipped \(not valid: \[1\]\.messages\[0\]\.role: .+\)/,
  );
  // a tree whose links are broken: refused, saying what and where
  const dangling = JSON.stringify({
    format: 'bitseek-chat.conversations',
    version: 2,
    conversations: [
      {
        id: 'conv-tree',
        title: 'tree',
        createdAt: 1,
        updatedAt: 1,
        messages: [{ id: 'm2', parentId: 'm1', role: 'user', content: 'x', createdAt: 1 }],
      },
    ],
  });
  await nav(page)
    .getByLabel('Import conversations from a JSON file')
    .setInputFiles({ name: 'tree.json', mimeType: 'application/json', buffer: Buffer.from(dangling) });
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    '1 skipped (not valid: [0] “tree”: message m2 names a parent that is not there: m1)',
  );
});

test('a corrupt stored record is skipped and reported; the rest load', async ({ app: page }) => {
  await chat(page, 'survivor');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('bitseek-chat');
        open.onsuccess = () => {
          const tx = open.result.transaction('conversations', 'readwrite');
          tx.objectStore('conversations').put({ id: 'conv-corrupt', title: 42, messages: 'nope' });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('1 saved conversation(s) could not be read and were skipped');
  await expect(rowsOf(page)).toHaveText(['echo: survivor'], { useInnerText: true });
});

test('several tabs: messages and renames show in the other tab, and neither overwrites the other', async ({ app: pageA, context }) => {
  await chat(pageA, 'from tab A');
  const id = await conversationId(pageA);
  const pageB = await context.newPage();
  await pageB.goto(`/c/${id}`);
  await expect(lastAssistant(pageB)).toContainText('from tab A');

  // both tabs add to the same conversation
  await sendMessage(pageB, 'echo: from tab B');
  await expect(lastAssistant(pageB)).toContainText('from tab B');
  await expect(pageA.getByRole('article', { name: /^User/ }).last()).toContainText('echo: from tab B', { timeout: 1500 });
  await chat(pageA, 'A again');
  await expect(pageB.getByRole('article', { name: /^User/ }).last()).toContainText('echo: A again', { timeout: 1500 });

  await rowAction(pageA, 'echo: from tab A', 'Rename');
  await nav(pageA).getByRole('textbox', { name: 'Rename conversation' }).fill('Shared');
  await pageA.keyboard.press('Enter');
  await expect(rowsOf(pageB).first()).toContainText('Shared', { timeout: 1500 });

  await pageB.reload();
  await expect(pageB.getByRole('article', { name: /^User/ })).toHaveText([/from tab A/, /from tab B/, /A again/], { useInnerText: true });
});

test('a 50 MB import never freezes the page for 200 ms; a larger file is refused with its size', async ({ app: page }) => {
  test.setTimeout(90_000);
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__longest = Math.max(w.__longest, e.duration)))).observe({
      type: 'longtask',
    });
  });
  const paragraph = 'Lorem ipsum dolor sit amet, **consectetur** adipiscing elit. '.repeat(160);
  const conversations = Array.from({ length: 200 }, (_, c) => ({
    id: `conv-big-${c}`,
    title: `Big ${c}`,
    createdAt: 1,
    updatedAt: 2 + c,
    messages: Array.from({ length: 25 }, (_, m) => ({
      id: `m-${c}-${m}`,
      role: m % 2 ? 'assistant' : 'user',
      content: paragraph,
      createdAt: m + 1,
      ...(m % 2 ? { status: 'complete' } : {}),
    })),
  }));
  const { writeFile } = await import('node:fs/promises');
  const big = test.info().outputPath('big.json');
  await writeFile(big, JSON.stringify({ format: 'bitseek-chat.conversations', version: 1, conversations }));
  await nav(page).getByLabel('Import conversations from a JSON file').setInputFiles(big);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('big.json: 200 added', { timeout: 60_000 });
  await expect(nav(page).getByRole('button', { name: 'Big 199', exact: true })).toBeVisible();
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { __longest: number }).__longest)).toBeLessThan(200);

  const tooBig = test.info().outputPath('too-big.json');
  await writeFile(tooBig, JSON.stringify({ conversations: [], padding: 'x'.repeat(51 * 1024 * 1024) }));
  await nav(page).getByLabel('Import conversations from a JSON file').setInputFiles(tooBig);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'The file is 51.0 MB; the app imports files of up to 50 MB',
  );
});

test('export buttons with nothing to export say so and download nothing', async ({ app: page }) => {
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await dataAction(page, 'Export all');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Nothing to export yet: there are no conversations with messages.',
  );
  await dataAction(page, 'Export chat');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Nothing to export yet: this conversation is empty.');
  await page.waitForTimeout(300);
  expect(downloads).toBe(0);
});
