// MCP servers the person added: kept on this device (their headers only when asked, like the
// API key), connected at start, and their tools offered to the model beside the Tools JSON.
import { create } from 'zustand';
import { connectMcp, type McpCallOutcome, type McpProgress, type McpSession, type McpToolInfo, type McpWireMessage } from '../api/mcp';
import { asDefinition, openAiName } from '../domain/mcpTools';
import type { ToolDefinition } from '../domain/tools';

export interface McpServerConfig {
  id: string;
  url: string;
  enabled: boolean;
  /** Tools switched off, by their own names. */
  disabledTools: string[];
  rememberHeaders: boolean;
  /** Stored only with rememberHeaders; otherwise in this tab's memory (headersInMemory). */
  headers?: Record<string, string>;
}

export interface ServerStatus {
  state: 'connecting' | 'connected' | 'failed';
  name?: string;
  tools: McpToolInfo[];
  error?: string;
}

/** An MCP tool as offered in a request: its name there, and where it runs. */
export interface OfferedTool {
  name: string;
  serverId: string;
  serverName: string;
  tool: McpToolInfo;
  definition: ToolDefinition;
}

interface McpState {
  servers: McpServerConfig[];
  status: ReadonlyMap<string, ServerStatus>;
  /** Tools run without asking: `serverId tool` everywhere, `serverId tool conversationId` in one conversation. */
  alwaysAllowed: string[];
  add(url: string, headers: Record<string, string>, rememberHeaders: boolean): string;
  remove(id: string): void;
  setEnabled(id: string, on: boolean): void;
  setToolEnabled(id: string, tool: string, on: boolean): void;
  connect(id: string): Promise<void>;
  connectAll(): void;
  /** Runs a tool without asking, everywhere or (with a conversation id) in that conversation; or asks again. */
  setAlwaysAllowed(serverId: string, tool: string, on: boolean, conversationId?: string): void;
}

const STORAGE_KEY = 'bitseek-chat.mcp';
/** The longest a tool call may take before it is given up, and the model told so. */
const MCP_CALL_TIMEOUT_MS = 60_000;
const CONNECT_TIMEOUT_MS = 15_000;

const sessions = new Map<string, McpSession>();
/** Headers not remembered on this device, by server: this tab's memory only. */
const headersInMemory = new Map<string, Record<string, string>>();

function dropSession(id: string): void {
  void sessions
    .get(id)
    ?.close()
    .catch(() => undefined);
  sessions.delete(id);
}

function load(): Pick<McpState, 'servers' | 'alwaysAllowed'> {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<McpState>;
    const servers = Array.isArray(stored.servers)
      ? stored.servers.filter((s): s is McpServerConfig => typeof s?.id === 'string' && typeof s.url === 'string')
      : [];
    const alwaysAllowed = Array.isArray(stored.alwaysAllowed) ? stored.alwaysAllowed.filter((k) => typeof k === 'string') : [];
    return { servers: servers.map((s) => ({ ...s, disabledTools: Array.isArray(s.disabledTools) ? s.disabledTools : [] })), alwaysAllowed };
  } catch {
    return { servers: [], alwaysAllowed: [] };
  }
}

function save({ servers, alwaysAllowed }: Pick<McpState, 'servers' | 'alwaysAllowed'>): void {
  try {
    const kept = servers.map(({ headers, ...s }) => (s.rememberHeaders && headers ? { ...s, headers } : s));
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ servers: kept, alwaysAllowed }));
  } catch {
    // not remembered this time
  }
}

/** A tool's entry in alwaysAllowed: everywhere, or (with a conversation id) in that conversation. */
export const allowKey = (serverId: string, tool: string, conversationId?: string): string =>
  conversationId ? `${serverId} ${tool} ${conversationId}` : `${serverId} ${tool}`;

export const useMcpStore = create<McpState>()((set, get) => {
  const setStatus = (id: string, status: ServerStatus) => set((s) => ({ status: new Map(s.status).set(id, status) }));
  const update = (fn: (s: McpState) => Partial<McpState>) => {
    set(fn);
    save(get());
  };
  return {
    ...load(),
    status: new Map(),

    add(url, headers, rememberHeaders) {
      const id = `mcp-${crypto.randomUUID()}`;
      const server: McpServerConfig = { id, url, enabled: true, disabledTools: [], rememberHeaders, ...(rememberHeaders && { headers }) };
      headersInMemory.set(id, headers);
      update((s) => ({ servers: [...s.servers, server] }));
      void get().connect(id);
      return id;
    },

    remove(id) {
      dropSession(id);
      headersInMemory.delete(id);
      update((s) => ({
        servers: s.servers.filter((x) => x.id !== id),
        alwaysAllowed: s.alwaysAllowed.filter((k) => !k.startsWith(`${id} `)),
      }));
      const status = new Map(get().status);
      status.delete(id);
      set({ status });
    },

    setEnabled(id, on) {
      update((s) => ({ servers: s.servers.map((x) => (x.id === id ? { ...x, enabled: on } : x)) }));
    },

    setToolEnabled(id, tool, on) {
      update((s) => ({
        servers: s.servers.map((x) =>
          x.id === id
            ? { ...x, disabledTools: on ? x.disabledTools.filter((t) => t !== tool) : [...new Set([...x.disabledTools, tool])] }
            : x,
        ),
      }));
    },

    async connect(id) {
      const server = get().servers.find((s) => s.id === id);
      if (!server) return;
      const previous = get().status.get(id);
      setStatus(id, { state: 'connecting', tools: previous?.tools ?? [] });
      dropSession(id);
      try {
        const headers = server.headers ?? headersInMemory.get(id) ?? {};
        const connecting = connectMcp(server.url, headers);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const gaveUp = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            // Given up on: a session that opens later is closed.
            connecting.then(
              (late) => late.close(),
              () => undefined,
            );
            reject(new Error('timed out'));
          }, CONNECT_TIMEOUT_MS);
        });
        const session = await Promise.race([connecting, gaveUp]).finally(() => clearTimeout(timer));
        if (!get().servers.some((s) => s.id === id)) return void session.close();
        sessions.set(id, session);
        setStatus(id, { state: 'connected', name: session.serverName, tools: session.tools });
      } catch (error) {
        setStatus(id, { state: 'failed', tools: [], error: describe(error) });
      }
    },

    connectAll() {
      for (const s of get().servers) if (s.enabled && !get().status.has(s.id)) void get().connect(s.id);
    },

    setAlwaysAllowed(serverId, tool, on, conversationId) {
      const key = allowKey(serverId, tool, conversationId);
      update((s) => ({ alwaysAllowed: on ? [...new Set([...s.alwaysAllowed, key])] : s.alwaysAllowed.filter((k) => k !== key) }));
    },
  };
});

/** Why a connection or call failed, in a line. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/Failed to fetch|NetworkError|Load failed/i.test(text)) return 'unreachable (or it does not allow this origin: CORS)';
  if (/TimeoutError|timed out|aborted/i.test(text)) return 'no answer in time';
  return text.slice(0, 300);
}

/** The MCP tools offered in the next request: of enabled, connected servers, each name unique beside `taken` (the Tools JSON's). */
export function offeredTools(taken: readonly string[] = []): OfferedTool[] {
  const { servers, status } = useMcpStore.getState();
  const names = new Set(taken);
  const out: OfferedTool[] = [];
  for (const server of servers) {
    const live = status.get(server.id);
    if (!server.enabled || live?.state !== 'connected') continue;
    for (const tool of live.tools) {
      if (server.disabledTools.includes(tool.name)) continue;
      const name = openAiName(tool.name, names);
      names.add(name);
      out.push({ name, serverId: server.id, serverName: live.name ?? server.url, tool, definition: asDefinition(name, tool) });
    }
  }
  return out;
}

/** Whether a tool runs without asking, in this conversation. */
export function isAlwaysAllowed(t: OfferedTool, conversationId: string): boolean {
  const allowed = useMcpStore.getState().alwaysAllowed;
  return allowed.includes(allowKey(t.serverId, t.tool.name)) || allowed.includes(allowKey(t.serverId, t.tool.name, conversationId));
}

/** Runs one call on its server; a failure comes back as an error result, for the model to read. */
export async function runMcpTool(
  t: OfferedTool,
  args: Record<string, unknown>,
  signal: AbortSignal,
  onProgress: (p: McpProgress) => void,
): Promise<McpCallOutcome> {
  const failed = (text: string, messages: McpWireMessage[] = []): McpCallOutcome => ({
    result: { isError: true, content: [{ type: 'text', text }] },
    messages,
  });
  const session = sessions.get(t.serverId);
  if (!session) return failed(`The server ${t.serverName} is not connected.`);
  try {
    return await session.call(t.tool.name, args, { signal, timeoutMs: MCP_CALL_TIMEOUT_MS, onProgress });
  } catch (error) {
    const messages = (error as { messages?: McpWireMessage[] }).messages ?? [];
    if (signal.aborted) return failed('Cancelled by the user.', messages);
    // The session is gone (the server restarted, say): connected again for the next call.
    if (/session|404|closed/i.test(String(error))) void useMcpStore.getState().connect(t.serverId);
    if (/timed? ?out/i.test(String(error)))
      return failed(`No result within ${MCP_CALL_TIMEOUT_MS / 1000} s: the call was given up.`, messages);
    return failed(`The call failed: ${describe(error)}`, messages);
  }
}
