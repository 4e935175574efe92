// MCP servers, from the browser, with the official SDK: Streamable HTTP first, then the older
// HTTP+SSE transport for servers that speak only that. The SDK loads when a server is first
// connected, never with the first screen.
import type { CallToolResult } from '../domain/mcpTools';

export interface McpToolInfo {
  name: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

export interface McpProgress {
  progress: number;
  total?: number;
  message?: string;
}

/** A JSON-RPC message of a call, as it went over the wire, and which way. */
export interface McpWireMessage {
  direction: 'sent' | 'received';
  /** ms since the call began */
  at: number;
  message: unknown;
}

export interface McpCallOutcome {
  result: CallToolResult;
  /** The call's request, its progress notifications and its response. */
  messages: McpWireMessage[];
}

export interface McpSession {
  /** The server's own name for itself, as it said in its handshake. */
  serverName: string;
  tools: McpToolInfo[];
  call(
    name: string,
    args: Record<string, unknown>,
    options: { signal: AbortSignal; timeoutMs: number; onProgress(p: McpProgress): void },
  ): Promise<McpCallOutcome>;
  close(): Promise<void>;
}

type Message = { id?: unknown; method?: string; params?: { name?: unknown; progressToken?: unknown; requestId?: unknown } };
interface Watched {
  send(message: never, options?: never): Promise<void>;
  onmessage?: ((message: never, extra?: never) => void) | undefined;
}

/** Keeps each tools/call's own JSON-RPC messages, by watching the transport both ways. */
function watchCalls(transport: Watched) {
  const calls = new Map<unknown, { started: number; messages: McpWireMessage[] }>();
  const record = (direction: McpWireMessage['direction'], message: Message) => {
    const id = message.method === 'tools/call' ? message.id : (message.params?.progressToken ?? message.params?.requestId ?? message.id);
    if (message.method === 'tools/call' && direction === 'sent') calls.set(id, { started: performance.now(), messages: [] });
    const call = calls.get(id);
    call?.messages.push({ direction, at: Math.round(performance.now() - call.started), message });
  };
  const send = transport.send.bind(transport);
  transport.send = ((m: Message, o?: never) => {
    record('sent', m);
    return send(m as never, o);
  }) as Watched['send'];
  return {
    /** Wraps the handler the SDK set on connecting. */
    attach() {
      const received = transport.onmessage;
      transport.onmessage = ((m: Message, e?: never) => {
        record('received', m);
        received?.(m as never, e);
      }) as Watched['onmessage'];
    },
    /** The messages of the latest call of that tool, taken (and forgotten). */
    take(name: string): McpWireMessage[] {
      const entry = [...calls].reverse().find(([, c]) => (c.messages[0]?.message as Message | undefined)?.params?.name === name);
      if (!entry) return [];
      calls.delete(entry[0]);
      return entry[1].messages;
    },
  };
}

/** An SDK error in a line: its HTTP status first, and a JSON-RPC error's own message rather than the body around it. */
function plainError(error: unknown): Error {
  const status = (error as { code?: unknown }).code;
  const text = error instanceof Error ? error.message : String(error);
  const message = /"message"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text)?.[1] ?? text.replace(/^Streamable HTTP error: /, '');
  return new Error(typeof status === 'number' && status >= 400 && status < 600 ? `HTTP ${status}: ${message}` : message);
}

/** Connects, and lists the server's tools. The headers go to this server alone: each request is made to its URL. */
export async function connectMcp(url: string, headers: Record<string, string>): Promise<McpSession> {
  const [{ Client }, { StreamableHTTPClientTransport }, { SSEClientTransport }, { CfWorkerJsonSchemaValidator }] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
    import('@modelcontextprotocol/sdk/client/sse.js'),
    import('@modelcontextprotocol/sdk/validation/cfworker'),
  ]);
  const target = new URL(url);
  // No signal here: the transport gives it to every request of the session, tool calls included.
  const requestInit: RequestInit = { headers, credentials: 'omit' };
  // The SDK's default validator (Ajv) compiles schemas with eval, which the app's CSP forbids.
  const newClient = () =>
    new Client({ name: 'bitseek-chat', version: '1.0.0' }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  let client = newClient();
  const streamable = new StreamableHTTPClientTransport(target, { requestInit });
  let wire = watchCalls(streamable as unknown as Watched);
  try {
    await client.connect(streamable);
  } catch (caught) {
    const error = plainError(caught);
    // A server that refuses (401, 403) is there: no fallback hides that.
    if (/^HTTP 40[13]\b/.test(error.message)) throw error;
    client = newClient();
    const sse = new SSEClientTransport(target, { requestInit });
    wire = watchCalls(sse as unknown as Watched);
    try {
      await client.connect(sse);
    } catch {
      throw error;
    }
  }
  wire.attach();
  const tools: McpToolInfo[] = [];
  for (let cursor: string | undefined, pages = 0; pages < 20; pages++) {
    const page = await client.listTools(cursor ? { cursor } : undefined);
    tools.push(
      ...page.tools.map((t) => ({ name: t.name, ...(t.description && { description: t.description }), inputSchema: t.inputSchema })),
    );
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return {
    serverName: client.getServerVersion()?.name ?? target.host,
    tools,
    async call(name, args, { signal: callSignal, timeoutMs, onProgress }) {
      try {
        const result = await client.callTool({ name, arguments: args }, undefined, {
          signal: callSignal,
          timeout: timeoutMs,
          maxTotalTimeout: timeoutMs,
          onprogress: (p) =>
            onProgress({
              progress: p.progress,
              ...(p.total !== undefined && { total: p.total }),
              ...(p.message && { message: p.message }),
            }),
        });
        return { result: result as CallToolResult, messages: wire.take(name) };
      } catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { messages: wire.take(name) });
      }
    },
    close: () => client.close(),
  };
}
