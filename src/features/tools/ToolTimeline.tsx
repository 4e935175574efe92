import { memo } from 'react';
import type { Message } from '../../domain/types';
import { useI18n } from '../../i18n/useT';

/** One round of a reply's loop: the reply that asked for tools, and the answers it got. */
export interface ToolRoundRecord {
  reply: Message;
  answers: readonly Message[];
}

/**
 * The rounds of tools a reply continued from, compact: round → calls (where each ran, how long,
 * how it ended) → continued; each call opens to its arguments and result.
 */
export const ToolTimeline = memo(function ToolTimeline({ rounds }: { rounds: readonly ToolRoundRecord[] }) {
  const { t: all, f } = useI18n();
  const t = all.mcp;
  const calls = rounds.reduce((n, r) => n + (r.reply.toolCalls?.length ?? 0), 0);
  return (
    <details className="mb-2 rounded-md border border-line bg-surface-raised px-3 py-1.5 text-xs">
      <summary className="cursor-pointer select-none text-ink-muted">{t.usedTools(rounds.length, calls)}</summary>
      <ol aria-label={t.roundsList} className="mt-1.5 space-y-1.5">
        {rounds.map((round, r) => (
          <li key={round.reply.id}>
            <p className="font-semibold text-ink-muted">{t.roundN(r + 1)}</p>
            <ul className="ml-3 space-y-0.5">
              {(round.reply.toolCalls ?? []).map((call) => {
                const answer = round.answers.find((a) => a.toolCallId === call.id);
                const run = answer?.toolRun;
                const outcome = run ? t.outcome[run.outcome] : t.outcome.byHand;
                return (
                  <li key={call.id || call.index}>
                    <details>
                      <summary className="cursor-pointer">
                        <span className="font-mono">{call.name}</span>
                        {run && <span className="text-ink-muted"> · {run.server}</span>}
                        {run && run.outcome !== 'declined' && (
                          <span className="text-ink-muted"> · {all.inspector.ms(f.number(run.ms))}</span>
                        )}
                        <span className={run?.outcome === 'error' ? 'text-danger' : 'text-ink-muted'}> · {outcome}</span>
                      </summary>
                      <p className="mt-1 font-semibold text-ink-muted">{t.argumentsLabel}</p>
                      <pre className="max-h-32 overflow-auto whitespace-pre-wrap break-all font-mono">{call.arguments}</pre>
                      <p className="mt-1 font-semibold text-ink-muted">{t.resultLabel}</p>
                      <pre className="max-h-32 overflow-auto whitespace-pre-wrap break-all font-mono">{answer?.content ?? '—'}</pre>
                    </details>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
});
