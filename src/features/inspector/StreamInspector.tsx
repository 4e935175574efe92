import { useEffect, useState, type ReactNode } from 'react';
import { toCurl } from '../../api';
import type { Message } from '../../domain/types';
import { charsPerSecond, eventsJsonl, readTrace, traceOf, type Trace } from '../../store/traces';
import { Button } from '../../ui/Button';
import { download } from '../../ui/download';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { EventList } from './EventList';
import { useI18n } from '../../i18n/useT';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-40 shrink-0 text-ink-muted">{term}</dt>
      <dd className="min-w-0 break-all font-mono text-xs">{children}</dd>
    </div>
  );
}

function HeaderTable({ headers }: { headers: Record<string, string> }) {
  return (
    <dl className="space-y-0.5 text-xs">
      {Object.entries(headers).map(([k, v]) => (
        <Fact key={k} term={k}>
          {v}
        </Fact>
      ))}
    </dl>
  );
}

/** A reply's trace: this tab's, followed live, or what was stored with it; `undefined` while that is read, `null` if none. */
function useTrace(messageId: string): Trace | null | undefined {
  const live = traceOf(messageId);
  const [stored, setStored] = useState<{ messageId: string; trace: Trace | null }>();
  useEffect(() => {
    if (live) return;
    let current = true;
    void readTrace(messageId).then((trace) => current && setStored({ messageId, trace: trace ?? null }));
    return () => void (current = false);
  }, [messageId, live]);
  return live ?? (stored?.messageId === messageId ? stored.trace : undefined);
}

/** What went over the wire for one reply: request, response, every raw event, timings. */
export default function StreamInspector({ message, onClose }: { message: Message; onClose: () => void }) {
  const { t: all, f } = useI18n();
  const t = all.inspector;
  const ms = (v: number | undefined) => (v === undefined ? '—' : t.ms(f.number(v)));
  const count = (v: number | undefined) => (v === undefined ? '?' : f.number(v));
  const trace = useTrace(message.id);
  const m = message.metrics;
  const rate = m && charsPerSecond(m);
  return (
    <Dialog open title={t.title} onClose={onClose} wide>
      <div className="space-y-5 text-sm">
        <section aria-label={t.summary}>
          <dl className="space-y-1">
            <Fact term={t.streamId}>{message.streamId ?? '—'}</Fact>
            <Fact term={t.status}>{message.status ?? '—'}</Fact>
            <Fact term={t.finishReason}>{message.finishReason ?? '—'}</Fact>
            <Fact term={t.usage}>
              {message.usage
                ? t.usageValue(count(message.usage.promptTokens), count(message.usage.completionTokens), count(message.usage.totalTokens))
                : t.notSent}
            </Fact>
            <Fact term={t.firstByte}>{ms(m?.firstByteMs)}</Fact>
            <Fact term={t.firstToken}>{ms(m?.firstTokenMs)}</Fact>
            <Fact term={t.total}>{m ? ms(m.totalMs) : message.status === 'streaming' ? t.streaming : '—'}</Fact>
            <Fact term={t.events}>{count(trace?.total ?? trace?.raw.length ?? m?.events)}</Fact>
            <Fact term={t.charsPerSecond}>{rate ? f.number(rate) : '—'}</Fact>
            {message.toolsOffered && <Fact term={all.mcp.toolsOffered}>{message.toolsOffered.join(', ')}</Fact>}
          </dl>
        </section>
        {trace?.request ? (
          <>
            <section aria-label={t.request} className="space-y-2">
              <h3 className="font-semibold">{t.request}</h3>
              <dl>
                <Fact term="POST">{trace.request.url}</Fact>
              </dl>
              <HeaderTable headers={trace.request.headers} />
              <pre tabIndex={0} className="max-h-60 overflow-auto rounded-md border border-line bg-surface-sunken p-2 text-2xs">
                {JSON.stringify(trace.request.body, null, 2)}
              </pre>
              <div className="flex gap-2">
                <CopyButton size="sm" label={t.copyCurl} text={() => toCurl(trace.request!)} />
                <Button
                  size="sm"
                  disabled={trace.raw.length === 0}
                  onClick={() =>
                    download(`${message.streamId ?? message.id}.jsonl`.replace(/[^\w.-]+/g, '_'), eventsJsonl(trace), 'application/jsonl')
                  }
                >
                  {t.downloadEvents}
                </Button>
              </div>
            </section>
            <section aria-label={t.response} className="space-y-2">
              <h3 className="font-semibold">{trace.response ? t.responseStatus(trace.response.status) : t.noResponse}</h3>
              {trace.response && <HeaderTable headers={trace.response.headers} />}
            </section>
            {trace.mcp && trace.mcp.size > 0 && (
              <section aria-label={all.mcp.mcpCalls} className="space-y-2">
                <h3 className="font-semibold">{all.mcp.mcpCalls}</h3>
                {[...trace.mcp].map(([callId, messages]) => (
                  <details key={callId}>
                    <summary className="cursor-pointer font-mono text-xs">
                      {callId} · {all.mcp.wireMessages(messages.length)}
                    </summary>
                    <pre tabIndex={0} className="max-h-60 overflow-auto rounded-md border border-line bg-surface-sunken p-2 text-2xs">
                      {messages.map((m) => `${m.direction === 'sent' ? '→' : '←'} +${m.at} ms ${JSON.stringify(m.message)}`).join('\n')}
                    </pre>
                  </details>
                ))}
              </section>
            )}
            <section aria-label={t.events} className="space-y-2">
              <h3 className="font-semibold">
                {trace.total ? t.rawEventsKept(f.number(trace.raw.length), f.number(trace.total)) : t.rawEvents(f.number(trace.raw.length))}
              </h3>
              <EventList raw={trace.raw} />
            </section>
          </>
        ) : (
          trace === null && <p className="text-ink-muted">{t.notKept}</p>
        )}
      </div>
    </Dialog>
  );
}
