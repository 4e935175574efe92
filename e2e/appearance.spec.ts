import { expect, sendMessage, test } from './fixtures';
import type { Page } from '@playwright/test';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(15, 23, 42)';

test('the theme follows the device, or what the person chose, from the first paint after a reload', async ({ app: page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(DARK);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(page)).toBe(LIGHT);

  await page.getByRole('button', { name: 'Settings' }).click();
  const theme = page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Theme' });
  await theme.selectOption('dark');
  await expect.poll(() => background(page)).toBe(DARK);
  await page.keyboard.press('Escape');

  // The stored choice is applied by public/theme.js before the app's own script runs.
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.reload();
  await expect.poll(() => background(page)).toBe(DARK);
  await page.unroute('**/assets/*.js');
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(LIGHT);
});

test('at 360 px wide nothing scrolls sideways, and both panels open behind their buttons', async ({ app: page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await sendMessage(page, 'A wide table please');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const nav = page.getByRole('navigation', { name: 'Conversations' });
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Conversations' }).click();
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('button', { name: 'A wide table please' })).toBeVisible();
  await nav.getByRole('button', { name: 'New chat' }).click();
  // Opening a conversation closes the drawer and shows it.
  await expect(nav).toBeHidden();
  await expect(page.getByRole('heading', { name: 'What can I help with?' })).toBeVisible();

  await page.getByRole('button', { name: 'Options' }).click();
  await expect(page.getByRole('complementary', { name: 'Web search' })).toBeVisible();
  await page.getByRole('button', { name: 'Close options' }).click();
  await expect(page.getByRole('complementary', { name: 'Web search' })).toBeHidden();
});
