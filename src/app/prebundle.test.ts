import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PREBUNDLE, PREBUNDLE_EXCLUDED } from '../../vite.config.ts';

// A package the dev server finds late makes it reload the page (mid-reply on a first run).
// Tests and their setup (src/test) are not the app's.
it('pre-bundles every package the app imports, statically, lazily or in a worker', () => {
  const root = join(__dirname, '..');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter(
    (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith('test/'),
  );
  const imported = new Set<string>();
  const bare = /(?:^|\n)\s*import\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'".][^'"]*)['"]|import\(\s*['"]([^'".][^'"]*)['"]\s*\)/g;
  for (const f of files) for (const m of readFileSync(join(root, f), 'utf8').matchAll(bare)) imported.add((m[1] ?? m[2])!);
  expect(imported.size).toBeGreaterThan(10);
  const missing = [...imported].filter((name) => !PREBUNDLE.includes(name) && !PREBUNDLE_EXCLUDED.includes(name));
  expect(missing).toEqual([]);
});
