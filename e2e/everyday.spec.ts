import { expect, lastAssistant, recordChatRequests, sendMessage, test } from './fixtures';

test('a suggestion puts its prompt in the box, and what the request will carry shows before it is sent', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  const box = page.getByRole('textbox', { name: 'Message' });
  const webSearch = page.getByRole('button', { name: 'Web search', exact: true });
  await expect(webSearch).toHaveAttribute('aria-pressed', 'false');

  await page.getByRole('button', { name: /Search the web/ }).click();
  await expect(box).toHaveValue('What is new in the latest Node.js release?');
  await expect(box).toBeFocused();
  await expect(webSearch).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: /Call a tool/ }).click();
  await expect(box).toHaveValue('What is the weather in Paris right now?');
  await expect(page.getByRole('button', { name: 'Tools: 1' })).toBeVisible();

  // Turned off for this chat from the composer: neither goes with the message.
  await page.getByRole('button', { name: 'Turn tools off for this chat' }).click();
  await expect(page.getByRole('button', { name: 'Tools: 1' })).toHaveCount(0);
  await webSearch.click();
  await expect(webSearch).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  const body = requests[0]!.postDataJSON();
  expect(body.enableWebSearch).toBe(false);
  expect(body).not.toHaveProperty('tools');
});

test('the web-search toggle in the composer and the panel are one setting', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await page.getByRole('button', { name: 'Web search', exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Enable web search' })).toBeChecked();
  await expect(page.getByRole('button', { name: /auto · 5 results · past week/ })).toBeVisible();
  await sendMessage(page, 'echo: searched');
  await expect(lastAssistant(page)).toContainText('searched');
  expect(requests[0]!.postDataJSON().enableWebSearch).toBe(true);
});

test('Options shows and hides the side panel at any width, and is remembered', async ({ app: page }) => {
  const options = page.getByRole('button', { name: 'Options' });
  const panel = page.getByRole('complementary', { name: 'Web search' });
  await expect(options).toHaveAttribute('aria-expanded', 'true');
  await options.click();
  await expect(panel).toBeHidden();
  await expect(options).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Options' })).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
});

test('on a phone, a drawer closes with Escape or a tap beside it, and focus goes back to its button', async ({ app: page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const opener = page.getByRole('button', { name: 'Conversations' });
  const nav = page.getByRole('navigation', { name: 'Conversations' });
  await opener.click();
  await expect(nav).toBeVisible();
  // The page behind is inert while the drawer is over it.
  await expect(page.getByRole('main')).toHaveAttribute('inert', '');
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(opener).toBeFocused();

  await page.getByRole('button', { name: 'Options' }).click();
  const panel = page.getByRole('complementary', { name: 'Web search' });
  await expect(panel).toBeVisible();
  await page.mouse.click(20, 400); // the backdrop, beside the drawer
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Options' })).toBeFocused();
});

test('Share holds the conversation id, with Copy ID and Copy link', async ({ app: page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Share' }).click();
  const id = await page.getByRole('textbox', { name: 'Conversation ID', exact: true }).inputValue();
  expect(id).toMatch(/^conv-/);
  await page.getByRole('button', { name: 'Copy ID' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: 'Conversation ID', exact: true })).toBeHidden();
});

test('the simulator note is one line, leads to Settings, and stays dismissed', async ({ app: page }) => {
  const note = page.getByRole('note').filter({ hasText: 'local Bitseek simulator' });
  await expect(note).toBeVisible();
  expect((await note.boundingBox())!.height).toBeLessThan(40);
  await note.getByRole('button', { name: 'Connect Bitseek' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Escape');
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await expect(note).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expect(page.getByText('local Bitseek simulator')).toHaveCount(0);
});

test('a conversation row’s menu works from the keyboard', async ({ app: page }) => {
  await sendMessage(page, 'echo: keyboard row');
  await expect(lastAssistant(page)).toContainText('keyboard row');
  const row = page.getByRole('navigation', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: 'echo: keyboard row' });
  await row.getByRole('button', { name: 'Conversation actions' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Pin' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(row.getByRole('button', { name: 'Conversation actions' })).toBeFocused();
});

test('the header names the model in use, offers those the endpoint lists, and the next message goes to it', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  const picker = page.getByRole('combobox', { name: 'Model in use' });
  await expect(picker).toHaveValue('bitseek-auto');
  await picker.focus();
  await expect(page.locator(`datalist#${await picker.getAttribute('list')} option`)).toHaveAttribute('value', 'bitseek-auto');
  await picker.fill('bitseek-custom');
  await sendMessage(page, 'echo: which model');
  await expect(lastAssistant(page)).toContainText('which model');
  expect(requests[0]!.postDataJSON().model).toBe('bitseek-custom');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('textbox', { name: 'Model', exact: true })).toHaveValue(
    'bitseek-custom',
  );
});
