// `npm run lighthouse`: the first load as Lighthouse scores it. Builds the app, serves dist/
// gzipped with the headers it ships with and the simulator at /v1 (as a static host with the
// endpoint on the same origin would), and runs Lighthouse 12's default, mobile preset
// (simulated slow 4G and a 4× slower CPU) in Debian's Chromium LH_RUNS times (default 5).
// Prints each run and the medians. LH_NO_BUILD=1 serves dist/ as it is; LH_DIST=dir builds and serves there.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { median } from '../bench/stats.ts';
import { createSimulator } from '../server/simulator.ts';
import { SECURITY_HEADERS } from '../vite.config.ts';
import { CHROMIUM } from './chromium.ts';

const RUNS = Number(process.env.LH_RUNS ?? 5);
const PORT = 4195;
const DEBUG_PORT = 9335;
const root = resolve(import.meta.dirname, '..');
const dist = process.env.LH_DIST ?? join(root, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
};
/** What a host compresses: text. */
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg']);

/** dist/ as a static host serves it: the SPA fallback, long caching of hashed assets, gzip, the app's headers. */
function serve(): Promise<Server> {
  const simulator = createSimulator({});
  const gzipped = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/v1/')) return void simulator(req, res);
    let file = join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
    const ext = extname(file);
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    let body: Buffer = readFileSync(file);
    if (COMPRESSED.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipped.get(file) ?? gzipped.set(file, gzipSync(body)).get(file)!;
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((done) => server.listen(PORT, () => done(server)));
}

/** Debian's Chromium, headless, for Lighthouse to drive over its debugging port. */
async function startChromium(): Promise<() => void> {
  const chromium = spawn(
    CHROMIUM.executablePath!,
    [
      ...(CHROMIUM.args ?? []),
      '--headless=new',
      `--remote-debugging-port=${DEBUG_PORT}`,
      '--user-data-dir=/tmp/bitseek-lighthouse',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${DEBUG_PORT}/json/version`);
      return () => chromium.kill();
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  chromium.kill();
  throw new Error('Chromium did not open its debugging port');
}

interface Run {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  si: number;
  cls: number;
  unusedJsKb: number;
}

async function runOnce(): Promise<Run> {
  const result = await lighthouse(`http://localhost:${PORT}/`, { port: DEBUG_PORT, onlyCategories: ['performance'], logLevel: 'error' });
  if (!result) throw new Error('Lighthouse gave no result');
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    si: audit('speed-index'),
    cls: audit('cumulative-layout-shift'),
    unusedJsKb: ((lhr.audits['unused-javascript']?.details as { overallSavingsBytes?: number })?.overallSavingsBytes ?? 0) / 1024,
  };
}

async function main() {
  if (!process.env.LH_NO_BUILD)
    execSync(`npx vite build --logLevel error --outDir ${dist} && node scripts/bundle-budget.mjs ${dist}`, { cwd: root, stdio: 'inherit' });
  const server = await serve();
  const stopChromium = await startChromium();
  const runs: Run[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const run = await runOnce();
      runs.push(run);
      console.log(
        `run ${r + 1}/${RUNS}: performance ${run.score}, FCP ${run.fcp.toFixed(0)} ms, LCP ${run.lcp.toFixed(0)} ms, ` +
          `TBT ${run.tbt.toFixed(0)} ms, Speed Index ${run.si.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}, ` +
          `unused JS ${run.unusedJsKb.toFixed(0)} KB`,
      );
    }
  } finally {
    stopChromium();
    server.close();
  }
  const m = (k: keyof Run) => median(runs.map((x) => x[k]));
  console.log(
    `Lighthouse ${RUNS} runs, medians: performance ${m('score')}, FCP ${m('fcp').toFixed(0)} ms, LCP ${m('lcp').toFixed(0)} ms, ` +
      `TBT ${m('tbt').toFixed(0)} ms, Speed Index ${m('si').toFixed(0)} ms, CLS ${m('cls').toFixed(3)}, unused JS ${m('unusedJsKb').toFixed(0)} KB`,
  );
}

await main();
