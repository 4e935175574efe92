import { test as base, expect, type Page, type Request } from '@playwright/test';

/** Options for the simulator for every request of this page (see server/options.ts). */
export async function simulate(page: Page, options: string): Promise<void> {
  await page.setExtraHTTPHeaders({ 'x-simulator': options });
}

/** Every chat request the page makes, with its parsed body and headers. */
export function recordChatRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/chat/completions')) requests.push(r);
  });
  return requests;
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

/** The open conversation's id, as a person reads it: in the Share popover (opened, then closed again). */
export async function conversationId(page: Page): Promise<string> {
  const share = page.getByRole('button', { name: 'Share' });
  await share.click();
  const value = await page.getByRole('textbox', { name: 'Conversation ID', exact: true }).inputValue();
  await share.click();
  return value;
}

export const lastAssistant = (page: Page) => page.getByRole('article', { name: /^Assistant/ }).last();

export const test = base.extend<{ app: Page; cspViolations: string[] }>({
  // Every page is watched for Content-Security-Policy violations: the app itself must cause none.
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await page.goto('/');
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await use(page);
  },
});

export { expect };
