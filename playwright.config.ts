import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM as chromium } from './scripts/chromium';

const PORT = 4173;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    launchOptions: chromium,
    // Requests go to the network, where tests route and count them; offline.spec.ts allows the worker.
    serviceWorkers: 'block',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium } }],
  webServer: {
    // The built app, served with the simulator mounted at /v1, as `npm run preview` does.
    command: `npx vite build --logLevel error && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false, // never test a stale build
    timeout: 120_000,
    // Strict: every request the app sends must be one a strict OpenAI server accepts.
    env: { SIM_DELAY_MS: '5', SIM_STRICT: '1', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  },
});
