// Reading a request and answering with JSON or an error, as Bitseek's server does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimOptions } from './options.ts';
import type { InMessage } from './replies.ts';

/** The largest request body read by default: 1 MiB. */
const MAX_BODY = 1024 * 1024;
const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: number,
    readonly param?: string,
  ) {
    super(message);
  }
}

export function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) return void parts.push(c);
      // The rest is read and dropped, not cut off: the client gets the 413, not a reset connection.
      parts.length = 0;
      reject(new HttpError(413, `Request body is larger than ${Math.round(max / 1024 / 1024)} MiB.`));
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(value));
}

export function sendError(res: ServerResponse, status: number, message: string, code?: number, param?: string): void {
  sendJson(res, status, {
    error: {
      message,
      type: status === 401 ? 'authentication_error' : 'invalid_request_error',
      ...(param && { param }),
      code: code ?? status,
    },
  });
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** A fault asked for by X-Simulator: an HTTP error with a JSON, text or HTML body. */
export function sendInjectedError(res: ServerResponse, o: SimOptions & { status: number }): void {
  const text = STATUS_TEXT[o.status] ?? 'Error';
  const headers: Record<string, string> = o.retryAfter ? { 'retry-after': o.retryAfter } : {};
  const message = `Simulated ${o.status} ${text}`;
  if (o.body === 'json') return sendJson(res, o.status, { error: { message, type: 'simulated_error', code: o.status } }, headers);
  const html = `<!doctype html><html><head><title>${o.status} ${text}</title></head><body><h1>${o.status} ${text}</h1><p>simulated gateway page</p></body></html>`;
  res.writeHead(o.status, { 'content-type': o.body === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8', ...headers });
  res.end(o.body === 'html' ? html : message);
}

export function validateMessages(value: unknown): InMessage[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new HttpError(400, 'Prompt is required: `messages` must be a non-empty array.', 4002);
  return value.map((m, i) => {
    if (typeof m !== 'object' || m === null) throw new HttpError(400, `messages[${i}] must be an object.`);
    const { role, content, tool_calls, tool_call_id } = m as Record<string, unknown>;
    if (typeof role !== 'string' || !ROLES.has(role))
      throw new HttpError(400, `messages[${i}].role must be one of system, user, assistant, tool.`);
    const toolCallTurn = role === 'assistant' && Array.isArray(tool_calls) && content === null;
    if (typeof content !== 'string' && !toolCallTurn) throw new HttpError(400, `messages[${i}].content must be a string.`);
    if (role === 'tool' && typeof tool_call_id !== 'string')
      throw new HttpError(400, `messages[${i}].tool_call_id is required for a tool message.`);
    return { role, content: typeof content === 'string' ? content : null, ...(typeof tool_call_id === 'string' ? { tool_call_id } : {}) };
  });
}
