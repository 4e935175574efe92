import { conversationId, expect, lastAssistant, recordChatRequests, sendMessage, simulate, test } from './fixtures';

test('a message streams a markdown reply from the simulator', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await expect(page.getByText('local Bitseek simulator').first()).toBeVisible();
  await sendMessage(page, 'Hello there');
  await expect(page.getByRole('article', { name: /^User/ })).toContainText('Hello there');
  const reply = lastAssistant(page);
  await expect(reply.getByRole('heading', { name: 'Reply from the local simulator' })).toBeVisible();
  await expect(reply.getByRole('table')).toBeVisible();
  await expect(reply.getByRole('code').last()).toContainText('streamChat');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  expect(requests).toHaveLength(1);
  const body = requests[0]!.postDataJSON();
  expect(body).toMatchObject({ model: 'bitseek-auto', stream: true, messages: [{ role: 'user', content: 'Hello there' }] });
  const id = await conversationId(page);
  expect(id).toMatch(/^conv-[0-9a-f-]{36}$/);
  const headers = await requests[0]!.allHeaders();
  expect(headers['x-conversation-id']).toBe(id);
  expect(headers.accept).toBe('text/event-stream');
  expect(headers['content-type']).toBe('application/json');
  expect(headers.authorization).toBe('Bearer local-simulator');
});

test('the reply grows while it streams, then settles', async ({ app: page }) => {
  await simulate(page, 'delay=40');
  await sendMessage(page, 'stream slowly please');
  const reply = lastAssistant(page);
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(reply).toHaveAttribute('aria-busy', 'true');
  const early = (await reply.innerText()).length;
  await expect.poll(async () => (await reply.innerText()).length).toBeGreaterThan(early + 20);
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 15_000 });
  await expect(reply).not.toHaveAttribute('aria-busy', 'true');
  await expect(reply).toContainText('streamChat');
});

test('Enter sends, Shift+Enter makes a new line', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('echo: line one');
  await box.press('Shift+Enter');
  await box.pressSequentially('line two');
  expect(requests).toHaveLength(0);
  await expect(box).toHaveValue('echo: line one\nline two');
  await box.press('Enter');
  await expect(lastAssistant(page)).toContainText('line one line two');
  await expect(box).toHaveValue('');
  expect(requests[0]!.postDataJSON().messages[0].content).toBe('echo: line one\nline two');
});

test('Stop keeps what arrived, marks it stopped and sends nothing more; Escape stops too', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await simulate(page, 'delay=60');
  await sendMessage(page, 'long story please');
  const reply = lastAssistant(page);
  await expect(reply).toContainText('Section 1');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(reply).toContainText('Stopped');
  // What arrived may still be laid out as markdown after the stop (held runs render once the
  // reply ends), so its text can change form; no more of the reply arrives.
  const sections = async () => (await reply.innerText()).match(/Section \d+/g) ?? [];
  const kept = await sections();
  await page.waitForTimeout(600);
  expect(await sections()).toEqual(kept);
  expect(kept).not.toContain('Section 12');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();

  await sendMessage(page, 'another long one');
  await expect(page.getByRole('article', { name: /^Assistant/ })).toHaveCount(2);
  await expect(lastAssistant(page)).toContainText('Section 1');
  await page.keyboard.press('Escape');
  await expect(lastAssistant(page)).toContainText('Stopped');
  expect(requests).toHaveLength(2);
});

test('Regenerate adds a version of the last reply; Edit adds a version of a message and asks again', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await sendMessage(page, 'echo: first answer');
  await expect(lastAssistant(page)).toContainText('first answer');
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(page.getByRole('article', { name: /^Assistant/ })).toHaveCount(1);
  await expect(lastAssistant(page).getByRole('status', { name: 'Version 2 of 2' })).toContainText('2 / 2');
  expect(requests).toHaveLength(2);
  expect(requests[1]!.postDataJSON().messages).toEqual([{ role: 'user', content: 'echo: first answer' }]);

  const user = page.getByRole('article', { name: /^User/ });
  await user.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit message' }).fill('echo: edited answer');
  await page.getByRole('button', { name: 'Save and resend' }).click();
  await expect(lastAssistant(page)).toContainText('edited answer');
  await expect(user).toContainText('echo: edited answer');
  await expect(user.getByRole('status', { name: 'Version 2 of 2' })).toBeVisible();
  await expect(page.getByRole('article', { name: /^Assistant/ })).toHaveCount(1);
  expect(requests).toHaveLength(3);
  expect(requests[2]!.postDataJSON().messages).toEqual([{ role: 'user', content: 'echo: edited answer' }]);
});

test('earlier turns are replayed in order, and Copy copies a reply', async ({ app: page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const requests = recordChatRequests(page);
  await sendMessage(page, 'echo: one');
  await expect(lastAssistant(page)).toHaveText(/one/);
  await sendMessage(page, 'echo: two');
  await expect(page.getByRole('article', { name: /^Assistant/ })).toHaveCount(2);
  await expect(lastAssistant(page)).toContainText('two');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  expect(requests[1]!.postDataJSON().messages).toEqual([
    { role: 'user', content: 'echo: one' },
    { role: 'assistant', content: 'one' },
    { role: 'user', content: 'echo: two' },
  ]);
  await lastAssistant(page).getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('two');
});

test('New chat starts a conversation with a new id; the sidebar lists both', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  const first = await conversationId(page);
  await sendMessage(page, 'echo: in the first chat');
  await expect(lastAssistant(page)).toContainText('in the first chat');
  await page.getByRole('button', { name: 'New chat' }).click();
  const second = await conversationId(page);
  expect(second).toMatch(/^conv-/);
  expect(second).not.toBe(first);
  await expect(page.getByRole('log', { name: 'Messages' }).getByRole('article')).toHaveCount(0);
  await sendMessage(page, 'echo: in the second chat');
  await expect(lastAssistant(page)).toContainText('in the second chat');
  expect(await requests[1]!.headerValue('x-conversation-id')).toBe(second);
  const nav = page.getByRole('navigation', { name: 'Conversations' });
  await expect(nav.getByRole('button', { name: 'echo: in the first chat', exact: true })).toBeVisible();
  await nav.getByRole('button', { name: 'echo: in the first chat', exact: true }).click();
  await expect.poll(() => conversationId(page)).toBe(first);
  await nav.getByRole('searchbox', { name: 'Search conversations' }).fill('second');
  await expect(nav.getByRole('button', { name: 'echo: in the first chat', exact: true })).toHaveCount(0);
  await expect(nav.getByRole('button', { name: 'echo: in the second chat', exact: true })).toBeVisible();
});

test('reasoning is shown apart and collapsed; a reply answered as JSON still shows', async ({ app: page }) => {
  await simulate(page, 'reasoning, openai-extras, done');
  await sendMessage(page, 'echo: the answer');
  const reply = lastAssistant(page);
  await expect(reply).toContainText('the answer');
  const details = reply.getByText('Reasoning');
  await expect(details).toBeVisible();
  await expect(reply.getByText('The person asked')).toBeHidden();
  await details.click();
  await expect(reply.getByText('The person asked')).toBeVisible();
  await expect(reply).toContainText('bitseek-simulator');

  await simulate(page, 'json');
  await sendMessage(page, 'echo: whole reply at once');
  await expect(lastAssistant(page)).toContainText('whole reply at once');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the view follows a long reply as it streams; scrolled up, it stays put until Jump to latest', async ({ app: page }) => {
  // About 40 s of stream: every step below needs it still streaming, also on a slow, busy machine.
  test.setTimeout(100_000);
  await simulate(page, 'chunk=500, delay=100');
  const log = page.getByRole('log', { name: 'Messages' });
  // Every move of the view that the page makes: none may take it up while it follows the reply.
  await log.evaluate((el) => {
    const ups: number[] = [];
    (window as unknown as { ups: number[] }).ups = ups;
    const native = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop')!;
    Object.defineProperty(el, 'scrollTop', {
      get: () => native.get!.call(el) as number,
      set: (to: number) => {
        const from = native.get!.call(el) as number;
        if (to < from - 1) ups.push(from - to);
        native.set!.call(el, to);
      },
    });
    const scrollTo = el.scrollTo.bind(el) as (options: ScrollToOptions) => void;
    el.scrollTo = ((options: ScrollToOptions) => {
      const from = native.get!.call(el) as number;
      if (options.top !== undefined && options.top < from - 1) ups.push(from - options.top);
      scrollTo(options);
    }) as typeof el.scrollTo;
  });
  await sendMessage(page, 'benchmark reply');
  const stop = page.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeVisible();
  await page.waitForFunction(() => document.querySelector('[role="log"]')!.scrollHeight > 20_000); // many screens in
  const fromEnd = () => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeHidden(); // still following
  await expect.poll(fromEnd).toBeLessThan(48);
  expect(await page.evaluate(() => (window as unknown as { ups: number[] }).ups)).toEqual([]);

  // The person scrolls up: the reply goes on growing below, the view stays where they put it.
  await log.hover();
  await page.mouse.wheel(0, -1500);
  const jump = page.getByRole('button', { name: 'Jump to latest' });
  await expect(jump).toBeVisible();
  await expect(stop).toBeVisible(); // still streaming
  const top = await log.evaluate((el) => el.scrollTop);
  const height = await log.evaluate((el) => el.scrollHeight);
  await page.waitForFunction((h) => document.querySelector('[role="log"]')!.scrollHeight > h + 10_000, height);
  expect(Math.abs((await log.evaluate((el) => el.scrollTop)) - top)).toBeLessThan(48);

  // Jump to latest: back at the end, following again; the keyboard stops and resumes it too.
  await jump.click();
  await expect(jump).toBeHidden();
  await expect.poll(fromEnd).toBeLessThan(48);
  await log.focus();
  await page.keyboard.press('PageUp');
  await expect(jump).toBeVisible();
  await expect(log).toHaveAttribute('data-unpinned-by', 'key PageUp'); // what let go, for a failure below to name
  await page.keyboard.press('End');
  await expect(jump).toBeHidden();
  await expect(lastAssistant(page)).toContainText('END-OF-BENCHMARK-REPLY', { timeout: 60_000 });
  await expect(log).not.toHaveAttribute('data-unpinned-by', /./); // else: which rule let go, unasked
  await expect.poll(fromEnd).toBeLessThan(48);
});

test('Jump to latest shows only while something is below: not after an edit leaves a short conversation', async ({ app: page }) => {
  await sendMessage(page, 'long story please');
  const reply = lastAssistant(page);
  await expect(reply.getByRole('button', { name: 'Regenerate' })).toBeVisible({ timeout: 20_000 });
  const log = page.getByRole('log', { name: 'Messages' });
  await log.hover();
  await page.mouse.wheel(0, -1500);
  const jump = page.getByRole('button', { name: 'Jump to latest' });
  await expect(jump).toBeVisible();
  await page.getByRole('article', { name: /^User/ }).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edit message' }).fill('echo: short');
  await page.getByRole('button', { name: 'Save and resend' }).click();
  await expect(lastAssistant(page)).toContainText('short');
  await expect(lastAssistant(page).getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await expect(jump).toBeHidden();
});
