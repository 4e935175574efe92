import { useEffect, useState } from 'react';
import { safeLinkUrl } from '../../domain/safeUrl';
import { Button } from '../../ui/Button';
import { download } from '../../ui/download';
import { useI18n } from '../../i18n/useT';
import { JsonTree } from './JsonTree';
import type { McpCall } from './useToolRound';

/** A resource link from a result: a link only when its address is safe, else its name as text. */
function ResultLink({ uri, name }: { uri: string; name: string }) {
  const href = safeLinkUrl(uri);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" className="text-accent underline">
      {name}
    </a>
  ) : (
    <p>{name}</p>
  );
}

/** Seconds since `started`, ticking while shown. */
function Elapsed({ started }: { started: number }) {
  const { t, f } = useI18n();
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return <>{t.mcp.running(f.number(Math.max(0, (now - started) / 1000)))}</>;
}

/**
 * An MCP call on its card: what it is and where it runs; waiting for Run, Deny or Always
 * allow; running (elapsed time, progress, Cancel); or its result, rendered as data: text as
 * text, JSON as a tree, raster images only, links only when safe.
 */
export function McpCallPanel({ call }: { call: McpCall }) {
  const { t: all, f } = useI18n();
  const t = all.mcp;
  const { state } = call;
  // Always allow is for this conversation unless the person widens it.
  const [everywhere, setEverywhere] = useState(false);
  return (
    <div className="space-y-2 border-t border-line px-3 py-2 text-xs">
      <p className="text-ink-muted">{t.on(call.tool.tool.name, call.tool.serverName)}</p>
      {state.kind === 'waiting' && (
        <>
          <p>{t.waiting}</p>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="primary" onClick={call.run}>
              {t.run}
            </Button>
            <Button size="sm" onClick={call.deny}>
              {t.deny}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => call.alwaysAllow(everywhere)}>
              {t.alwaysAllow}
            </Button>
            <label className="flex items-center gap-1.5 text-ink-muted">
              <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} />
              {t.everywhere}
            </label>
          </div>
        </>
      )}
      {state.kind === 'running' && (
        <div className="flex flex-wrap items-center gap-3" aria-live="polite">
          <span>
            <Elapsed started={state.started} />
          </span>
          {state.progress && (
            <>
              <progress
                max={state.progress.total ?? undefined}
                value={state.progress.progress}
                aria-label={t.progress(f.number(state.progress.progress), '', '')}
                className="h-1.5 w-28"
              />
              <span>
                {t.progress(
                  f.number(state.progress.progress),
                  state.progress.total !== undefined ? f.number(state.progress.total) : '',
                  state.progress.message ?? '',
                )}
              </span>
            </>
          )}
          <Button size="sm" onClick={call.cancel}>
            {t.cancel}
          </Button>
        </div>
      )}
      {state.kind === 'declined' && <p className="text-ink-muted">{t.declined}</p>}
      {state.kind === 'done' && (
        <div className="space-y-1.5">
          <p className={`font-semibold ${state.isError ? 'text-danger' : 'text-ink-muted'}`}>
            {state.isError ? t.errorResult(f.number(state.ms)) : t.result(f.number(state.ms))}
          </p>
          {state.whole !== undefined && (
            <p className="flex flex-wrap items-center gap-2">
              {t.truncated}
              <Button size="sm" onClick={() => download(`${call.tool.tool.name}-result.json`, state.whole!, 'application/json')}>
                {t.downloadResult}
              </Button>
            </p>
          )}
          {state.messages.length > 0 && (
            <details>
              <summary className="cursor-pointer text-ink-muted">{t.wireMessages(state.messages.length)}</summary>
              <ol className="mt-1 space-y-1">
                {state.messages.map((m, i) => (
                  <li key={i} className="font-mono">
                    <span className="text-ink-muted">
                      {m.direction === 'sent' ? '→' : '←'} +{f.number(m.at)} ms
                    </span>
                    <pre className="max-h-40 overflow-auto whitespace-pre-wrap break-all">{JSON.stringify(m.message, null, 2)}</pre>
                  </li>
                ))}
              </ol>
            </details>
          )}
          {state.parts.map((part, i) =>
            part.kind === 'text' ? (
              <pre key={i} className="max-h-60 overflow-auto whitespace-pre-wrap break-all font-mono">
                {part.text}
              </pre>
            ) : part.kind === 'json' ? (
              <div key={i} className="font-mono">
                <JsonTree value={part.value} />
              </div>
            ) : part.kind === 'image' ? (
              <img key={i} src={part.src} alt={t.image} className="max-h-48 max-w-full rounded border border-line" />
            ) : part.kind === 'link' ? (
              <ResultLink key={i} uri={part.uri} name={part.name} />
            ) : (
              <p key={i} className="text-ink-muted">
                {t.otherPart(part.type)}
              </p>
            ),
          )}
        </div>
      )}
    </div>
  );
}
