// `npm run icons`: the installable app's icons, drawn from public/favicon.svg by
// Chromium into public/icons/. Run again when the favicon changes; the PNGs are committed.
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM } from './chromium.ts';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'public/favicon.svg'), 'utf8');
/** The favicon's blue: a maskable icon's background runs to its edges. */
const ACCENT = /fill="(#[0-9a-f]{6})"/i.exec(svg)![1];
const out = resolve(root, 'public/icons');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch(CHROMIUM);
const page = await browser.newPage({ deviceScaleFactor: 1 });
const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'maskable-512.png', size: 512, maskable: true },
];
for (const { file, size, maskable } of icons) {
  // A maskable icon keeps its glyph inside the central 80% circle that every mask shows.
  const inner = maskable ? Math.round(size * 0.62) : size;
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;background:${maskable ? ACCENT : 'transparent'}">` +
      `<img src="data:image/svg+xml,${encodeURIComponent(svg)}" width="${inner}" height="${inner}"></body>`,
  );
  await page.screenshot({ path: resolve(out, file), omitBackground: !maskable });
  console.log(`public/icons/${file}`);
}
await browser.close();
