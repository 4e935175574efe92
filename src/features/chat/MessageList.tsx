import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { activePath, versionsOf } from '../../domain/tree';
import type { Conversation, Message } from '../../domain/types';
import { useChatStore } from '../../store/chatStore';
import { Button } from '../../ui/Button';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { BrokenMessage } from './BrokenMessage';
import { holdOutOfSight } from '../markdown';
import { EmptyState } from './EmptyState';
import { useFollowEnd } from './useFollowEnd';
import { MessageItem } from './MessageItem';
import { useT } from '../../i18n/useT';

/** Tool messages are shown on the reply whose calls they answer: reply id → (call id → result). */
function toolResultsByReply(messages: Message[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let reply: Message | undefined;
  for (const m of messages) {
    if (m.role === 'assistant') reply = m;
    else if (m.role === 'tool' && reply && m.toolCallId) {
      let results = out.get(reply.id);
      if (!results) out.set(reply.id, (results = new Map()));
      results.set(m.toolCallId, m.content);
    }
  }
  return out;
}

const NO_MESSAGES: Message[] = [];

/** Each shown message's place among its versions, by id: [index, count], for those with more than one. */
function versionsByMessage(c: Conversation | undefined, shown: readonly Message[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  if (!c) return out;
  for (const m of shown) {
    const versions = versionsOf(c, m);
    if (versions.length > 1) out.set(m.id, [versions.indexOf(m), versions.length]);
  }
  return out;
}

const ESTIMATED_HEIGHT = 180;

/**
 * The conversation's messages, virtualized (a 1,000-message conversation renders
 * only what is on screen); follows the stream unless the person scrolled up.
 * Mounted once per conversation (keyed by its id), so that it opens at the end.
 */
export function MessageList() {
  const t = useT();
  const conversation = useChatStore((s) => s.conversations.get(s.activeId));
  const messages = conversation ? activePath(conversation) : NO_MESSAGES;
  const busy = useChatStore((s) => s.streaming.has(s.activeId));
  const resumed = useChatStore((s) => !!s.conversations.get(s.activeId)?.resumed);
  const scroller = useRef<HTMLDivElement>(null);
  const { pinned, follow, toEnd, props: followProps } = useFollowEnd(scroller, '[data-rows]');

  const visible = useMemo(() => messages.filter((m) => m.role === 'user' || m.role === 'assistant'), [messages]);
  const results = useMemo(() => toolResultsByReply(messages), [messages]);
  const versions = useMemo(() => versionsByMessage(conversation, visible), [conversation, visible]);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_HEIGHT,
    // Opened at the end: the first render is of the latest messages, not of the first ones.
    initialOffset: () => visible.length * ESTIMATED_HEIGHT,
    overscan: 4,
    // By the message's parent: a row stays (and keeps focus) as the person switches between versions.
    getItemKey: (i) => visible[i]!.parentId ?? '',
  });

  // While it follows the end, the list alone moves the view: the virtualizer's own
  // adjustment for a row that grew above the view (a long reply, measured after it grew
  // past the view) aims at an offset that is stale by then, and pulls the view up.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = pinned ? () => false : undefined;

  // While a reply streams in at the end, what is out of sight is parsed when the person comes to it.
  useEffect(() => (pinned && busy && scroller.current ? holdOutOfSight(scroller.current) : undefined), [pinned, busy]);

  // Follow the stream: after every update (and every re-measure), stay at the end.
  const total = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    if (visible.length) toEnd();
  }, [messages, pinned, total, visible.length, toEnd]);

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      {resumed && (
        <p role="note" className="mx-4 mt-3 rounded-md border border-line bg-surface-raised px-3 py-2 text-xs text-ink-muted">
          {t.chat.resumedNote}
        </p>
      )}
      <div
        ref={scroller}
        role="log"
        aria-label={t.chat.messages}
        // Announced once per finished reply, not per token.
        aria-live="off"
        tabIndex={0}
        {...followProps}
        className="min-h-0 flex-1 overflow-y-auto px-4 py-6"
      >
        {visible.length === 0 && !resumed && <EmptyState />}
        {visible.length > 0 && (
          <div data-rows className="relative mx-auto max-w-reading" style={{ height: total }}>
            {virtualizer.getVirtualItems().map((row) => {
              const m = visible[row.index]!;
              return (
                <div
                  key={row.key}
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  className="absolute left-0 right-0 top-0 flex flex-col pb-6"
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  <ErrorBoundary resetKey={m} fallback={(error) => <BrokenMessage message={m} error={error} />}>
                    <MessageItem
                      message={m}
                      isLast={row.index === visible.length - 1}
                      version={versions.get(m.id)?.[0] ?? 0}
                      versions={versions.get(m.id)?.[1] ?? 1}
                      busy={busy}
                      {...(results.has(m.id) ? { toolResults: results.get(m.id)! } : {})}
                    />
                  </ErrorBoundary>
                </div>
              );
            })}
          </div>
        )}
      </div>
      {!pinned && (
        <Button size="sm" className="absolute bottom-3 left-1/2 -translate-x-1/2 shadow" onClick={follow}>
          {t.chat.jumpToLatest}
        </Button>
      )}
    </div>
  );
}
