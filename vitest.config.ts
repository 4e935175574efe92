import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { combineExtensionsOnce } from './vite.config.ts';

/** Transformed by Vite, so that micromark's import reaches the plugin below. */
const inline = [/[\\/]micromark[\\/]/, /micromark-extension-gfm[\\/]/, /mdast-util-from-markdown[\\/]/];

export default defineConfig({
  // As in the build: markdown is parsed with the extensions combined once.
  plugins: [combineExtensionsOnce()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'bench/**/*.test.ts', 'deploy/**/*.test.ts'],
          environment: 'node',
          server: { deps: { inline } },
        },
      },
      // Hooks and components, rendered into happy-dom's document.
      {
        extends: true,
        plugins: [react()],
        resolve: { alias: { 'virtual:pwa-register': fileURLToPath(new URL('src/test/pwaRegister.ts', import.meta.url)) } },
        test: {
          name: 'components',
          include: ['src/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['src/test/setupDom.ts'],
          server: { deps: { inline } },
        },
      },
    ],
  },
});
