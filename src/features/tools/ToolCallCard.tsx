import { lazy, Suspense, useMemo, useState } from 'react';
import { MAX_ARGUMENT_DEPTH, readArguments } from '../../domain/partialJson';
import type { ToolCall } from '../../domain/types';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { JsonTree } from './JsonTree';
import type { McpCall } from './useToolRound';
import { useT } from '../../i18n/useT';

// Loaded with the first MCP call.
const McpCallPanel = lazy(() => import('./McpCallPanel').then((m) => ({ default: m.McpCallPanel })));

const STATUS_STYLE = {
  streaming: 'border-accent/40 text-accent',
  complete: 'border-line text-ink-muted',
  invalid: 'border-danger/40 text-danger',
} as const;

/** Characters of arguments shown as text; Copy arguments copies them all. */
const RAW_CHARS = 20_000;

/** Arguments as the text received, the start of it when long. */
function RawArguments({ raw }: { raw: string }) {
  const t = useT().tools;
  return (
    <>
      <pre className="whitespace-pre-wrap break-all">{raw.length > RAW_CHARS ? raw.slice(0, RAW_CHARS) : raw}</pre>
      {raw.length > RAW_CHARS && <p className="mt-1 font-sans text-ink-muted">{t.moreCharacters(raw.length - RAW_CHARS)}</p>}
    </>
  );
}

/** One tool call: its name, id and arguments growing live, then final; collapsible and copyable. */
export function ToolCallCard({
  call,
  streaming,
  result,
  mcp,
  initiallyOpen = true,
}: {
  call: ToolCall;
  streaming: boolean;
  result?: string;
  /** An MCP call: its approval, run and result, on this card. */
  mcp?: McpCall;
  initiallyOpen?: boolean;
}) {
  const t = useT().tools;
  const [open, setOpen] = useState(initiallyOpen);
  const view = useMemo(() => readArguments(call.arguments, streaming), [call.arguments, streaming]);
  const name = call.name || t.unnamed;
  const status = view.status === 'unread' ? (view.streaming ? 'streaming' : 'complete') : view.status;
  const bodyId = `tool-call-${call.id || call.index}`;
  return (
    <div role="group" aria-label={t.callGroup(name)} className="rounded-lg border border-line bg-surface-raised text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
        <span className="font-mono font-semibold">{name}</span>
        <span className="font-mono text-2xs text-ink-muted">{call.id || t.noIdYet}</span>
        <span className={`rounded-full border px-2 text-2xs ${STATUS_STYLE[status]}`}>{t.status[status]}</span>
        <span className="flex-1" />
        <CopyButton variant="ghost" size="sm" label={t.copyArguments} text={() => call.arguments} />
        <Button variant="ghost" size="sm" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
          {open ? t.collapse : t.expand}
        </Button>
      </div>
      {open && (
        <div id={bodyId} className="border-t border-line px-3 py-2 font-mono text-xs">
          {view.status === 'invalid' ? (
            <>
              <p className="mb-1 font-sans text-danger">{t.invalidArguments}</p>
              <RawArguments raw={view.raw} />
            </>
          ) : view.status === 'unread' && view.why === 'long' && view.streaming ? (
            // Not copied out on every update: the text is shown once it is complete.
            <p className="font-sans text-ink-muted">{t.argumentsArriving(view.raw.length)}</p>
          ) : view.status === 'unread' ? (
            <>
              <p className="mb-1 font-sans text-ink-muted">
                {view.why === 'deep' ? t.argumentsTooDeep(MAX_ARGUMENT_DEPTH) : t.argumentsTooLong(view.raw.length)}
              </p>
              <RawArguments raw={view.raw} />
            </>
          ) : view.value === undefined ? (
            <p className="text-ink-muted">{t.waitingArguments}</p>
          ) : (
            <JsonTree value={view.value} />
          )}
          {result !== undefined && !mcp && (
            <div className="mt-2 border-t border-line pt-2">
              <p className="font-sans text-2xs font-semibold uppercase tracking-wide text-ink-muted">{t.resultSent}</p>
              <pre className="whitespace-pre-wrap break-all">{result || t.emptyResult}</pre>
            </div>
          )}
        </div>
      )}
      {mcp && (
        <Suspense fallback={null}>
          <McpCallPanel call={mcp} />
        </Suspense>
      )}
    </div>
  );
}
