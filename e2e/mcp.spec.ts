import type { Page } from '@playwright/test';
import { expect, lastAssistant, recordChatRequests, sendMessage, simulate, test } from './fixtures';

const tools = (page: Page) => page.getByRole('complementary', { name: 'Tools' });

/** Adds the MCP server at `url` from the side panel. */
async function addServer(page: Page, url: string) {
  await tools(page).getByRole('button', { name: 'Add MCP server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add MCP server' });
  await dialog.getByRole('textbox', { name: 'Server URL' }).fill(url);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog).toBeHidden();
}

const server = (page: Page) => tools(page).getByRole('group', { name: 'MCP server: simulator-tools' });

test.beforeEach(async ({ app: page, baseURL }) => {
  await addServer(page, `${baseURL}/mcp`);
  await expect(server(page)).toContainText('Connected, 5 tools');
  await expect(server(page)).toContainText('Offer get_weather');
});

test('an MCP tool runs when approved, and the reply goes on with its answer', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await sendMessage(page, 'What is the weather in Oslo?');
  const card = page.getByRole('group', { name: 'Tool call: get_weather' });
  await expect(card).toContainText('get_weather on simulator-tools');
  // offered beside the Tools JSON, under names OpenAI accepts
  expect(requests[0]!.postDataJSON().tools.map((t: { function: { name: string } }) => t.function.name)).toEqual([
    'get_weather',
    'add',
    'slow_count',
    'always_fails',
    'tiny_image',
  ]);
  await card.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(card).toContainText(/Result, in \d+ ms/);
  await expect(card).toContainText('"city": "Oslo"');
  // sent on by itself, in the standard form, under the same conversation id
  await expect(lastAssistant(page)).toContainText('Tool results received');
  await expect(lastAssistant(page)).toContainText('Oslo');
  // The loop, seen: the reply went on from one round, whose call ran on the simulator's server.
  await lastAssistant(page).getByText('Used tools: 1 round, 1 call').click();
  const rounds = lastAssistant(page).getByRole('list', { name: 'Tool rounds' });
  await expect(rounds).toContainText(/get_weather · simulator-tools · \d+ ms · done/);
  // and every JSON-RPC message of the call, on its card
  await card.getByText(/MCP messages \(\d+\)/).click();
  await expect(card).toContainText('"method": "tools/call"');
  await expect(card).toContainText('"structuredContent"');
  // The reply that asked records what it was offered, and its inspector has the call's JSON-RPC messages.
  await page
    .getByRole('article', { name: /^Assistant/ })
    .first()
    .getByRole('button', { name: 'Inspect stream' })
    .click();
  const inspector = page.getByRole('dialog', { name: 'Stream inspector' });
  await expect(inspector).toContainText('get_weather, add, slow_count, always_fails, tiny_image');
  await inspector
    .getByRole('region', { name: 'MCP calls' })
    .getByText(/MCP messages/)
    .click();
  await expect(inspector.getByRole('region', { name: 'MCP calls' })).toContainText('"method":"tools/call"');
  await page.keyboard.press('Escape');
  const next = requests[1]!;
  expect(next.headers()['x-conversation-id']).toBe(requests[0]!.headers()['x-conversation-id']);
  expect(next.postDataJSON().messages.at(-1)).toMatchObject({ role: 'tool', content: expect.stringContaining('"city":"Oslo"') });
});

test('Deny tells the model; Always allow asks once; a failing tool is an error the reply goes on from', async ({ app: page }) => {
  await sendMessage(page, 'What is the weather in Paris?');
  await page.getByRole('group', { name: 'Tool call: get_weather' }).getByRole('button', { name: 'Deny' }).click();
  await expect(lastAssistant(page)).toContainText('The user declined to run this tool.');

  await sendMessage(page, 'And the weather in Rome?');
  await page.getByRole('group', { name: 'Tool call: get_weather' }).last().getByRole('button', { name: 'Always allow' }).click();
  await expect(lastAssistant(page)).toContainText('Rome');
  await expect(tools(page)).toContainText('Runs without asking in this conversation.');
  await sendMessage(page, 'And the weather in Lima?');
  await expect(lastAssistant(page)).toContainText('Tool results received');
  await expect(lastAssistant(page)).toContainText('Lima');
  await expect(lastAssistant(page).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);
  // In this conversation only, unless widened: a new chat asks again.
  await page.getByRole('button', { name: 'New chat' }).click();
  await sendMessage(page, 'The weather in Quito?');
  const asked = page.getByRole('group', { name: 'Tool call: get_weather' });
  await asked.getByRole('checkbox', { name: 'in every conversation' }).check();
  await asked.getByRole('button', { name: 'Always allow' }).click();
  await expect(lastAssistant(page).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await page.getByRole('button', { name: 'New chat' }).click();
  await sendMessage(page, 'The weather in Accra?');
  await expect(lastAssistant(page)).toContainText('Accra');
  await expect(lastAssistant(page).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);
  await expect(tools(page)).toContainText('Runs without asking.');

  await sendMessage(page, 'Please call always_fails');
  const failing = page.getByRole('group', { name: 'Tool call: always_fails' });
  await failing.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(failing).toContainText(/Error, in \d+ ms/);
  await expect(lastAssistant(page)).toContainText('Error: The simulated tool failed on purpose.');
});

test('a slow tool shows its progress and can be cancelled', async ({ app: page }) => {
  await sendMessage(page, 'Run slow_count for me');
  const card = page.getByRole('group', { name: 'Tool call: slow_count' });
  await card.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(card).toContainText(/Running… [\d.]+ s/);
  await expect(card).toContainText('Counted 1 of 3');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card).toContainText('Cancelled by the user.');
  await expect(lastAssistant(page)).toContainText('Cancelled by the user.');
});

test('an unreachable server, one that refuses, one that is not MCP: each says so; the round cap stops a loop', async ({
  app: page,
  baseURL,
}) => {
  await addServer(page, 'http://127.0.0.1:9/mcp');
  await expect(tools(page).getByRole('group', { name: 'MCP server: 127.0.0.1:9' })).toContainText('Failed: unreachable');
  const host = new URL(baseURL!).host;
  for (const [fault, said] of [
    ['mcp=401', 'Failed: HTTP 401: Unauthorized: this server needs an Authorization header.'],
    ['mcp=html', /Failed: /],
  ] as const) {
    await simulate(page, fault);
    await addServer(page, `${baseURL}/mcp?${fault}`);
    await expect(
      tools(page)
        .getByRole('group', { name: `MCP server: ${host}` })
        .last(),
    ).toContainText(said);
    await tools(page)
      .getByRole('group', { name: `MCP server: ${host}` })
      .last()
      .getByRole('button', { name: `Remove ${host}` })
      .click();
  }
  await simulate(page, '');
  // the working server and the rest of the app are untouched
  await expect(server(page)).toContainText('Connected, 5 tools');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('spinbutton', { name: 'Tool rounds' }).fill('1');
  await page.keyboard.press('Escape');
  await sendMessage(page, 'What is the weather in Oslo?');
  await page.getByRole('group', { name: 'Tool call: get_weather' }).getByRole('button', { name: 'Always allow' }).click();
  await expect(page.getByText(/Stopped after 1 round of tools in a row/)).toBeVisible();
  await page.getByRole('button', { name: 'Send the results' }).click();
  await expect(lastAssistant(page)).toContainText('Tool results received');
});
