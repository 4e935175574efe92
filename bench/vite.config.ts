import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { bitseekSimulator } from '../server/vitePlugin.ts';

// The benchmark's baseline pages, built apart from the app and served with the same simulator.
export default defineConfig({
  root: resolve(import.meta.dirname, 'pages'),
  plugins: [react(), bitseekSimulator()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        naive: resolve(import.meta.dirname, 'pages/naive.html'),
        streamdown: resolve(import.meta.dirname, 'pages/streamdown.html'),
        assistantui: resolve(import.meta.dirname, 'pages/assistantui.html'),
        reading: resolve(import.meta.dirname, 'pages/reading.html'),
      },
    },
  },
  logLevel: 'error',
});
