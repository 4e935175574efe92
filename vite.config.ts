import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { bitseekSimulator } from './server/vitePlugin.ts';

/**
 * /bitseek/v1/* → https://chat-proxy.bitseek.ai/v1/*, for browsers that CORS
 * would block. http-proxy pipes the response, so the stream is not buffered.
 */
const bitseekProxy: Record<string, ProxyOptions> = {
  '/bitseek/v1': {
    target: 'https://chat-proxy.bitseek.ai',
    changeOrigin: true,
    rewrite: (path) => path.replace(/^\/bitseek/, ''),
    configure(proxy) {
      proxy.on('proxyRes', (proxyRes) => {
        proxyRes.headers['x-accel-buffering'] = 'no';
        proxyRes.headers['cache-control'] = 'no-cache, no-transform';
      });
    },
  },
};

export default defineConfig({
  plugins: [react(), tailwindcss(), bitseekSimulator()],
  server: { port: 5173, proxy: bitseekProxy },
  preview: { port: 4173, proxy: bitseekProxy },
  build: { target: 'es2022', sourcemap: true },
});
