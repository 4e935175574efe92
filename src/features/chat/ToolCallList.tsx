import type { ToolCall } from '../../domain/types';

/** The tool calls of a reply, each a labelled group; names and arguments are only ever text. */
export function ToolCallList({ calls, streaming }: { calls: ToolCall[]; streaming: boolean }) {
  return (
    <div className="mt-3 space-y-2">
      {calls.map((call) => (
        <div
          key={call.index}
          role="group"
          aria-label={`Tool call: ${call.name || 'unnamed'}`}
          className="rounded-lg border border-line bg-surface-raised px-3 py-2 text-sm"
        >
          <div className="flex flex-wrap items-baseline gap-x-3 font-mono text-xs text-ink-muted">
            <span className="font-semibold text-ink">{call.name || '…'}</span>
            <span>{call.id}</span>
            <span>{streaming ? 'streaming' : 'complete'}</span>
          </div>
          <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all font-mono text-xs">{call.arguments || ' '}</pre>
        </div>
      ))}
    </div>
  );
}
