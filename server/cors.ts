import type { IncomingMessage, ServerResponse } from 'node:http';

/** CORS for the standalone simulator, so an app on another origin can call it. */
export function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('vary', 'origin');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'authorization, content-type, accept, x-conversation-id, x-simulator');
  res.setHeader('access-control-expose-headers', 'retry-after, content-type');
  res.setHeader('access-control-max-age', '600');
  if (req.method === 'OPTIONS') {
    res.writeHead(204);
    res.end();
    return true;
  }
  return false;
}
