// `npm run simulator`: the simulator on its own, with CORS, on PORT (default 8787).
import { createServer } from 'node:http';
import { applyCors } from './cors.ts';
import { applyMcpCors, createMcpHandler } from './mcp.ts';
import { createSimulator } from './simulator.ts';

const port = Number(process.env.PORT ?? 8787);
const delay = process.env.SIM_DELAY_MS;
const maxBodyMb = Number(process.env.SIM_MAX_BODY_MB);
const simulator = createSimulator({
  ...(delay ? { delayMs: Number(delay) } : {}),
  strict: process.env.SIM_STRICT === '1',
  ...(maxBodyMb > 0 && { maxBodyBytes: maxBodyMb * 1024 * 1024 }),
});

const mcp = createMcpHandler();

const server = createServer((req, res) => {
  if (req.url === '/mcp' || req.url?.startsWith('/mcp?')) return void (applyMcpCors(req, res) || mcp(req, res));
  if (applyCors(req, res)) return;
  simulator(req, res);
});

server.listen(port, () => {
  console.log(`Bitseek simulator on http://localhost:${port}/v1 (POST /v1/chat/completions, GET /v1/models); MCP tools at /mcp`);
});
