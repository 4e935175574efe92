import { defineConfig } from 'vitest/config';
import { combineExtensionsOnce } from './vite.config.ts';

export default defineConfig({
  // As in the build: markdown is parsed with the extensions combined once.
  plugins: [combineExtensionsOnce()],
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'bench/**/*.test.ts', 'deploy/**/*.test.ts'],
    environment: 'node',
    // Transformed by Vite, so that micromark's import reaches the plugin above.
    server: { deps: { inline: [/[\\/]micromark[\\/]/, /micromark-extension-gfm[\\/]/, /mdast-util-from-markdown[\\/]/] } },
  },
});
