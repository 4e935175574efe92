import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { applyCors } from './cors.ts';
import { applyMcpCors, createMcpHandler } from './mcp.ts';
import { createSimulator } from './simulator.ts';

/** Mounts the simulator at /v1 (and its MCP server at /mcp) on the dev and preview servers: same origin, no key; CORS for other origins. */
export function bitseekSimulator(): Plugin {
  const delay = process.env.SIM_DELAY_MS;
  const options = process.env.SIM_OPTIONS;
  const strict = process.env.SIM_STRICT === '1';
  const maxBodyMb = Number(process.env.SIM_MAX_BODY_MB);
  const simulator = createSimulator({
    ...(delay && { delayMs: Number(delay) }),
    ...(options && { options }),
    strict,
    ...(maxBodyMb > 0 && { maxBodyBytes: maxBodyMb * 1024 * 1024 }),
  });
  const mcp = createMcpHandler();
  const mount = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url === '/mcp' || req.url?.startsWith('/mcp?')) return void (applyMcpCors(req, res) || mcp(req, res));
    if (!req.url?.startsWith('/v1/')) return next();
    if (applyCors(req, res)) return;
    simulator(req, res, next);
  };
  return {
    name: 'bitseek-simulator',
    configureServer(server) {
      server.middlewares.use(mount);
    },
    configurePreviewServer(server) {
      server.middlewares.use(mount);
    },
  };
}
