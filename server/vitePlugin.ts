import type { Plugin } from 'vite';
import { createSimulator } from './simulator.ts';

/** Mounts the simulator at /v1 on the dev and preview servers: same origin, no CORS, no key. */
export function bitseekSimulator(): Plugin {
  const delay = process.env.SIM_DELAY_MS;
  const simulator = createSimulator(delay ? { delayMs: Number(delay) } : {});
  return {
    name: 'bitseek-simulator',
    configureServer(server) {
      server.middlewares.use((req, res, next) => simulator(req, res, next));
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => simulator(req, res, next));
    },
  };
}
