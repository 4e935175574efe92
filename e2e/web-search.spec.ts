import { expect, lastAssistant, recordChatRequests, sendMessage, test } from './fixtures';
import type { Page } from '@playwright/test';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Web search' });

async function setSearch(page: Page, o: { mode: string; max: string; freshness: string; lang: string }) {
  const p = panel(page);
  await p.getByRole('checkbox', { name: 'Enable web search' }).check();
  await p.getByRole('combobox', { name: 'Search mode' }).selectOption(o.mode);
  await p.getByRole('spinbutton', { name: 'Max results' }).fill(o.max);
  await p.getByRole('combobox', { name: 'Freshness' }).selectOption(o.freshness);
  await p.getByRole('combobox', { name: 'Search language' }).selectOption(o.lang);
}

test('the panel is visible at 1280×800 and every option reaches the request, normalized', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await expect(panel(page)).toBeVisible();
  // Open by default where there is room, behind a toggle that says so.
  await expect(page.getByRole('button', { name: 'Options' })).toHaveAttribute('aria-expanded', 'true');
  await sendMessage(page, 'echo: search off');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  expect(requests[0]!.postDataJSON().enableWebSearch).toBe(false);
  expect(requests[0]!.postDataJSON()).not.toHaveProperty('webSearch');
  await expect(page.getByRole('article', { name: /^User/ })).toContainText('search: off');

  await setSearch(page, { mode: 'force', max: '20', freshness: 'day', lang: 'zh' });
  await expect(panel(page).getByRole('spinbutton', { name: 'Max results' })).toHaveValue('8');
  await sendMessage(page, 'rust news');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  const body = requests[1]!.postDataJSON();
  expect(body.enableWebSearch).toBe(true);
  expect(body.webSearch).toEqual({ enabled: true, mode: 'force', maxResults: 8, freshness: 'day', lang: 'zh' });
  await expect(page.getByRole('article', { name: /^User/ }).last()).toContainText('search: force · 8 · day · zh');

  // the simulator searched: its sources render as a compact list of new-tab links
  const sources = lastAssistant(page).getByRole('region', { name: 'Sources' });
  await expect(sources.getByRole('link')).toHaveCount(8);
  const first = sources.getByRole('link').first();
  await expect(first).toHaveAttribute('target', '_blank');
  await expect(first).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(first).toContainText('search.example.com');
  // shown once: the reply's own list became these chips, and its [1] links to the first of them
  const reply = lastAssistant(page);
  await expect(reply.getByRole('link', { name: /search\.example\.com/ })).toHaveCount(8);
  await expect(reply.getByRole('heading', { name: '来源' })).toHaveCount(0);
  const citation = reply.getByRole('link', { name: /^Source 1: 模拟搜索结果 1/ });
  await expect(citation).toHaveAttribute('href', await first.getAttribute('href').then(String));
  await citation.hover();
  await expect(citation.getByText('search.example.com')).toBeVisible();

  for (const [typed, shown] of [
    ['0', '1'],
    ['2.5', '3'],
    ['9', '8'],
  ] as const) {
    await panel(page).getByRole('spinbutton', { name: 'Max results' }).fill(typed);
    await expect(panel(page).getByRole('spinbutton', { name: 'Max results' })).toHaveValue(shown);
  }
});

test('options belong to each conversation, survive a reload, and a new chat starts from the last used', async ({ app: page }) => {
  await setSearch(page, { mode: 'force', max: '3', freshness: 'month', lang: 'en' });
  await sendMessage(page, 'echo: first chat');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();

  await page.getByRole('button', { name: 'New chat' }).click();
  const p = panel(page);
  await expect(p.getByRole('checkbox', { name: 'Enable web search' })).toBeChecked();
  await expect(p.getByRole('combobox', { name: 'Freshness' })).toHaveValue('month');
  await p.getByRole('checkbox', { name: 'Enable web search' }).uncheck();
  await p.getByRole('combobox', { name: 'Search language' }).selectOption('zh');
  await sendMessage(page, 'echo: second chat');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'echo: first chat', exact: true }).click();
  await expect(p.getByRole('checkbox', { name: 'Enable web search' })).toBeChecked();
  await expect(p.getByRole('combobox', { name: 'Search language' })).toHaveValue('en');
  await expect(p.getByRole('spinbutton', { name: 'Max results' })).toHaveValue('3');

  await page.reload();
  await expect(p.getByRole('combobox', { name: 'Search mode' })).toHaveValue('force');
  await expect(p.getByRole('spinbutton', { name: 'Max results' })).toHaveValue('3');
  await expect(p.getByRole('combobox', { name: 'Search language' })).toHaveValue('en');
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'echo: second chat', exact: true }).click();
  await expect(p.getByRole('checkbox', { name: 'Enable web search' })).not.toBeChecked();
  await expect(p.getByRole('combobox', { name: 'Search language' })).toHaveValue('zh');
});

test('Alt+Shift+W toggles web search', async ({ app: page }) => {
  const box = panel(page).getByRole('checkbox', { name: 'Enable web search' });
  await expect(box).not.toBeChecked();
  await page.getByRole('textbox', { name: 'Message' }).press('Alt+Shift+KeyW');
  await expect(box).toBeChecked();
  await page.keyboard.press('Alt+Shift+KeyW');
  await expect(box).not.toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('');
});

test('on a narrow screen the panel sits behind Options', async ({ app: page }) => {
  await page.setViewportSize({ width: 800, height: 800 });
  await expect(panel(page)).toBeHidden();
  await page.getByRole('button', { name: 'Options' }).click();
  await expect(panel(page)).toBeVisible();
  await panel(page).getByRole('checkbox', { name: 'Enable web search' }).check();
  await page.getByRole('button', { name: 'Close options' }).click();
  await expect(panel(page)).toBeHidden();
});

test('markdown links in a reply are listed as sources', async ({ app: page }) => {
  await sendMessage(
    page,
    'echo: See [the spec](https://html.spec.whatwg.org/multipage/server-sent-events.html) and [1].\n\n[1] https://developer.mozilla.org/en-US/docs/Web/API/EventSource MDN EventSource',
  );
  const sources = lastAssistant(page).getByRole('region', { name: 'Sources' });
  await expect(sources.getByRole('link')).toHaveCount(2);
  await expect(sources.getByRole('link').nth(0)).toContainText('html.spec.whatwg.org — the spec');
  await expect(sources.getByRole('link').nth(1)).toContainText('developer.mozilla.org — MDN EventSource');
});

test('a reply that cites many links lists the first ten, and a button shows them all', async ({ app: page }) => {
  const links = Array.from({ length: 25 }, (_, i) => `[page ${i + 1}](https://example.com/page-${i + 1})`).join(', ');
  await sendMessage(page, `echo: See ${links}.`);
  const sources = lastAssistant(page).getByRole('region', { name: 'Sources' });
  await expect(sources.getByRole('link')).toHaveCount(10);
  await expect(sources.getByRole('link').last()).toContainText('example.com — page 10');
  await sources.getByRole('button', { name: 'Show all 25 sources' }).click();
  await expect(sources.getByRole('link')).toHaveCount(25);
  await expect(sources.getByRole('link').last()).toContainText('example.com — page 25');
  await expect(sources.getByRole('button', { name: /^Show all/ })).toHaveCount(0);
});
