import { expect, lastAssistant, sendMessage, test } from './fixtures';

test.use({ serviceWorkers: 'allow' });

test('offline, the app opens from its cache, past conversations read, and a message waits with its draft', async ({ page, context }) => {
  await page.goto('/');
  await sendMessage(page, 'echo: Kept for reading offline.');
  await expect(lastAssistant(page)).toContainText('Kept for reading offline.');
  // Registered at idle; ready once it has cached the app.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  await context.setOffline(true);
  await page.reload();
  await expect(lastAssistant(page)).toContainText('Kept for reading offline.');
  await expect(page.getByRole('region', { name: 'Connect to Bitseek' })).toHaveCount(0);

  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('Sent once I am back');
  await box.press('Enter');
  await expect(page.getByText('You are offline: the message stays here')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  await expect(box).toHaveValue('Sent once I am back');

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(lastAssistant(page)).toContainText('simulator', { timeout: 15_000 });
});

test('the service worker never caches what the API answers', async ({ page }) => {
  await page.goto('/');
  await sendMessage(page, 'echo: not for the cache');
  await expect(lastAssistant(page)).toContainText('not for the cache');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });
  expect(cached).toContain('/index.html');
  expect(cached.filter((path) => /^\/(v1|bitseek|mcp)\b|config\.json/.test(path))).toEqual([]);
});
