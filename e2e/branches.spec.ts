import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { conversationId, expect, lastAssistant, recordChatRequests, sendMessage, simulate, test } from './fixtures';

const users = (page: Page) => page.getByRole('article', { name: /^User/ });

async function edit(page: Page, from: string, to: string) {
  const message = users(page).filter({ hasText: from });
  await message.hover();
  await message.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit message' }).fill(to);
  await page.getByRole('button', { name: 'Save and resend' }).click();
  await expect(lastAssistant(page)).toContainText(to.replace('echo: ', ''));
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
}

async function turn(page: Page, text: string) {
  await sendMessage(page, text);
  await expect(lastAssistant(page)).toContainText(text.replace('echo: ', ''));
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
}

test('edit twice: three versions to switch between; a send from an old branch carries only its path', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await turn(page, 'echo: hello');
  await turn(page, 'echo: question v1');
  await turn(page, 'echo: follow-up on v1');
  await edit(page, 'question v1', 'echo: question v2');
  await edit(page, 'question v2', 'echo: question v3');

  const second = users(page).nth(1);
  await expect(second.getByRole('status', { name: 'Version 3 of 3' })).toContainText('3 / 3');
  await expect(users(page)).toHaveCount(2);
  // Back to the first version: its whole path shows at once, follow-up and all.
  await second.getByRole('button', { name: 'Previous version' }).click();
  await second.getByRole('button', { name: 'Previous version' }).click();
  await expect(second.getByRole('status', { name: 'Version 1 of 3' })).toBeVisible();
  await expect(users(page)).toHaveText([/hello/, /question v1/, /follow-up on v1/]);
  await expect(lastAssistant(page)).toContainText('follow-up on v1');

  await turn(page, 'echo: more on v1');
  const sent = requests
    .at(-1)!
    .postDataJSON()
    .messages.map((m: { content: string }) => m.content);
  expect(sent).toEqual([
    'echo: hello',
    'hello',
    'echo: question v1',
    'question v1',
    'echo: follow-up on v1',
    'follow-up on v1',
    'echo: more on v1',
  ]);

  // The keyboard reaches the switcher, and focus stays on it as the version changes.
  const next = second.getByRole('button', { name: 'Next version' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(second.getByRole('status', { name: 'Version 2 of 3' })).toBeVisible();
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(second.getByRole('status', { name: 'Version 3 of 3' })).toBeVisible();
  await expect(users(page)).toHaveText([/hello/, /question v3/]);
  // At the last version, Next does nothing and keeps the focus.
  await page.keyboard.press('Enter');
  await expect(next).toBeFocused();
  await expect(next).toHaveAttribute('aria-disabled', 'true');

  // A reload keeps every version and the one shown.
  await page.reload();
  await expect(users(page).nth(1).getByRole('status', { name: 'Version 3 of 3' })).toBeVisible();
  await users(page).nth(1).getByRole('button', { name: 'Previous version' }).click();
  await users(page).nth(1).getByRole('button', { name: 'Previous version' }).click();
  await expect(users(page)).toHaveText([/hello/, /question v1/, /follow-up on v1/, /more on v1/]);
});

test('regenerate: two versions of the reply, each with its own stream record', async ({ app: page }) => {
  await turn(page, 'echo: once');
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(lastAssistant(page).getByRole('status', { name: 'Version 2 of 2' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await lastAssistant(page).getByRole('button', { name: 'Previous version' }).click();
  await expect(lastAssistant(page).getByRole('status', { name: 'Version 1 of 2' })).toBeVisible();
  await expect(lastAssistant(page)).toContainText('once');
  await lastAssistant(page).getByRole('button', { name: 'Inspect stream' }).click();
  const inspector = page.getByRole('dialog', { name: 'Stream inspector' });
  const firstId = (await inspector.textContent())!.match(/stream:chat:[0-9a-f-]{36}/)![0];
  await page.keyboard.press('Escape');
  await lastAssistant(page).getByRole('button', { name: 'Next version' }).click();
  await lastAssistant(page).getByRole('button', { name: 'Inspect stream' }).click();
  await expect(inspector).toContainText(/stream:chat:[0-9a-f-]{36}/);
  expect((await inspector.textContent())!.match(/stream:chat:[0-9a-f-]{36}/)![0]).not.toBe(firstId);
});

test('a reply streaming in one branch keeps streaming when the person switches away, and finishes in its branch', async ({ app: page }) => {
  await turn(page, 'echo: start, then a slower reply, one character at a time');
  await simulate(page, 'chunk=1, delay=40');
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await lastAssistant(page).getByRole('button', { name: 'Previous version' }).click();
  await expect(lastAssistant(page).getByRole('status', { name: 'Version 1 of 2' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeHidden({ timeout: 20_000 });
  await expect(lastAssistant(page)).not.toContainText('stopped');
  await lastAssistant(page).getByRole('button', { name: 'Next version' }).click();
  await expect(lastAssistant(page)).toContainText('one character at a time');
  await expect(lastAssistant(page).getByRole('button', { name: 'Regenerate' })).toBeVisible();
});

test('Branch into new chat: the path up to that message, under a new id', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await turn(page, 'echo: alpha');
  await turn(page, 'echo: beta');
  const original = await conversationId(page);
  const firstReply = page.getByRole('article', { name: /^Assistant/ }).first();
  await firstReply.hover();
  await firstReply.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Branch into new chat' }).click();

  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(users(page)).toHaveText([/alpha/]);
  const branch = await conversationId(page);
  expect(branch).not.toBe(original);
  await expect(page).toHaveURL(new RegExp(`/c/${branch}$`));
  await turn(page, 'echo: gamma');
  const sent = requests.at(-1)!;
  expect(sent.headers()['x-conversation-id']).toBe(branch);
  expect(sent.postDataJSON().messages.map((m: { content: string }) => m.content)).toEqual(['echo: alpha', 'alpha', 'echo: gamma']);
  // The original is untouched.
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'echo: alpha', exact: true }).click();
  await expect(users(page)).toHaveText([/alpha/, /beta/]);
});

test('export and import keep the tree; search opens the branch a text was found in', async ({ app: page, browser }) => {
  await turn(page, 'echo: apple');
  await edit(page, 'apple', 'echo: banana');
  const nav = page.getByRole('navigation', { name: 'Conversations' });
  await nav.getByRole('button', { name: 'Conversation actions' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export', exact: true }).click();
  const file = await (await download).path();
  const json = JSON.parse(await readFile(file!, 'utf8'));
  expect(json.version).toBe(2);

  // Search finds the older version's text, and opens it.
  await page.getByRole('button', { name: 'New chat' }).click();
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('apple');
  await nav.getByRole('button', { name: /echo: / }).click();
  await expect(users(page)).toHaveText([/apple/]);
  await expect(users(page).getByRole('status', { name: 'Version 1 of 2' })).toBeVisible();

  // In a fresh browser: imported, both versions are there.
  const other = await browser.newPage();
  await other.goto('/');
  await other.getByLabel('Import conversations from a JSON file').setInputFiles(file!);
  await other
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: /echo: / })
    .click();
  await expect(other.getByRole('status', { name: 'Version 2 of 2' })).toBeVisible();
  await other.getByRole('button', { name: 'Previous version' }).click();
  await expect(other.getByRole('article', { name: /^Assistant/ })).toContainText('apple');
  await other.close();
});

test('two tabs, each adding a version, keep both', async ({ app: page, context }) => {
  await turn(page, 'echo: shared');
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('article', { name: /^Assistant/ })).toContainText('shared');
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(lastAssistant(page).getByRole('status', { name: 'Version 2 of 2' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await second.getByRole('button', { name: 'Regenerate' }).click();
  await expect(second.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(lastAssistant(second).getByRole('status', { name: 'Version 3 of 3' })).toBeVisible();
  await expect(lastAssistant(page).getByRole('status', { name: /Version \d of 3/ })).toBeVisible();
  await page.reload();
  await expect(lastAssistant(page).getByRole('status', { name: /Version \d of 3/ })).toBeVisible();
  await second.close();
});
