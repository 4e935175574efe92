import { conversationId, expect, lastAssistant, sendMessage, test } from './fixtures';

test('? lists every shortcut; Escape closes the list and focus goes back', async ({ app: page }) => {
  await page.getByRole('log', { name: 'Messages' }).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const text of [
    'Send the message',
    'Stop the reply',
    'Search conversations',
    'New chat',
    'Write a message',
    'Turn web search on or off',
  ]) {
    await expect(dialog).toContainText(text);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('log', { name: 'Messages' })).toBeFocused();

  // Typing ? into the message box is just a question mark.
  await page.getByRole('textbox', { name: 'Message' }).fill('why');
  await page.getByRole('textbox', { name: 'Message' }).press('?');
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('why?');
  await expect(dialog).toBeHidden();
});

test('Ctrl+K searches, / writes, Ctrl+Shift+O starts a new chat', async ({ app: page }) => {
  await sendMessage(page, 'echo: first');
  await expect(lastAssistant(page)).toContainText('first');
  const firstId = await conversationId(page);

  await page.keyboard.press('Control+k');
  await expect(page.getByRole('searchbox', { name: 'Search conversations' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('/');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('');

  await page.keyboard.press('Control+Shift+O');
  await expect(page.getByRole('heading', { name: 'What can I help with?' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await expect.poll(() => conversationId(page)).not.toBe(firstId);
});

test('a dialog keeps focus inside and gives it back to the button that opened it', async ({ app: page }) => {
  const opener = page.getByRole('button', { name: 'Settings' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  // It loads lazily: a Tab pressed before it is open would move focus on the page itself.
  await expect(dialog.getByRole('textbox', { name: 'Endpoint URL' })).toBeVisible();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('a finished reply is announced once, politely; the tokens are not', async ({ app: page }) => {
  await expect(page.getByRole('log', { name: 'Messages' })).toHaveAttribute('aria-live', 'off');
  const announcer = page.locator('[role="status"][aria-live="polite"]').filter({ hasText: /Reply/ });
  await sendMessage(page, 'echo: one');
  await expect(announcer).toHaveText('Reply finished.');
  await sendMessage(page, 'echo: two');
  await expect(lastAssistant(page)).toContainText('two');
  // The text changes (a trailing space) so that the second reply is announced too.
  await expect.poll(() => announcer.evaluate((el) => el.textContent)).toBe('Reply finished.\u00a0');
});
