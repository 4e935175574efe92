// npm run screenshots: the README's pictures of the real app, light and dark, desktop and
// phone (a touch screen), English and Chinese, the empty state, a reply with sources, a tool
// call and the inspector, taken from the built app talking to the local simulator.
import { chromium, type Browser, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { CHROMIUM } from './chromium.ts';

const root = resolve(import.meta.dirname, '..');
const PORT = 4192;
const out = resolve(root, 'docs');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The message box, in any language. */
const composer = (page: Page) => page.locator('#composer');

/** Sends a message and waits until its reply has finished streaming. */
async function send(page: Page, text: string): Promise<void> {
  const before = await page.locator('article').count();
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await page.waitForFunction(
    (n) => document.querySelectorAll('article').length >= n + 2 && !document.querySelector('article[aria-busy="true"]'),
    before,
  );
}

/** A short history in the sidebar, then the conversation the picture shows, its reply regenerated once (‹ 2 / 2 ›). */
async function chatting(page: Page): Promise<void> {
  await send(page, 'What is the capital of France?');
  await page.keyboard.press('Control+Shift+O');
  await send(page, 'Explain server-sent events with a table');
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await page.getByRole('status', { name: 'Version 2 of 2' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('article[aria-busy="true"]'));
}

/** A tool call on the simulator's MCP server, approved and run; the reply went on from its result. */
async function withToolCall(page: Page): Promise<void> {
  const panel = page.getByRole('complementary', { name: 'Tools' });
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Options' }).click();
  await panel.getByRole('button', { name: /simulator’s tools/ }).click();
  await panel
    .getByRole('group', { name: 'MCP server: simulator-tools' })
    .getByText(/Connected/)
    .waitFor();
  await composer(page).fill('What is the weather in Singapore?');
  await composer(page).press('Enter');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByText('Used tools: 1 round, 1 call').click();
  await page.waitForFunction(() => !document.querySelector('article[aria-busy="true"]'));
  // The card and the reply that went on from it, in view.
  await page.getByRole('group', { name: 'Tool call: get_weather' }).scrollIntoViewIfNeeded();
}

/** A reply with web search on: its sources under it. */
async function searched(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: /Web search|联网搜索/ })
    .first()
    .click();
  await send(page, 'What is new in the latest Node.js release?');
}

/** A reply's raw stream and timings. */
async function inspecting(page: Page): Promise<void> {
  await send(page, 'Explain server-sent events with a table');
  await page.getByRole('button', { name: 'Inspect stream' }).last().click();
  await page.getByRole('dialog', { name: 'Stream inspector' }).waitFor();
}

async function shoot(
  browser: Browser,
  name: string,
  viewport: typeof DESKTOP,
  colorScheme: 'light' | 'dark',
  setup: (page: Page) => Promise<void>,
  locale = 'en-US',
) {
  const phone = viewport === PHONE;
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1, locale, hasTouch: phone, isMobile: phone });
  const page = await context.newPage();
  await page.goto(`http://localhost:${PORT}/`);
  await composer(page).waitFor();
  await setup(page);
  await page.waitForTimeout(600); // highlighting runs at idle
  await page.screenshot({ path: resolve(out, `${name}.png`) });
  await context.close();
  console.log(`docs/${name}.png`);
}

async function main() {
  execSync('npx vite build --logLevel error', { cwd: root, stdio: 'inherit' });
  process.env.SIM_DELAY_MS = '0';
  const server = await preview({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    preview: { port: PORT, strictPort: true },
    logLevel: 'error',
  });
  const browser = await chromium.launch(CHROMIUM);
  mkdirSync(out, { recursive: true });
  try {
    await shoot(browser, 'desktop-light', DESKTOP, 'light', chatting);
    await shoot(browser, 'desktop-dark', DESKTOP, 'dark', withToolCall);
    await shoot(browser, 'phone-light', PHONE, 'light', chatting);
    await shoot(browser, 'phone-dark', PHONE, 'dark', async () => undefined);
    await shoot(browser, 'desktop-sources-zh', DESKTOP, 'light', searched, 'zh-CN');
    await shoot(browser, 'desktop-inspector', DESKTOP, 'dark', inspecting);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
