import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, for the e2e tests, the benchmark and the screenshots alike:
 * Playwright cannot download its own browsers here. The flags keep it off the network.
 */
export const CHROMIUM: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};
