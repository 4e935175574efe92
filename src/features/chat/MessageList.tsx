import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Message } from '../../domain/types';
import { useChatStore } from '../../store/chatStore';
import { Button } from '../../ui/Button';
import { EmptyState } from './EmptyState';
import { MessageItem } from './MessageItem';

/** Tool messages are shown on the reply whose calls they answer: reply id → (call id → result). */
function toolResultsByReply(messages: Message[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  let reply: Message | undefined;
  for (const m of messages) {
    if (m.role === 'assistant') reply = m;
    else if (m.role === 'tool' && reply && m.toolCallId) out.set(reply.id, { ...out.get(reply.id), [m.toolCallId]: m.content });
  }
  return out;
}

/** The conversation's messages; follows the stream unless the person scrolled up. */
export function MessageList() {
  const messages = useChatStore((s) => s.conversations[s.activeId]?.messages);
  const busy = useChatStore((s) => !!s.streaming[s.activeId]);
  const activeId = useChatStore((s) => s.activeId);
  const resumed = useChatStore((s) => !!s.conversations[s.activeId]?.resumed);
  const scroller = useRef<HTMLDivElement>(null);
  const [pinned, setPinned] = useState(true);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned) el.scrollTop = el.scrollHeight;
  }, [messages, pinned]);

  useEffect(() => setPinned(true), [activeId]);

  const visible = (messages ?? []).filter((m) => m.role === 'user' || m.role === 'assistant');
  const results = useMemo(() => toolResultsByReply(messages ?? []), [messages]);
  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scroller}
        role="log"
        aria-label="Messages"
        // Announced once per finished reply by ReplyAnnouncer, not per token.
        aria-live="off"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          setPinned(el.scrollHeight - el.scrollTop - el.clientHeight < 48);
        }}
        className="h-full overflow-y-auto px-4 py-6"
      >
        {resumed && (
          <p role="note" className="mx-auto mb-4 max-w-reading rounded-md border border-line bg-surface-raised px-3 py-2 text-xs text-ink-muted">
            Resumed — earlier turns live on the server. Every request carries this conversation’s id, so Bitseek continues from them.
          </p>
        )}
        {visible.length === 0 && !resumed ? (
          <EmptyState />
        ) : visible.length === 0 ? null : (
          <div className="mx-auto flex max-w-reading flex-col gap-6">
            {visible.map((m, i) => (
              <MessageItem
                key={m.id}
                message={m}
                isLast={i === visible.length - 1}
                following={visible.length - 1 - i}
                busy={busy}
                {...(results.has(m.id) ? { toolResults: results.get(m.id)! } : {})}
              />
            ))}
          </div>
        )}
      </div>
      {!pinned && (
        <Button
          size="sm"
          className="absolute bottom-3 left-1/2 -translate-x-1/2 shadow"
          onClick={() => setPinned(true)}
        >
          Jump to latest
        </Button>
      )}
    </div>
  );
}
