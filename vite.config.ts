import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
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

/**
 * The built app's Content-Security-Policy. Scripts only from the app itself (no
 * inline script, no eval); requests to this origin and to any https endpoint (or
 * a local http one), which covers whatever Endpoint URL is configured.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // the stream reader and the code highlighter run in workers, from the app's own files
  "worker-src 'self'",
  // KaTeX lays formulas out with inline styles; styles cannot run script.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https: http:",
  "font-src 'self' data:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build', // the dev server's hot reload needs inline scripts
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

const COMBINE_ONCE = fileURLToPath(new URL('./src/features/markdown/combineExtensions.ts', import.meta.url));

/** micromark's (and micromark-extension-gfm's) extension combiner, as a version that combines each list once. */
export function combineExtensionsOnce(): Plugin {
  return {
    name: 'combine-extensions-once',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'micromark-util-combine-extensions' && importer !== COMBINE_ONCE) return COMBINE_ONCE;
    },
  };
}

/**
 * Cross-origin isolation, for the memory the page shares with its stream reader (see
 * src/api/readerHold.ts). `credentialless`: images a person chooses to load from a
 * reply still load, without cookies, where `require-corp` would block them.
 */
const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' };

export default defineConfig({
  plugins: [react(), tailwindcss(), bitseekSimulator(), contentSecurityPolicy(), combineExtensionsOnce()],
  server: { port: 5173, proxy: bitseekProxy, headers: ISOLATION_HEADERS },
  preview: { port: 4173, proxy: bitseekProxy, headers: ISOLATION_HEADERS },
  build: { target: 'es2022', sourcemap: true },
});
