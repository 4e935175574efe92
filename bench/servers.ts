// The app and the baseline pages (bench/pages), built and served with the simulator.
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { preview } from 'vite';

const APP_PORT = 4190;
const PAGES_PORT = 4191;
export const APP_URL = `http://localhost:${APP_PORT}`;
export const PAGES_URL = `http://localhost:${PAGES_PORT}`;
const root = resolve(import.meta.dirname, '..');

/** Builds the app (unminified with BENCH_READABLE) and the baseline pages and serves them; returns what stops the servers. */
export async function buildAndServe(): Promise<() => Promise<void>> {
  console.log('Building the app and the baseline pages…');
  execSync(`npx vite build --logLevel error${process.env.BENCH_READABLE ? ' --minify false' : ''}`, { cwd: root, stdio: 'inherit' });
  execSync('npx vite build --config bench/vite.config.ts', { cwd: root, stdio: 'inherit' });
  // The simulator sends as fast as it can, in 4-character deltas to the app (the baseline pages ask for them by header).
  process.env.SIM_DELAY_MS = '0';
  process.env.SIM_OPTIONS = 'chunk=4, delay=0';
  const servers = [
    await preview({ root, configFile: resolve(root, 'vite.config.ts'), preview: { port: APP_PORT, strictPort: true }, logLevel: 'error' }),
    await preview({
      root,
      configFile: resolve(root, 'bench/vite.config.ts'),
      preview: { port: PAGES_PORT, strictPort: true },
      logLevel: 'error',
    }),
  ];
  return async () => void (await Promise.all(servers.map((s) => s.close())));
}
