import { expect, lastAssistant, recordChatRequests, sendMessage, test } from './fixtures';

test('settings apply as edited and reach the request', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Endpoint URL' }).fill('http://localhost:4173/v1/chat/completions');
  await dialog.getByLabel('API key', { exact: true }).fill('sk-test-123');
  await dialog.getByRole('textbox', { name: 'Model' }).fill('my-model');
  await dialog.getByRole('spinbutton', { name: 'Temperature' }).fill('1.5');
  await dialog.getByRole('textbox', { name: 'System prompt' }).fill('Be terse.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // The URL is the simulator's, written out: it says so, and the note stays.
  await expect(page.getByText('local Bitseek simulator')).toBeVisible();

  await sendMessage(page, 'echo: configured');
  await expect(lastAssistant(page)).toContainText('configured');
  const request = requests[0]!;
  expect(request.url()).toBe('http://localhost:4173/v1/chat/completions');
  expect(await request.headerValue('authorization')).toBe('Bearer sk-test-123');
  expect(request.postDataJSON()).toEqual({
    model: 'my-model',
    stream: true,
    temperature: 1.5,
    enableWebSearch: false,
    messages: [
      { role: 'system', content: 'Be terse.' },
      { role: 'user', content: 'echo: configured' },
    ],
  });
});

test('temperature is clamped to 0–2 and the key is forgotten on reload unless remembered', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const temperature = dialog.getByRole('spinbutton', { name: 'Temperature' });
  await temperature.fill('7');
  await temperature.blur();
  await expect(temperature).toHaveValue('2');
  await dialog.getByLabel('API key', { exact: true }).fill('sk-memory-only');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByLabel('API key', { exact: true })).toHaveValue('');
  await expect(dialog.getByRole('spinbutton', { name: 'Temperature' })).toHaveValue('2');
  await dialog.getByLabel('API key', { exact: true }).fill('sk-remembered');
  await dialog.getByRole('checkbox', { name: 'Remember API key on this device' }).check();
  await expect(dialog).toContainText('Stored in this browser');
  await page.keyboard.press('Escape');
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByLabel('API key', { exact: true })).toHaveValue('sk-remembered');
});

test('a real endpoint without a key gets a clear 401 from the server', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Endpoint URL' }).fill('http://localhost:4173/v1/');
  await page.keyboard.press('Escape');
  await sendMessage(page, 'echo: no key');
  await expect(page.getByRole('alert')).toContainText(/HTTP 401.*bearer token/i);
});

test('hints show names as code, not as markdown backticks, in both languages', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const hint = dialog.getByText(/^Sent as model; Bitseek uses bitseek-auto\.$/);
  await expect(hint).toBeVisible();
  await expect(hint.locator('code')).toHaveText(['model', 'bitseek-auto']);
  await expect(dialog).not.toContainText('`');
});
