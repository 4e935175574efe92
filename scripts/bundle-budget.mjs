// Initial JavaScript of the built app: what dist/index.html loads before any
// interaction (its module script and the modules it preloads), gzipped.
// Prints it; with --check, exits 1 when it is over the budget. A directory argument reads that build instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 141;
const dist = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '..', 'dist');

export function initialJavaScript() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]);
  return [...new Set(files)].map((file) => {
    const bytes = readFileSync(join(dist, file.replace(/^\//, '')));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

const files = initialJavaScript();
const total = files.reduce((n, f) => n + f.gzip, 0) / 1024;
for (const f of files) console.log(`  ${f.file}  ${(f.raw / 1024).toFixed(1)} KB, ${(f.gzip / 1024).toFixed(1)} KB gzipped`);
console.log(`Initial JavaScript: ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (process.argv.includes('--check') && total > BUDGET_KB) {
  console.error(`Over budget by ${(total - BUDGET_KB).toFixed(1)} KB: split what the first screen does not need into lazy chunks.`);
  process.exit(1);
}
