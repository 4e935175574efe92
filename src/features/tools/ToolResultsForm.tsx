import { useId, useState } from 'react';
import type { ToolCall } from '../../domain/types';
import { useChatStore } from '../../store/chatStore';
import { MAX_TOOL_CALLS } from '../../store/replyAccumulator';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n/useT';

/** Under a reply that asked for tools: a result per call, sent back in the standard OpenAI form. */
export function ToolResultsForm({ messageId, calls, busy }: { messageId: string; calls: ToolCall[]; busy: boolean }) {
  const t = useT().tools;
  const [results, setResults] = useState<ReadonlyMap<string, string>>(new Map());
  const sendToolResults = useChatStore((s) => s.sendToolResults);
  const hintId = useId();
  return (
    <form
      className="mt-3 space-y-2 rounded-lg border border-dashed border-line p-3"
      onSubmit={(e) => {
        e.preventDefault();
        sendToolResults(messageId, results);
      }}
    >
      <p id={hintId} className="text-xs text-ink-muted">
        {t.answerHint}
      </p>
      {calls.slice(0, MAX_TOOL_CALLS).map((call) => (
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
      <Button type="submit" variant="primary" size="sm" disabled={busy}>
        {t.sendResults}
      </Button>
    </form>
  );
}
