// A real MCP server beside the simulator, at /mcp (Streamable HTTP, with sessions), made with
// the official SDK: a few deterministic tools, so that the app shows the whole tool loop offline.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod/v4';
import { readBody } from './http.ts';

/** A 2×2 PNG (red, green, blue, white), for the tool that returns an image. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

function toolServer(): McpServer {
  const server = new McpServer({ name: 'simulator-tools', version: '1.0.0' });
  server.registerTool(
    'get_weather',
    {
      description: 'Current weather for a city (simulated: the same city always gets the same weather).',
      inputSchema: { city: z.string() },
    },
    async ({ city }) => {
      const temp = [...city].reduce((n, ch) => n + ch.charCodeAt(0), 0) % 35;
      const weather = { city, temp_c: temp, sky: temp > 20 ? 'sunny' : 'cloudy' };
      return { content: [{ type: 'text', text: JSON.stringify(weather) }], structuredContent: weather };
    },
  );
  server.registerTool('add', { description: 'Adds two numbers.', inputSchema: { a: z.number(), b: z.number() } }, async ({ a, b }) => ({
    content: [{ type: 'text', text: String(a + b) }],
  }));
  server.registerTool(
    'slow_count',
    {
      description: 'Counts to n, a step every 700 ms, reporting progress; cancellable.',
      inputSchema: { n: z.number().int().min(1).max(50) },
    },
    async ({ n }, extra) => {
      for (let i = 1; i <= n; i++) {
        await sleep(700, extra.signal);
        if (extra.signal.aborted) return { isError: true, content: [{ type: 'text', text: `Cancelled at ${i - 1} of ${n}` }] };
        const token = extra._meta?.progressToken;
        if (token !== undefined)
          await extra.sendNotification({
            method: 'notifications/progress',
            params: { progressToken: token, progress: i, total: n, message: `Counted ${i} of ${n}` },
          });
      }
      return { content: [{ type: 'text', text: `Counted to ${n}` }] };
    },
  );
  server.registerTool(
    'always_fails',
    { description: 'Fails every time, as a broken tool would.', inputSchema: { reason: z.optional(z.string()) } },
    async () => ({ isError: true, content: [{ type: 'text', text: 'The simulated tool failed on purpose.' }] }),
  );
  server.registerTool('tiny_image', { description: 'Returns a tiny PNG image.', inputSchema: {} }, async () => ({
    content: [{ type: 'image', data: TINY_PNG, mimeType: 'image/png' }],
  }));
  return server;
}

const jsonRpcError = (res: ServerResponse, status: number, message: string) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
};

/** Answers MCP requests (POST, GET for the notification stream, DELETE to end a session). */
export function createMcpHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  return async (req, res) => {
    // Faults on request (X-Simulator: mcp=401 | mcp=html), for the app's tests of a server that refuses or is not MCP.
    const fault = /\bmcp=(401|html)\b/.exec(String(req.headers['x-simulator'] ?? ''))?.[1];
    if (fault === '401') return jsonRpcError(res, 401, 'Unauthorized: this server needs an Authorization header.');
    if (fault === 'html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end('<!doctype html><title>Not MCP</title><p>a web page, not an MCP server</p>');
    }
    try {
      const text = req.method === 'POST' ? await readBody(req) : '';
      const body: unknown = text ? JSON.parse(text) : undefined;
      const id = req.headers['mcp-session-id'];
      let transport = typeof id === 'string' ? sessions.get(id) : undefined;
      if (!transport) {
        if (req.method !== 'POST' || !isInitializeRequest(body)) return jsonRpcError(res, 400, 'No valid session: initialize first.');
        const created: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (sid) => void sessions.set(sid, created),
        });
        created.onclose = () => void (created.sessionId && sessions.delete(created.sessionId));
        await toolServer().connect(created);
        transport = created;
      }
      await transport.handleRequest(req, res, body);
    } catch (error) {
      if (!res.headersSent) jsonRpcError(res, 400, error instanceof Error ? error.message : String(error));
    }
  };
}

/** CORS for browser clients on another origin: MCP's own headers allowed in and read back. */
export function applyMcpCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('vary', 'origin');
  res.setHeader('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
  res.setHeader(
    'access-control-allow-headers',
    'authorization, content-type, accept, mcp-session-id, mcp-protocol-version, last-event-id, x-simulator',
  );
  res.setHeader('access-control-expose-headers', 'mcp-session-id, mcp-protocol-version');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204);
  res.end();
  return true;
}
