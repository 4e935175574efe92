import { expect, lastAssistant, sendMessage, simulate, test } from './fixtures';

test('conversations survive a reload, with the same id', async ({ app: page }) => {
  await sendMessage(page, 'echo: remember me');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  const id = await page.getByRole('textbox', { name: 'Conversation ID' }).inputValue();
  await page.reload();
  await expect(page.getByRole('article', { name: /^User/ })).toContainText('echo: remember me');
  await expect(lastAssistant(page)).toContainText('remember me');
  await expect(page.getByRole('textbox', { name: 'Conversation ID' })).toHaveValue(id);
  await expect(page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'echo: remember me', exact: true })).toBeVisible();
});

test('a reply cut off by a reload keeps its text and says what happened', async ({ app: page }) => {
  await simulate(page, 'delay=200');
  await sendMessage(page, `echo: ${Array.from({ length: 40 }, (_, i) => `w${i + 1}`).join(' ')}`);
  await expect(lastAssistant(page)).toContainText('w5');
  await page.waitForTimeout(1200); // past the save interval, so the partial reply is on disk
  await page.reload();
  const reply = lastAssistant(page);
  await expect(reply).toContainText('w1 w2 w3 w4 w5');
  await expect(reply).not.toContainText('w40');
  await expect(page.getByRole('alert')).toContainText('reloaded while this reply was streaming');
  await expect(reply.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('an unsent draft survives a reload', async ({ app: page }) => {
  await page.getByRole('textbox', { name: 'Message' }).fill('half-written thought');
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('half-written thought');
});
