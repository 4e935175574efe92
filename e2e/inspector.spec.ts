import { expect, lastAssistant, sendMessage, simulate, test } from './fixtures';

test('the inspector shows the request, the raw events, the stream id and timings', async ({ app: page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('API key', { exact: true }).fill('sk-secret-key-0123456789');
  await page.keyboard.press('Escape');
  await simulate(page, 'openai-extras, done');
  await sendMessage(page, 'echo: inspect me');
  await expect(lastAssistant(page)).toContainText('inspect me');
  await expect(lastAssistant(page)).toContainText(/first token \d+ ms/);
  await lastAssistant(page).getByRole('button', { name: 'Inspect stream' }).click();

  const inspector = page.getByRole('dialog', { name: 'Stream inspector' });
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText(/stream:chat:[0-9a-f-]{36}/);
  await expect(inspector).toContainText('Finish reason');
  await expect(inspector).toContainText('stop');
  await expect(inspector).toContainText(/Time to first byte\s*\d+ ms/);
  await expect(inspector).toContainText(/Time to first token\s*\d+ ms/);
  await expect(inspector).toContainText('HTTP 200');
  await expect(inspector).toContainText('text/event-stream');
  await expect(inspector).toContainText('Bearer ••••6789');
  await expect(inspector).not.toContainText('sk-secret-key-0123456789');
  await expect(inspector).toContainText(/prompt \+ \d+ completion/);
  const events = inspector.getByRole('list', { name: 'Raw events' });
  // role chunk, "inspect ", "me", finish, usage, [DONE]
  await expect(events.getByRole('listitem')).toHaveCount(6);
  await expect(events.getByRole('listitem').first()).toContainText('"role":"assistant"');
  await expect(events.getByRole('listitem').last()).toContainText('[DONE]');

  await inspector.getByRole('button', { name: 'Copy as cURL' }).click();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toContain("curl -N 'http://localhost:4173/v1/chat/completions'");
  expect(curl).toContain('Bearer ••••6789');
  expect(curl).not.toContain('sk-secret-key');

  const download = page.waitForEvent('download');
  await inspector.getByRole('button', { name: 'Download events (.jsonl)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^stream_chat_[0-9a-f-]+\.jsonl$/);
  const lines = (await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8')).trim().split('\n');
  expect(lines).toHaveLength(6);
  expect(JSON.parse(lines[5]!)).toMatchObject({ data: '[DONE]' });
  await page.keyboard.press('Escape');
  await expect(inspector).toBeHidden();

  // After a reload: the request, the response and every raw event, as stored with the reply.
  await page.reload();
  await lastAssistant(page).getByRole('button', { name: 'Inspect stream' }).click();
  await expect(inspector.getByRole('list', { name: 'Raw events' }).getByRole('listitem')).toHaveCount(6);
  await expect(inspector).toContainText('Raw events (6)');
  await expect(inspector).toContainText('Bearer ••••6789');
  await expect(inspector).toContainText('HTTP 200');
});

test('10,000 events stay virtualized', async ({ app: page }) => {
  await simulate(page, 'chunk=1, delay=0');
  const text = 'abcdefghij'.repeat(1000);
  await sendMessage(page, `echo: ${text}`);
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible({ timeout: 20_000 });
  await lastAssistant(page).getByRole('button', { name: 'Inspect stream' }).click();
  const inspector = page.getByRole('dialog', { name: 'Stream inspector' });
  await expect(inspector).toContainText('Raw events (10,001)');
  const rows = await inspector.getByRole('list', { name: 'Raw events' }).getByRole('listitem').count();
  expect(rows).toBeGreaterThan(5);
  expect(rows).toBeLessThan(80);
  await inspector.getByRole('list', { name: 'Raw events' }).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(inspector.getByRole('list', { name: 'Raw events' }).getByRole('listitem').last()).toContainText('"finish_reason":"stop"');
  // Each event as it was sent, one character each (the worker sends the page such runs joined).
  await expect(
    inspector.getByRole('list', { name: 'Raw events' }).getByRole('listitem').filter({ hasText: '"content":"j"' }).first(),
  ).toBeVisible();
  // Rows are there as the dialog opens, not one resize callback later (before a frame is painted).
  await page.keyboard.press('Escape');
  await expect(inspector).toBeHidden();
  const rowsAtOpen = await lastAssistant(page)
    .getByRole('button', { name: 'Inspect stream' })
    .evaluate(async (button: HTMLElement) => {
      button.click();
      for (let i = 0; i < 10; i++) await Promise.resolve();
      return document.querySelectorAll('dialog[open] [role="list"][aria-label="Raw events"] [role="listitem"]').length;
    });
  expect(rowsAtOpen).toBeGreaterThan(5);

  // After a reload, the first events were kept, and the inspector says how many of all.
  await page.keyboard.press('Escape');
  await page.reload();
  await lastAssistant(page).getByRole('button', { name: 'Inspect stream' }).click();
  await expect(inspector).toContainText('Raw events (the first 2,000 of 10,001 were kept after the reply ended)');
  await expect(inspector.getByRole('list', { name: 'Raw events' }).getByRole('listitem').first()).toContainText('"content":"a"');
});
