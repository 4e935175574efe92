import { Plug, RefreshCw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { parseHeaders } from '../../domain/mcpTools';
import { httpUrl } from '../../domain/safeUrl';
import { useSimulatorHere } from '../../store/deployStore';
import { useChatStore } from '../../store/chatStore';
import { allowKey, useMcpStore, type McpServerConfig } from '../../store/mcpStore';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { IconButton } from '../../ui/IconButton';
import { useT } from '../../i18n/useT';

function AddServerDialog({ onClose }: { onClose: () => void }) {
  const all = useT();
  const t = all.mcp;
  const add = useMcpStore((s) => s.add);
  const [url, setUrl] = useState('');
  const [headers, setHeaders] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string>();
  return (
    <Dialog open title={t.add} onClose={onClose}>
      <form
        className="space-y-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          const target = httpUrl(url);
          if (!target) return setProblem(t.badUrl);
          const parsed = parseHeaders(headers);
          if (parsed.bad !== undefined) return setProblem(t.badHeader(parsed.bad));
          add(target, parsed.headers, remember);
          onClose();
        }}
      >
        <Field label={t.url}>
          {(id) => (
            <input
              id={id}
              type="url"
              required
              autoFocus
              value={url}
              placeholder="https://example.com/mcp"
              onChange={(e) => setUrl(e.target.value)}
              className="block w-full rounded-md border border-line bg-surface px-2 py-1.5"
            />
          )}
        </Field>
        <Field label={t.headers} hint={t.headersHint}>
          {(id, hintId) => (
            <textarea
              id={id}
              aria-describedby={hintId}
              rows={3}
              spellCheck={false}
              value={headers}
              placeholder="X-API-Key: …"
              onChange={(e) => setHeaders(e.target.value)}
              className="block w-full rounded-md border border-line bg-surface px-2 py-1.5 font-mono text-xs"
            />
          )}
        </Field>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          {t.rememberHeaders}
        </label>
        {problem && (
          <p role="alert" className="text-danger">
            {problem}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{all.ui.cancel}</Button>
          <Button type="submit" variant="primary">
            {t.connect}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function ServerGroup({ server }: { server: McpServerConfig }) {
  const t = useT().mcp;
  const status = useMcpStore((s) => s.status.get(server.id));
  const alwaysAllowed = useMcpStore((s) => s.alwaysAllowed);
  const activeId = useChatStore((s) => s.activeId);
  const { setEnabled, setToolEnabled, connect, remove, setAlwaysAllowed } = useMcpStore.getState();
  const name = status?.name ?? new URL(server.url).host;
  const state = status?.state ?? 'connecting';
  return (
    <li role="group" aria-label={t.group(name)} className="space-y-1.5 rounded-lg border border-line p-2">
      <div className="flex items-center gap-2">
        <label className="flex min-w-0 flex-1 items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={server.enabled}
            onChange={(e) => setEnabled(server.id, e.target.checked)}
            aria-label={t.useServer(name)}
          />
          <span className="truncate">{name}</span>
        </label>
        <IconButton label={t.reconnect(name)} onClick={() => void connect(server.id)}>
          <RefreshCw aria-hidden="true" size={14} />
        </IconButton>
        <IconButton label={t.remove(name)} onClick={() => remove(server.id)}>
          <Trash2 aria-hidden="true" size={14} />
        </IconButton>
      </div>
      <p className={`text-xs ${state === 'failed' ? 'text-danger' : 'text-ink-muted'}`} aria-live="polite">
        {state === 'connected' ? t.connected(status!.tools.length) : state === 'failed' ? t.failed(status?.error ?? '') : t.connecting}
      </p>
      {state === 'connected' && (
        <ul className="space-y-1">
          {status!.tools.map((tool) => (
            <li key={tool.name} className="text-xs">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={!server.disabledTools.includes(tool.name)}
                  onChange={(e) => setToolEnabled(server.id, tool.name, e.target.checked)}
                />
                <span className="font-mono">{t.use(tool.name)}</span>
              </label>
              {tool.description && <p className="ml-6 line-clamp-2 text-ink-muted">{tool.description}</p>}
              {[undefined, activeId].map((conversation) =>
                alwaysAllowed.includes(allowKey(server.id, tool.name, conversation)) ? (
                  <p key={conversation ?? ''} className="ml-6 flex items-center gap-1 text-ink-muted">
                    {conversation ? t.runsWithoutAskingHere : t.runsWithoutAsking}
                    <Button size="sm" variant="ghost" onClick={() => setAlwaysAllowed(server.id, tool.name, false, conversation)}>
                      {t.askAgain(tool.name)}
                    </Button>
                  </p>
                ) : null,
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** MCP servers: added by URL, their state and tools, a switch for each; their tools join the request's. */
export function McpServers() {
  const t = useT().mcp;
  const servers = useMcpStore((s) => s.servers);
  const [adding, setAdding] = useState(false);
  const simulator = useSimulatorHere();
  const simulatorTools = `${location.origin}/mcp`;
  return (
    <section aria-labelledby="mcp-heading" className="space-y-2">
      <div className="flex items-center justify-between">
        <h3 id="mcp-heading" className="text-sm font-semibold">
          {t.heading}
        </h3>
        <Button size="sm" onClick={() => setAdding(true)}>
          <Plug aria-hidden="true" size={14} />
          {t.add}
        </Button>
      </div>
      {servers.length === 0 ? <p className="text-xs text-ink-muted">{t.none}</p> : null}
      {simulator && !servers.some((s) => s.url === simulatorTools) && (
        <Button size="sm" variant="ghost" onClick={() => useMcpStore.getState().add(simulatorTools, {}, false)}>
          {t.addSimulator}
        </Button>
      )}
      <ul className="space-y-2">
        {servers.map((s) => (
          <ServerGroup key={s.id} server={s} />
        ))}
      </ul>
      {adding && <AddServerDialog onClose={() => setAdding(false)} />}
    </section>
  );
}
