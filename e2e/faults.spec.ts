import { expect, lastAssistant, recordChatRequests, sendMessage, simulate, test } from './fixtures';
import type { Page } from '@playwright/test';

/** After a failure: the fault is lifted, Retry is pressed, and the reply completes with one more request. */
async function retrySucceeds(page: Page, requestsBefore: number, requests: unknown[]) {
  await simulate(page, 'delay=1');
  await lastAssistant(page).getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(requests).toHaveLength(requestsBefore + 1);
}

test('a connection dropped mid-stream keeps the partial reply, says so, never re-sends, and Retry works', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await simulate(page, 'drop-after=6, delay=5');
  await sendMessage(page, 'echo: one two three four five six seven eight nine ten');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Connection lost');
  await expect(lastAssistant(page)).toContainText('one two three four five six');
  await expect(lastAssistant(page)).not.toContainText('seven');
  await page.waitForTimeout(1500); // fetch-event-source's default would have retried after 1 s
  expect(requests).toHaveLength(1);
  await retrySucceeds(page, 1, requests);
  await expect(lastAssistant(page)).toContainText('nine ten');
});

test('a server that closes without finish_reason is an interruption', async ({ app: page }) => {
  await simulate(page, 'close-after=3');
  await sendMessage(page, 'echo: alpha beta gamma delta');
  await expect(page.getByRole('alert')).toContainText('closed the connection before the reply was finished');
  await expect(lastAssistant(page)).toContainText('alpha beta gamma');
});

test('a server that closes before any of the reply says that no reply came, not that one was interrupted', async ({ app: page }) => {
  await simulate(page, 'close-after=0');
  await sendMessage(page, 'echo: alpha beta');
  const alert = lastAssistant(page).getByRole('alert');
  await expect(alert).toContainText('No reply: The server closed the connection without sending any of the reply.');
  await expect(alert).not.toContainText('interrupted');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('an {"error"} event ends the reply with its message, keeping the text before it', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await simulate(page, 'error-after=2');
  await sendMessage(page, 'echo: kept words never-shown');
  await expect(page.getByRole('alert')).toContainText('Simulated upstream failure (code 5001)');
  await expect(lastAssistant(page)).toContainText('kept words');
  await expect(lastAssistant(page)).not.toContainText('never-shown');
  await retrySucceeds(page, 1, requests);
});

test('an event that is not valid JSON is skipped and reported; the reply completes', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await simulate(page, 'malformed-after=2');
  await sendMessage(page, 'echo: all of these words arrive');
  await expect(lastAssistant(page)).toContainText('all of these words arrive');
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await retrySucceeds(page, 1, requests);
});

const httpStatuses = [
  { status: 400, text: 'Bad Request' },
  { status: 401, text: 'Unauthorized', hint: 'check the API key in Settings' },
  { status: 403, text: 'Forbidden' },
  { status: 404, text: 'Not Found', hint: 'check the Endpoint URL in Settings' },
  { status: 429, text: 'Too Many Requests', retryAfter: '30' },
  { status: 500, text: 'Internal Server Error' },
  { status: 502, text: 'Bad Gateway' },
];

for (const { status, text, hint, retryAfter } of httpStatuses) {
  test(`HTTP ${status} with a JSON, a text and an HTML body: the cause is shown, one request per action, Retry works`, async ({
    app: page,
  }) => {
    const requests = recordChatRequests(page);
    const extra = retryAfter ? `, retry-after=${retryAfter}` : '';
    for (const [i, body] of (['json', 'text', 'html'] as const).entries()) {
      await simulate(page, `status=${status}, body=${body}${extra}`);
      if (i === 0) await sendMessage(page, 'echo: after the error');
      else await lastAssistant(page).getByRole('button', { name: 'Retry' }).click();
      const alert = page.getByRole('alert');
      // JSON bodies give their error.message, text bodies their text, HTML pages their title
      await expect(alert).toContainText(
        body === 'html' ? `HTTP ${status} ${text}: ${status} ${text}` : `HTTP ${status} ${text}: Simulated ${status} ${text}`,
      );
      if (hint) await expect(alert).toContainText(hint);
      if (retryAfter) await expect(alert).toContainText(`Retry after ${retryAfter} s`);
      expect(requests).toHaveLength(i + 1);
    }
    await retrySucceeds(page, 3, requests);
    await expect(lastAssistant(page)).toContainText('after the error');
  });
}

test('no first byte within the timeout fails with a message', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('spinbutton', { name: 'Response timeout (seconds)' }).fill('1');
  await page.keyboard.press('Escape');
  await simulate(page, 'first-byte-ms=4000');
  await sendMessage(page, 'echo: too slow');
  await expect(page.getByRole('alert')).toContainText('No response from the server within 1 s', { timeout: 4000 });
});

test('a server that stays open after finish_reason still completes the reply', async ({ app: page }) => {
  await simulate(page, 'hang-after-finish');
  await sendMessage(page, 'echo: finished but open');
  await expect(lastAssistant(page)).toContainText('finished but open');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible({ timeout: 5000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an unknown event type is ignored, heartbeats and CRLF are fine', async ({ app: page }) => {
  await simulate(page, 'unknown-event, heartbeat, crlf');
  await sendMessage(page, 'echo: only this');
  await expect(lastAssistant(page)).toContainText('only this');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(page.getByText('IGNORE-ME')).toHaveCount(0);
});

test('hiding the tab mid-stream does not re-send the request', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await simulate(page, 'delay=30');
  await sendMessage(page, 'echo: a b c d e f g h i j k l m n o p');
  await expect(lastAssistant(page)).toContainText('a b');
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  await page.waitForTimeout(150);
  await setHidden(false);
  await expect(lastAssistant(page)).toContainText('n o p');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  expect(requests).toHaveLength(1);
});

test('a network that fails the request gets a clear message, and Retry sends it again', async ({ app: page }) => {
  // The browser says it is online (offline, Send waits: see offline.spec.ts), but the request does not get through.
  await page.route('**/chat/completions', (route) => route.abort('internetdisconnected'));
  await sendMessage(page, 'echo: sent as the network went');
  await expect(page.getByRole('alert')).toContainText('Could not reach the endpoint');
  await page.unroute('**/chat/completions');
  await lastAssistant(page).getByRole('button', { name: 'Retry' }).click();
  await expect(lastAssistant(page)).toContainText('sent as the network went');
});

test('a stream reader that never starts does not hold the reply: the page reads the stream itself', async ({ app: page }) => {
  // The worker's script is requested and never answered (neither loaded nor failed).
  await page.route(/stream\.worker[^/]*\.js/, () => {});
  await sendMessage(page, 'echo: read on the page');
  await expect(lastAssistant(page)).toContainText('read on the page', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
});

test('the markdown renderer failing to load (network gone as it loaded) leaves replies as plain text, and it loads again later', async ({
  page,
}) => {
  let held: (() => Promise<void>) | undefined;
  await page.route(/\/assets\/Markdown-[^/]*\.js$/, async (route) => {
    if (held) return route.continue();
    held = () => route.abort('internetdisconnected');
  });
  await page.goto('/');
  await sendMessage(page, 'echo: first **reply**');
  // The renderer is still loading: the reply shows as plain text meanwhile.
  await expect(lastAssistant(page)).toContainText('first **reply**');
  await expect.poll(() => !!held).toBe(true);
  await held!();
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(lastAssistant(page)).toContainText('first **reply**');
  // The page still works, and the next reply asks for the renderer again.
  await sendMessage(page, 'echo: second **reply**');
  await expect(lastAssistant(page).locator('strong')).toHaveText('reply');
  await expect(
    page
      .getByRole('article', { name: /^Assistant/ })
      .first()
      .locator('strong'),
  ).toHaveText('reply');
});
