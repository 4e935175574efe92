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

export interface McpSession {
  /** The server's own name for itself, as it said in its handshake. */
  serverName: string;
  tools: McpToolInfo[];
  call(
    name: string,
    args: Record<string, unknown>,
    options: { signal: AbortSignal; timeoutMs: number; onProgress(p: McpProgress): void },
  ): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** Connects, and lists the server's tools. The headers go to this server alone: each request is made to its URL. */
export async function connectMcp(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<McpSession> {
  const [{ Client }, { StreamableHTTPClientTransport }, { SSEClientTransport }, { CfWorkerJsonSchemaValidator }] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
    import('@modelcontextprotocol/sdk/client/sse.js'),
    import('@modelcontextprotocol/sdk/validation/cfworker'),
  ]);
  const target = new URL(url);
  const requestInit: RequestInit = { headers, credentials: 'omit', ...(signal && { signal }) };
  // The SDK's default validator (Ajv) compiles schemas with eval, which the app's CSP forbids.
  const newClient = () =>
    new Client({ name: 'bitseek-chat', version: '1.0.0' }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  let client = newClient();
  try {
    await client.connect(new StreamableHTTPClientTransport(target, { requestInit }));
  } catch (streamable) {
    // A 4xx other than "no such method" says the server is there but refuses: no fallback hides that.
    if (/\b(401|403)\b/.test(String(streamable))) throw streamable;
    client = newClient();
    try {
      await client.connect(new SSEClientTransport(target, { requestInit }));
    } catch {
      throw streamable;
    }
  }
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
      const result = await client.callTool({ name, arguments: args }, undefined, {
        signal: callSignal,
        timeout: timeoutMs,
        maxTotalTimeout: timeoutMs,
        onprogress: (p) =>
          onProgress({ progress: p.progress, ...(p.total !== undefined && { total: p.total }), ...(p.message && { message: p.message }) }),
      });
      return result as CallToolResult;
    },
    close: () => client.close(),
  };
}
