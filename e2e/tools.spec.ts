import { expect, lastAssistant, recordChatRequests, sendMessage, simulate, test } from './fixtures';
import type { Page } from '@playwright/test';

const toolsJson = (page: Page) => page.getByRole('complementary', { name: 'Tools' }).getByRole('textbox', { name: 'Tools JSON' });

test('invalid tools are never sent, and Send says why', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await toolsJson(page).fill('[{"type": "function",}]');
  await expect(page.getByRole('complementary', { name: 'Tools' })).toContainText('Syntax error at line 1, column 22');
  await page.getByRole('textbox', { name: 'Message' }).fill('hello');
  const send = page.getByRole('button', { name: 'Send' });
  await expect(send).toBeDisabled();
  await expect(send).toHaveAccessibleDescription(/Send is blocked until the Tools JSON is fixed/);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');

  await toolsJson(page).fill('[{"type": "function", "function": {"name": "bad name"}}]');
  await expect(page.getByRole('complementary', { name: 'Tools' })).toContainText('Tool 1: "function.name" must be 1–64 letters');
  await expect(send).toBeDisabled();
  expect(requests).toHaveLength(0);

  await toolsJson(page).fill('');
  await expect(send).toBeEnabled();
});

test('tools are sent exactly as given, without the ones switched off', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  const panel = page.getByRole('complementary', { name: 'Tools' });
  await panel.getByRole('button', { name: '+ get_weather' }).click();
  await panel.getByRole('button', { name: '+ get_time' }).click();
  await expect(panel).toContainText('2 of 2 tools will be sent');
  await panel.getByRole('checkbox', { name: 'Use get_time' }).uncheck();
  const text = await toolsJson(page).inputValue();
  await sendMessage(page, 'echo: no tool needed');
  await expect(lastAssistant(page)).toContainText('no tool needed');
  expect(requests[0]!.postDataJSON().tools).toEqual([JSON.parse(text)[0]]);

  const custom = [
    {
      type: 'function',
      function: { name: 'lookup', description: 'x', parameters: { type: 'object', properties: { q: { type: 'string' } } } },
      extra: 1,
    },
  ];
  await toolsJson(page).fill(JSON.stringify(custom, null, 4));
  await sendMessage(page, 'echo: again');
  await expect(lastAssistant(page)).toContainText('again');
  expect(requests[1]!.postDataJSON().tools).toEqual(custom);

  // tools belong to the conversation and a new chat starts with the last used
  await page.getByRole('button', { name: 'New chat' }).click();
  await expect(toolsJson(page)).toHaveValue(JSON.stringify(custom, null, 4));
});

test('two interleaved tool calls stream into their own cards, then settle', async ({ app: page }) => {
  const panel = page.getByRole('complementary', { name: 'Tools' });
  await panel.getByRole('button', { name: '+ get_weather' }).click();
  await panel.getByRole('button', { name: '+ get_time' }).click();
  // About 4 s of deltas: the cards are seen streaming also on a slow, busy machine.
  await simulate(page, 'delay=250');
  await sendMessage(page, 'What is the weather and the time in Singapore?');
  const weather = page.getByRole('group', { name: 'Tool call: get_weather' });
  const time = page.getByRole('group', { name: 'Tool call: get_time' });
  await expect(weather).toBeVisible();
  await expect(time).toBeVisible();
  await expect(weather.getByText('streaming', { exact: true })).toBeVisible();
  await expect(weather).toContainText('"city"');
  await expect(weather.getByText('complete', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(time.getByText('complete', { exact: true })).toBeVisible();
  await expect(weather).toContainText('"Singapore"');
  await expect(time).toContainText('"timezone"');
  await expect(weather).toContainText(/call_sim_/);
  await expect(lastAssistant(page)).toContainText('Asked for 2 tool calls');
  await weather.getByRole('button', { name: 'Collapse' }).click();
  await expect(weather).not.toContainText('"Singapore"');
  await weather.getByRole('button', { name: 'Expand' }).click();
  await expect(weather).toContainText('"Singapore"');
});

test('a tool round is answered in OpenAI form and replayed in later requests', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await page.getByRole('complementary', { name: 'Tools' }).getByRole('button', { name: '+ get_weather' }).click();
  await sendMessage(page, 'weather in Oslo?');
  const card = page.getByRole('group', { name: 'Tool call: get_weather' });
  await expect(card.getByText('complete', { exact: true })).toBeVisible();
  await expect(card).toContainText('"Oslo"');
  await page.getByRole('textbox', { name: /Result for get_weather/ }).fill('{"temp_c": 3, "sky": "snow"}');
  await page.getByRole('button', { name: 'Send tool results' }).click();
  await expect(lastAssistant(page)).toContainText('Tool results received');
  await expect(lastAssistant(page)).toContainText('snow');
  await expect(card).toContainText('Result sent');

  const second = requests[1]!.postDataJSON();
  const call = second.messages[1].tool_calls[0];
  expect(second.messages).toEqual([
    { role: 'user', content: 'weather in Oslo?' },
    {
      role: 'assistant',
      content: '',
      tool_calls: [{ id: call.id, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo","unit":"celsius"}' } }],
    },
    { role: 'tool', tool_call_id: call.id, content: '{"temp_c": 3, "sky": "snow"}' },
  ]);

  await sendMessage(page, 'echo: thanks');
  await expect(lastAssistant(page)).toContainText('thanks');
  expect(requests[2]!.postDataJSON().messages.slice(0, 3)).toEqual(second.messages);
});

test('sending on while a tool call is unanswered says so, and the request is one a strict server accepts', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await page.getByRole('complementary', { name: 'Tools' }).getByRole('button', { name: '+ get_weather' }).click();
  await sendMessage(page, 'weather in Oslo?');
  const card = page.getByRole('group', { name: 'Tool call: get_weather' });
  await expect(card.getByText('complete', { exact: true })).toBeVisible();
  await expect(page.getByText('Or send a new message instead: the model is then told these calls were not run.')).toBeVisible();
  await sendMessage(page, 'echo: never mind the weather');
  // the strict simulator (SIM_STRICT=1 in the e2e run) answered: the request was valid
  await expect(lastAssistant(page)).toContainText('never mind the weather');
  await expect(card).toContainText('Not run: the user sent a new message instead');
  const sent = requests[1]!.postDataJSON().messages;
  const id = sent[1].tool_calls[0].id;
  expect(sent.slice(2)).toEqual([
    { role: 'tool', tool_call_id: id, content: 'Not run: the user sent a new message instead of answering this tool call.' },
    { role: 'user', content: 'echo: never mind the weather' },
  ]);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Tool call: get_weather' })).toContainText('Not run');
});

test('tool names and arguments are rendered as text only', async ({ app: page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await page
    .getByRole('complementary', { name: 'Tools' })
    .getByRole('textbox', { name: 'Tools JSON' })
    .fill(
      JSON.stringify([
        { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } },
      ]),
    );
  await sendMessage(page, `use a tool ${hostile}`);
  const card = page.getByRole('group', { name: 'Tool call: lookup' });
  await expect(card).toContainText('onerror');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(card.locator('img')).toHaveCount(0);
});
