import type { ReactNode } from 'react';
import { toCurl } from '../../api/redact';
import type { Message } from '../../domain/types';
import { charsPerSecond, eventsJsonl, traceOf } from '../../store/traceStore';
import { Button } from '../../ui/Button';
import { download } from '../../ui/download';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { EventList } from './EventList';

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

const ms = (v: number | undefined) => (v === undefined ? '—' : `${v} ms`);

/** What went over the wire for one reply: request, response, every raw event, timings. */
export default function StreamInspector({ message, onClose }: { message: Message; onClose: () => void }) {
  const trace = traceOf(message.id);
  const m = message.metrics;
  const rate = m && charsPerSecond(m);
  return (
    <Dialog open title="Stream inspector" onClose={onClose} wide>
      <div className="space-y-5 text-sm">
        <section aria-label="Summary">
          <dl className="space-y-1">
            <Fact term="Stream id">{message.streamId ?? '—'}</Fact>
            <Fact term="Status">{message.status ?? '—'}</Fact>
            <Fact term="Finish reason">{message.finishReason ?? '—'}</Fact>
            <Fact term="Usage">
              {message.usage ? `${message.usage.promptTokens ?? '?'} prompt + ${message.usage.completionTokens ?? '?'} completion = ${message.usage.totalTokens ?? '?'} tokens` : 'not sent'}
            </Fact>
            <Fact term="Time to first byte">{ms(m?.firstByteMs)}</Fact>
            <Fact term="Time to first token">{ms(m?.firstTokenMs)}</Fact>
            <Fact term="Total">{m ? ms(m.totalMs) : message.status === 'streaming' ? 'streaming…' : '—'}</Fact>
            <Fact term="Events">{trace?.events.length ?? m?.events ?? '—'}</Fact>
            <Fact term="Characters per second">{rate ?? '—'}</Fact>
          </dl>
        </section>
        {trace?.request ? (
          <>
            <section aria-label="Request" className="space-y-2">
              <h3 className="font-semibold">Request</h3>
              <Fact term="POST">{trace.request.url}</Fact>
              <HeaderTable headers={trace.request.headers} />
              <pre className="max-h-60 overflow-auto rounded-md border border-line bg-surface-sunken p-2 text-2xs">{JSON.stringify(trace.request.body, null, 2)}</pre>
              <div className="flex gap-2">
                <CopyButton size="sm" label="Copy as cURL" text={() => toCurl(trace.request!)} />
                <Button
                  size="sm"
                  disabled={trace.events.length === 0}
                  onClick={() => download(`${message.streamId ?? message.id}.jsonl`.replace(/[^\w.-]+/g, '_'), eventsJsonl(trace), 'application/jsonl')}
                >
                  Download events (.jsonl)
                </Button>
              </div>
            </section>
            <section aria-label="Response" className="space-y-2">
              <h3 className="font-semibold">Response {trace.response ? `— HTTP ${trace.response.status}` : '(no response yet)'}</h3>
              {trace.response && <HeaderTable headers={trace.response.headers} />}
            </section>
            <section aria-label="Events" className="space-y-2">
              <h3 className="font-semibold">Raw events ({trace.events.length})</h3>
              <EventList events={trace.events} />
            </section>
          </>
        ) : (
          <p className="text-ink-muted">
            The raw stream is kept only in the tab where the reply streamed, until it is closed; the timings above were saved with the reply.
          </p>
        )}
      </div>
    </Dialog>
  );
}
