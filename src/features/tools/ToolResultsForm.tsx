import { useId, useState } from 'react';
import type { ToolCall } from '../../domain/types';
import { useChatStore } from '../../store/chatStore';
import { MAX_TOOL_CALLS } from '../../store/replyAccumulator';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n/useT';
import type { ToolRound } from './useToolRound';

/**
 * Under a reply that asked for tools: a result per call answered by hand, sent back in the
 * standard OpenAI form with the MCP calls' results (`round`), once those are in.
 */
export function ToolResultsForm({
  messageId,
  calls,
  busy,
  round,
}: {
  messageId: string;
  calls: ToolCall[];
  busy: boolean;
  round: ToolRound;
}) {
  const all = useT();
  const t = all.tools;
  const byHand = calls.filter((call) => !round.mcp.has(call.id));
  const [results, setResults] = useState<ReadonlyMap<string, string>>(new Map());
  const sendToolResults = useChatStore((s) => s.sendToolResults);
  const hintId = useId();
  return (
    <form
      className="mt-3 space-y-2 rounded-lg border border-dashed border-line p-3"
      onSubmit={(e) => {
        e.preventDefault();
        sendToolResults(messageId, new Map([...(round.results ?? []), ...results]), round.runs);
      }}
    >
      {round.capped !== undefined && <p className="text-xs text-warn">{all.mcp.roundCap(round.capped)}</p>}
      {byHand.length > 0 && (
        <p id={hintId} className="text-xs text-ink-muted">
          {t.answerHint}
        </p>
      )}
      {byHand.slice(0, MAX_TOOL_CALLS).map((call) => (
        <label key={call.id || call.index} className="block text-xs font-medium">
          {t.resultFor(call.name, call.id)}
          <textarea
            aria-describedby={hintId}
            rows={2}
            value={results.get(call.id) ?? ''}
            onChange={(e) => setResults((r) => new Map(r).set(call.id, e.target.value))}
            className="mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1 font-mono text-xs"
          />
        </label>
      ))}
      <Button type="submit" variant="primary" size="sm" disabled={busy || (round.mcp.size > 0 && !round.results)}>
        {byHand.length ? t.sendResults : all.mcp.sendResults}
      </Button>
    </form>
  );
}
