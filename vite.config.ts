import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
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
  // Images load only when a person clicks "Load image": from https, or a local server.
  "img-src 'self' data: https: http://localhost:* http://127.0.0.1:*",
  "font-src 'self' data:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/**
 * The headers every response of the app carries, however it is served (the dev and
 * preview servers here, `dist/_headers` for static hosts that read it, deploy/nginx.conf).
 * A `<meta>` policy cannot forbid framing: the header does (clickjacking).
 */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** dist/_headers, in the format Netlify and Cloudflare Pages read. */
const headersFile = (headers: Record<string, string>) =>
  `/*\n${Object.entries(headers)
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n')}\n`;

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build', // the dev server's hot reload needs inline scripts
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(SECURITY_HEADERS) });
    },
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

// The dev server's hot reload runs inline scripts: its policy header only forbids framing.
const DEV_HEADERS = { ...SECURITY_HEADERS, 'Content-Security-Policy': "frame-ancestors 'none'" };

/**
 * Every package the app imports, pre-bundled when the dev server starts. Vite finds the
 * entry's imports by itself, but not a worker's (lowlight) nor some lazy ones: one found
 * late makes it re-bundle and reload the page, mid-reply on a first run. A unit test
 * checks that every package imported in src/ is here (or in PREBUNDLE_EXCLUDED).
 */
export const PREBUNDLE = [
  '@microsoft/fetch-event-source',
  '@microsoft/fetch-event-source/lib/esm/parse',
  '@modelcontextprotocol/sdk/client/index.js',
  '@modelcontextprotocol/sdk/client/sse.js',
  '@modelcontextprotocol/sdk/client/streamableHttp.js',
  '@modelcontextprotocol/sdk/validation/cfworker',
  '@tanstack/react-query',
  '@tanstack/react-virtual',
  'hast-util-to-jsx-runtime',
  'idb',
  'jsonc-parser',
  'lucide-react',
  'lowlight',
  'mdast-util-gfm',
  'micromark-extension-gfm',
  'react',
  'react-dom',
  'react-dom/client',
  'react-markdown',
  'react/jsx-runtime',
  'rehype-katex',
  'remark-math',
  'zod/mini',
  'zustand',
  'zustand/middleware',
];
/** Imported but not pre-bundled: resolved to a file of ours (combineExtensionsOnce), a stylesheet, a virtual module. */
export const PREBUNDLE_EXCLUDED = ['micromark-util-combine-extensions', 'katex/dist/katex.min.css', 'virtual:pwa-register'];

/**
 * Installable, and opens offline: a web app manifest, and a service worker that precaches
 * the built app (its shell, chunks and fonts) and nothing else: no API response, event
 * stream or proxied request is ever cached. A new version waits until the person says
 * Reload (registerType 'prompt'), so a page never runs a mix of old and new files.
 */
const installable = () =>
  VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      name: 'Bitseek Chat',
      short_name: 'Bitseek',
      description: "A chat client for Bitseek's streaming chat API and any OpenAI-compatible endpoint.",
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#2563eb',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
      // Any page of the app (a /c/ID link) opens from the cache; the API's paths never do.
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/v1\//, /^\/bitseek\//, /^\/mcp/, /\/config\.json$/],
      runtimeCaching: [],
      cleanupOutdatedCaches: true,
    },
  });

export default defineConfig({
  plugins: [react(), tailwindcss(), bitseekSimulator(), contentSecurityPolicy(), combineExtensionsOnce(), installable()],
  server: { port: 5173, proxy: bitseekProxy, headers: DEV_HEADERS },
  optimizeDeps: { include: PREBUNDLE },
  preview: { port: 4173, proxy: bitseekProxy, headers: SECURITY_HEADERS },
  build: { target: 'es2022', sourcemap: true },
});
