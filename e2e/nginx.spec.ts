// The static build behind deploy/nginx.conf, as a deployer runs it: Debian's nginx serves
// dist/ (built by the suite's web server) and proxies /bitseek/v1/ to the simulator in
// place of Bitseek. No simulator on the app's own origin: the connect step comes first.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, lastAssistant, test } from './fixtures';

const NGINX_PORT = 4180;
const SIMULATOR_PORT = 8791;
const APP = `http://localhost:${NGINX_PORT}`;
const root = resolve(import.meta.dirname, '..');
const nginx = ['/usr/sbin/nginx', 'nginx'].find((bin) => spawnSync(bin, ['-v']).status === 0);

/** deploy/nginx.conf with this machine's ports and paths, and the simulator for Bitseek. */
function serverBlock(): string {
  const conf = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8');
  const replaced = conf
    .replace('listen 8080;', `listen ${NGINX_PORT};`)
    .replace('root /var/www/bitseek-chat;', `root ${join(root, 'dist')};`)
    .replace('proxy_pass https://chat-proxy.bitseek.ai/v1/;', `proxy_pass http://127.0.0.1:${SIMULATOR_PORT}/v1/;`)
    .replace(/^\s*proxy_ssl_server_name on;\n/m, '');
  // The test must run the file as shipped: every substitution has to have happened.
  for (const line of [`listen ${NGINX_PORT};`, `root ${join(root, 'dist')};`, `proxy_pass http://127.0.0.1:${SIMULATOR_PORT}/v1/;`]) {
    expect(replaced).toContain(line);
  }
  expect(replaced).not.toContain('chat-proxy.bitseek.ai');
  return replaced;
}

async function until(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > end) throw new Error(`${url} did not answer within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

test.describe('behind nginx', () => {
  test.describe.configure({ mode: 'serial' });
  let prefix: string;
  const running: ChildProcess[] = [];

  test.beforeAll(async () => {
    expect(nginx, 'nginx is not installed (Debian: apt-get install -y nginx; .ci/run installs it)').toBeTruthy();
    prefix = mkdtempSync(join(tmpdir(), 'bitseek-nginx-'));
    for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, dir));
    writeFileSync(
      join(prefix, 'nginx.conf'),
      `daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  # The simulator asks nginx not to buffer (X-Accel-Buffering: no); Bitseek may not, so
  # that is ignored here: the stream's pace through nginx is the server block's doing.
  proxy_ignore_headers X-Accel-Buffering;
${serverBlock()}
}
`,
    );
    // A slow simulator: a reply of 40 words takes 6 s, a few KB that a buffering proxy
    // would hold back (its buffers are 4 or 8 KB) for seconds before the first words.
    running.push(
      spawn('npx', ['tsx', 'server/standalone.ts'], {
        cwd: root,
        env: { ...process.env, PORT: String(SIMULATOR_PORT), SIM_DELAY_MS: '150' },
        stdio: 'ignore',
        detached: true,
      }),
      spawn(nginx!, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: 'ignore', detached: true }),
    );
    await until(`http://127.0.0.1:${SIMULATOR_PORT}/v1/simulator`, 30_000);
    await until(APP, 10_000);
  });

  test.afterAll(() => {
    for (const child of running) if (child.pid) process.kill(-child.pid);
    rmSync(prefix, { recursive: true, force: true });
  });

  test('the connect step, then a reply that streams through the proxy as it is written', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(APP);
    const step = page.getByRole('region', { name: 'Connect to Bitseek' });
    // No simulator here: no note saying so, and the proxy answers, so the step starts there.
    await expect(step.getByRole('textbox', { name: 'Endpoint URL' })).toHaveValue('/bitseek/v1');
    await expect(page.getByText('You are chatting with the')).toHaveCount(0);
    await step.getByRole('textbox', { name: 'API key' }).fill('team-key');
    await step.getByRole('button', { name: 'Check connection' }).click();
    await expect(step.getByRole('status')).toContainText('models: bitseek-auto');
    await step.getByRole('button', { name: 'Connect', exact: true }).click();

    const words = Array.from({ length: 40 }, (_, i) => `word${i + 1}`);
    await page.getByRole('textbox', { name: 'Message' }).fill(`echo: ${words.join(' ')}`);
    const sent = Date.now();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const reply = lastAssistant(page);
    await expect(reply).toContainText('word1');
    const firstWords = Date.now() - sent;
    await expect(reply).toContainText('word40', { timeout: 30_000 });
    const whole = Date.now() - sent;
    // Each word as it is written: the first within a few of its 150 ms steps, seconds before the last.
    const timing = `first words after ${firstWords} ms, the last after ${whole} ms`;
    expect(firstWords, timing).toBeLessThan(2000);
    expect(whole - firstWords, timing).toBeGreaterThan(3000);
  });

  test('a deep link loads the app; the headers are the app’s; assets cache, index.html does not', async ({ page }) => {
    const response = await page.goto(`${APP}/c/team-thread-42`);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['cache-control']).toBe('no-cache');
    await expect(page.getByRole('dialog', { name: 'Resume conversation' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Conversation ID to resume' })).toHaveValue('team-thread-42');
    const script = await page.locator('script[type="module"][src^="/assets/"]').first().getAttribute('src');
    const asset = await fetch(`${APP}${script}`);
    expect(asset.headers.get('cache-control')).toBe('max-age=31536000');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
  });
});
