import type { ToolCall } from '../../domain/types';
import { MAX_TOOL_CALLS } from '../../store/replyAccumulator';
import { useT } from '../../i18n/useT';
import { ToolCallCard } from './ToolCallCard';
import type { McpCall } from './useToolRound';

/** Calls after the first this many start collapsed, to their names and ids: a long list is scanned before it is read. */
const OPEN_CALLS = 10;

/**
 * A reply's tool calls, as cards: at most MAX_TOOL_CALLS of them (a reply streamed here
 * keeps no more; one imported or saved before may have more), and a note when there are more.
 */
export function ToolCallList({
  calls,
  streaming,
  results,
  mcp,
}: {
  calls: ToolCall[];
  streaming: boolean;
  results?: ReadonlyMap<string, string>;
  /** The MCP calls among them, by call id. */
  mcp?: ReadonlyMap<string, McpCall>;
}) {
  const t = useT().tools;
  const shown = calls.length > MAX_TOOL_CALLS ? calls.slice(0, MAX_TOOL_CALLS) : calls;
  return (
    <div className="mt-3 space-y-2">
      {shown.map((call, i) => (
        <ToolCallCard
          key={call.index}
          call={call}
          streaming={streaming}
          initiallyOpen={i < OPEN_CALLS}
          {...(results?.has(call.id) ? { result: results.get(call.id)! } : {})}
          {...(mcp?.has(call.id) ? { mcp: mcp.get(call.id)! } : {})}
        />
      ))}
      {shown.length < calls.length && <p className="text-sm text-ink-muted">{t.callsNotShown(calls.length, shown.length)}</p>}
    </div>
  );
}
