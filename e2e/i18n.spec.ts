import { expect, lastAssistant, sendMessage, simulate, test } from './fixtures';

test.describe('a browser that prefers Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('gets the whole app in Simplified Chinese, errors and numbers included', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { name: '有什么可以帮你？' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: '联网搜索' }).getByRole('checkbox', { name: '启用联网搜索' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '对话列表' }).getByRole('button', { name: '恢复对话' })).toBeVisible();

    await page.getByRole('textbox', { name: '消息' }).fill('echo: 你好');
    await page.getByRole('button', { name: '发送' }).click();
    const reply = page.getByRole('article', { name: '助手消息' }).last();
    await expect(reply).toContainText('你好');
    await expect(reply.getByRole('button', { name: '重新生成' })).toBeVisible();

    await simulate(page, 'status=429, body=json, retry-after=7');
    await page.getByRole('textbox', { name: '消息' }).fill('again');
    await page.getByRole('button', { name: '发送' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('回复失败：');
    await expect(alert).toContainText('HTTP 429');
    await expect(alert).toContainText('请在 7 秒 后重试');
    await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();
  });
});

test('on the System language, the app follows the browser when its language changes', async ({ app: page }) => {
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  // What the browser does when the person reorders their languages: new languages, then the event.
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['zh-CN', 'en'] });
    window.dispatchEvent(new Event('languagechange'));
  });
  await expect(page.getByRole('button', { name: '发送' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the language switches in Settings at once, stays after a reload, and switches back', async ({ app: page }) => {
  await simulate(page, 'drop-after=3');
  await sendMessage(page, 'cut me off');
  await expect(page.getByRole('alert')).toContainText('Reply interrupted');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
  const dialog = page.getByRole('dialog', { name: '设置' });
  await expect(dialog.getByRole('textbox', { name: '端点 URL' })).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '发送' })).toBeVisible();
  // A stored failure reads in the new language too: it was kept by key, not as English text.
  await expect(page.getByRole('alert')).toContainText('回复中断：回复生成过程中连接中断。');
  await expect(page.getByRole('alert')).toContainText(/已收到的 \d+ 个字符保留在上方/);

  await page.reload();
  await expect(page.getByRole('button', { name: '设置' })).toBeVisible();
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByRole('dialog', { name: '设置' }).getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('numbers and dates follow the language', async ({ app: page }) => {
  await sendMessage(page, 'echo: hi');
  const reply = lastAssistant(page);
  await expect(reply.locator('time')).toHaveText(/\d{4}/);
  const english = await reply.locator('time').innerText();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await page.keyboard.press('Escape');
  const chinese = page.getByRole('article', { name: '助手消息' }).last().locator('time');
  await expect(chinese).toHaveText(/\d{4}年\d{1,2}月\d{1,2}日/);
  expect(await chinese.innerText()).not.toBe(english);
});
