import { spawn } from 'node:child_process';
import { expect, lastAssistant, sendMessage, test } from './fixtures';

const PORT = 5199;

async function until(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// `npm install && npm start`, then the very first message: nothing the app loads later
// (the markdown renderer, code highlighting in its worker, math) may make Vite re-bundle
// and reload the page mid-reply.
test('the dev server on an empty cache streams the very first reply with no reload', async ({ page }) => {
  test.setTimeout(150_000);
  const server = spawn('npx', ['vite', '--port', String(PORT), '--strictPort', '--force', '--logLevel', 'info'], {
    env: { ...process.env, SIM_DELAY_MS: '20' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  try {
    await until(`http://localhost:${PORT}/`, 60_000);
    let loads = 0;
    page.on('load', () => (loads += 1));
    await page.goto(`http://localhost:${PORT}/`);
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 60_000 });
    await sendMessage(
      page,
      'echo: # First\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```js\nconst answer = 42;\n```\n\nMath: $$x^2$$ and the end.',
    );
    const reply = lastAssistant(page);
    await expect(reply).toContainText('and the end.', { timeout: 60_000 });
    await expect(reply.getByRole('button', { name: 'Regenerate' })).toBeVisible();
    await expect(reply.getByRole('alert')).toHaveCount(0);
    // highlighted by the worker, and the math rendered
    await expect(reply.locator('code .hljs-keyword').first()).toBeVisible({ timeout: 30_000 });
    await expect(reply.locator('.katex').first()).toBeVisible();
    await page.waitForTimeout(1000);
    expect(loads, `the page reloaded; the dev server said:\n${log}`).toBe(1);
    expect(log).not.toMatch(/new dependencies optimized|optimized dependencies changed. reloading/i);
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
});
