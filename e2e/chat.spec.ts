import { expect, lastAssistant, recordChatRequests, sendMessage, simulate, test } from './fixtures';

test('a message streams a markdown reply from the simulator', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await expect(page.getByText('local Bitseek simulator').first()).toBeVisible();
  await sendMessage(page, 'Hello there');
  await expect(page.getByRole('article', { name: /^User/ })).toContainText('Hello there');
  const reply = lastAssistant(page);
  await expect(reply.getByRole('heading', { name: 'Reply from the local simulator' })).toBeVisible();
  await expect(reply.getByRole('table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  expect(requests).toHaveLength(1);
  const body = requests[0]!.postDataJSON();
  expect(body).toMatchObject({ model: 'bitseek-auto', stream: true, messages: [{ role: 'user', content: 'Hello there' }] });
  const conversationId = await page.getByRole('textbox', { name: 'Conversation ID' }).inputValue();
  expect(conversationId).toMatch(/^conv-[0-9a-f-]{36}$/);
  const headers = await requests[0]!.allHeaders();
  expect(headers['x-conversation-id']).toBe(conversationId);
  expect(headers.accept).toBe('text/event-stream');
  expect(headers.authorization).toBe('Bearer local-simulator');
});
