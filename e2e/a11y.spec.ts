import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, lastAssistant, sendMessage, test } from './fixtures';

/** WCAG 2.1 A and AA (colour contrast included); only serious and critical findings fail. */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  // Let transitions and the last frame of a stream settle before reading colours.
  await page.waitForTimeout(150);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`).join('\n')}`,
    );
  expect(serious, serious.join('\n\n')).toEqual([]);
}

async function chat(page: Page): Promise<void> {
  await sendMessage(page, 'Show me a table and some code');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(lastAssistant(page).locator('.hljs-keyword').first()).toBeVisible();
}

test('empty', async ({ app: page }) => {
  await expectNoSeriousViolations(page);
});

test('chatting, with a failed reply', async ({ app: page }) => {
  await chat(page);
  await page.setExtraHTTPHeaders({ 'x-simulator': 'status=500, body=json' });
  await sendMessage(page, 'fail please');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('tool calls', async ({ app: page }) => {
  await page.getByRole('complementary', { name: 'Tools' }).getByRole('button', { name: '+ get_weather' }).click();
  await sendMessage(page, 'What is the weather in Singapore?');
  await expect(page.getByRole('button', { name: 'Send tool results' })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('settings', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('stream inspector', async ({ app: page }) => {
  await chat(page);
  await lastAssistant(page).getByRole('button', { name: 'Inspect stream' }).click();
  await expect(page.getByRole('dialog', { name: 'Stream inspector' })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('keyboard shortcuts', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('narrow screen, with each drawer open', async ({ app: page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await chat(page);
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: 'Conversations' }).click();
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: 'Close conversations' }).click();
  await page.getByRole('button', { name: 'Options' }).click();
  await expectNoSeriousViolations(page);
});

test('the Share popover and a conversation row menu, open', async ({ app: page }) => {
  await chat(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Conversation actions' }).first().click();
  await expectNoSeriousViolations(page);
});

test('the connect step, where no simulator answers', async ({ page }) => {
  await page.route('**/v1/simulator', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html>' }));
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Connect to Bitseek' })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('empty, chatting and settings', async ({ app: page }) => {
    await expectNoSeriousViolations(page);
    await chat(page);
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expectNoSeriousViolations(page);
  });
});

test.describe('Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('chatting', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('textbox', { name: '消息' }).fill('echo: **你好**');
    await page.getByRole('button', { name: '发送' }).click();
    await expect(page.getByRole('button', { name: '重新生成' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});
