import type { Page } from '@playwright/test';
import { expect, lastAssistant, sendMessage, test } from './fixtures';

/** Serves `body` as the deployment's config.json. */
const configJson = (page: Page, body: string, contentType = 'application/json') =>
  page.route('**/config.json', (route) => route.fulfill({ status: 200, contentType, body }));

/** As where the app is deployed without the simulator: /v1/simulator is the static host's index.html. */
const withoutSimulator = (page: Page) =>
  page.route('**/v1/simulator', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>app</title>' }),
  );

test('config.json sets the defaults: model, models, web search and a note; the person’s own settings win', async ({ page }) => {
  await configJson(
    page,
    JSON.stringify({
      model: 'bitseek-team',
      models: ['bitseek-team', 'bitseek-auto'],
      webSearch: { enabled: true, maxResults: 3 },
      note: 'Run by the Docs team: ask #chat-help.',
    }),
  );
  await page.goto('/');
  await expect(page.getByRole('note').filter({ hasText: 'Run by the Docs team' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Enable web search' })).toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'Max results' })).toHaveValue('3');
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('textbox', { name: 'Model', exact: true })).toHaveValue('bitseek-team');
  // The deployer's models, one click each; the person's choice is kept over the deployer's default.
  await settings.getByRole('button', { name: 'bitseek-auto' }).click();
  await expect(settings.getByRole('textbox', { name: 'Model', exact: true })).toHaveValue('bitseek-auto');
  await page.keyboard.press('Escape');
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('textbox', { name: 'Model', exact: true })).toHaveValue(
    'bitseek-auto',
  );
});

test('a bad config.json is reported on the page and in the console, and nothing else breaks', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await configJson(page, JSON.stringify({ model: 42, colour: 'blue', apiKey: 'sk-secret', webSearch: { maxResults: 99, mode: 'auto' } }));
  await page.goto('/');
  const alert = page.getByRole('alert').filter({ hasText: 'config.json' });
  await expect(alert).toContainText('“model” has a value of the wrong kind');
  await expect(alert).toContainText('“colour” is not a setting the app knows');
  await expect(alert).toContainText('an API key is never read from it');
  await expect(alert).toContainText('“webSearch.maxResults” has a value of the wrong kind');
  expect(warnings.join('\n')).toContain('“colour” is not a setting the app knows');
  await sendMessage(page, 'Still works?');
  await expect(lastAssistant(page)).toContainText('simulator', { timeout: 15_000 });

  // Not JSON at all: the defaults, and it says so.
  await page.unroute('**/config.json');
  await configJson(page, '{ "model": ');
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'config.json is not valid JSON' })).toBeVisible();
});

test('without the simulator and with no endpoint set, the first screen is the connect step', async ({ page }) => {
  await withoutSimulator(page);
  // The same-origin proxy answers (as Bitseek does without a key): the step starts there.
  await page.route('**/bitseek/v1/models', (route) =>
    route.fulfill({ status: 401, contentType: 'application/json', body: '{"error":{"message":"no key"}}' }),
  );
  await page.goto('/');
  const step = page.getByRole('region', { name: 'Connect to Bitseek' });
  await expect(step).toBeVisible();
  await expect(page.getByText('You are chatting with the')).toHaveCount(0);
  const endpoint = step.getByRole('textbox', { name: 'Endpoint URL' });
  await expect(endpoint).toHaveValue('/bitseek/v1');
  await expect(step.getByRole('checkbox', { name: 'Remember API key on this device' })).not.toBeChecked();

  // Sending says what is missing instead of failing.
  await page.getByRole('textbox', { name: 'Message' }).fill('Hello?');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  await expect(page.getByText('Not connected yet')).toBeVisible();

  // Something that is not an OpenAI-style API: said plainly, at no cost.
  await endpoint.fill('/not-an-api/v1');
  await step.getByRole('button', { name: 'Check connection' }).click();
  await expect(step.getByRole('status')).toContainText('not an OpenAI-style API');

  // The real thing: checked, then connected; the key goes to its own origin only.
  const keys: (string | undefined)[] = [];
  page.on('request', (r) => r.url().includes('/v1/models') && keys.push(r.headers().authorization));
  await endpoint.fill('/v1');
  await step.getByRole('textbox', { name: 'API key' }).fill('team-key');
  await step.getByRole('button', { name: 'Check connection' }).click();
  await expect(step.getByRole('status')).toContainText('models: bitseek-auto');
  expect(keys).toContain('Bearer team-key');
  await step.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(step).toHaveCount(0);
  await sendMessage(page, 'Hello?');
  await expect(lastAssistant(page)).toContainText('simulator', { timeout: 15_000 });
});
