// The app and the baseline pages (bench/pages), built and served with the simulator.
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { preview } from 'vite';

const APP_PORT = 4190;
const PAGES_PORT = 4191;
const PACED_APP_PORT = 4192;
export const APP_URL = `http://localhost:${APP_PORT}`;
export const PAGES_URL = `http://localhost:${PAGES_PORT}`;
/** The app again, its simulator at a person's pace (PACE): for typing while a reply streams. */
export const PACED_APP_URL = `http://localhost:${PACED_APP_PORT}`;
/** A model's pace: 4-character deltas (about a token each) 12 ms apart, at most ~80 tokens a second. */
export const PACE = 'chunk=4, delay=12';
const root = resolve(import.meta.dirname, '..');

/** Builds the app (unminified with BENCH_READABLE) and the baseline pages and serves them; returns what stops the servers. */
export async function buildAndServe(): Promise<() => Promise<void>> {
  console.log('Building the app and the baseline pages…');
  execSync(`npx vite build --logLevel error${process.env.BENCH_READABLE ? ' --minify false' : ''}`, { cwd: root, stdio: 'inherit' });
  execSync('npx vite build --config bench/vite.config.ts', { cwd: root, stdio: 'inherit' });
  // The simulator sends as fast as it can, in 4-character deltas to the app (the baseline pages ask for them by
  // header), unless BENCH_SIM_OPTIONS sets another pace (the app's stream only).
  process.env.SIM_DELAY_MS = '0';
  process.env.SIM_OPTIONS = process.env.BENCH_SIM_OPTIONS ?? 'chunk=4, delay=0';
  const servers = [
    await preview({ root, configFile: resolve(root, 'vite.config.ts'), preview: { port: APP_PORT, strictPort: true }, logLevel: 'error' }),
    await preview({
      root,
      configFile: resolve(root, 'bench/vite.config.ts'),
      preview: { port: PAGES_PORT, strictPort: true },
      logLevel: 'error',
    }),
    // The simulator reads its options as it is made. A reply at the end of the 5,000 messages is
    // asked with all of them, ~25 MB: more than the simulator reads by default.
    await withEnv({ SIM_OPTIONS: PACE, SIM_MAX_BODY_MB: '64' }, () =>
      preview({
        root,
        configFile: resolve(root, 'vite.config.ts'),
        preview: { port: PACED_APP_PORT, strictPort: true },
        logLevel: 'error',
      }),
    ),
  ];
  return async () => void (await Promise.all(servers.map((s) => s.close())));
}

async function withEnv<T>(env: Record<string, string>, make: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await make();
  } finally {
    Object.assign(process.env, before);
  }
}
