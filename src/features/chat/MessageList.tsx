import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { activePath, shapeOf, versionOf } from '../../domain/tree';
import type { Conversation, Message } from '../../domain/types';
import { useChatStore } from '../../store/chatStore';
import { Button } from '../../ui/Button';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { BrokenMessage } from './BrokenMessage';
import { holdOutOfSight } from '../markdown';
import { EmptyState } from './EmptyState';
import { useFollowEnd } from './useFollowEnd';
import { MessageItem } from './MessageItem';
import type { ToolRoundRecord } from '../tools';
import { useT } from '../../i18n/useT';

/** Tool messages are shown on the reply whose calls they answer: reply id → (call id → result). */
function toolResultsByReply(messages: Message[], before: ResultsByReply): ResultsByReply {
  const out = new Map<string, ReadonlyMap<string, string>>();
  let reply: Message | undefined;
  for (const m of messages) {
    if (m.role === 'assistant') reply = m;
    else if (m.role === 'tool' && reply && m.toolCallId) {
      const results = (out.get(reply.id) as Map<string, string> | undefined) ?? new Map<string, string>();
      out.set(reply.id, results.set(m.toolCallId, m.content));
    }
  }
  // The same results as before keep their map: a row given a new one would render again on every streamed frame.
  for (const [id, results] of out) {
    const old = before.get(id);
    if (old && old.size === results.size && [...results].every(([call, text]) => old.get(call) === text)) out.set(id, old);
  }
  return out;
}

type ResultsByReply = ReadonlyMap<string, ReadonlyMap<string, string>>;

type Timelines = ReadonlyMap<string, { key: string; rounds: ToolRoundRecord[] }>;

/**
 * For each reply that went on from tool results, the rounds before it (back to the person's
 * message); one whose rounds did not change keeps its list, so its row does not render again.
 */
function timelinesByReply(path: readonly Message[], before: Timelines): Timelines {
  const out = new Map<string, { key: string; rounds: ToolRoundRecord[] }>();
  let rounds: { reply: Message; answers: Message[] }[] = [];
  path.forEach((m, i) => {
    if (m.role === 'user') rounds = [];
    else if (m.role === 'tool') rounds.at(-1)?.answers.push(m);
    else if (m.role === 'assistant') {
      if (rounds.length && path[i - 1]?.role === 'tool') {
        const key = rounds.map((r) => `${r.reply.id}:${r.answers.map((a) => a.id).join(',')}`).join(';');
        const old = before.get(m.id);
        out.set(m.id, old?.key === key ? old : { key, rounds: rounds.map((r) => ({ ...r, answers: [...r.answers] })) });
      }
      rounds = m.toolCalls?.length ? [...rounds, { reply: m, answers: [] }] : [];
    }
  });
  return out;
}

const NO_MESSAGES: Message[] = [];

/** Where a shown message's versions are: the message, or a hidden tool message just above it that has versions. */
interface Versions {
  /** The message whose siblings are the versions. */
  forkId: string;
  version: number;
  versions: number;
}

/** By the tree's shape (see shapeOf): the versions found for a path through it, with the choices that made the path. */
const knownVersions = new WeakMap<object, { choices: Conversation['activeChildren']; out: Map<string, Versions> }>();

/** Each shown message's versions, by its id, for those with more than one; the same map while the tree's shape and choices are. */
function versionsByMessage(c: Conversation | undefined, path: readonly Message[]): Map<string, Versions> {
  if (!c) return new Map();
  const shape = shapeOf(c.messages);
  const known = knownVersions.get(shape);
  if (known && known.choices === c.activeChildren) return known.out;
  const out = new Map<string, Versions>();
  knownVersions.set(shape, { choices: c.activeChildren, out });
  path.forEach((m, i) => {
    if (m.role === 'tool') return;
    // Up through the tool messages above it, which are not shown: a fork there shows here.
    for (let j = i; j >= 0 && (j === i || path[j]!.role === 'tool'); j--) {
      const [version, versions] = versionOf(c, path[j]!);
      if (versions > 1) return void out.set(m.id, { forkId: path[j]!.id, version, versions });
    }
  });
  return out;
}

const ESTIMATED_HEIGHT = 180;

/**
 * Rows are keyed by the message's parent: a row stays (and keeps focus) as the person switches
 * between versions. The same function while the keys are the same: a new one makes the virtualizer
 * lay out every row again, thousands of them, on every frame of a streaming reply.
 */
function useRowKeys(visible: readonly Message[]): (i: number) => string {
  const last = useRef<{ keys: string[]; get: (i: number) => string }>(undefined);
  const keys = visible.map((m) => m.parentId ?? '');
  if (!last.current || last.current.keys.length !== keys.length || last.current.keys.some((k, i) => k !== keys[i])) {
    last.current = { keys, get: (i) => keys[i] ?? '' };
  }
  return last.current.get;
}

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
  const lastResults = useRef<ResultsByReply>(new Map());
  const results = useMemo(() => (lastResults.current = toolResultsByReply(messages, lastResults.current)), [messages]);
  const versions = useMemo(() => versionsByMessage(conversation, messages), [conversation, messages]);
  const lastTimelines = useRef<Timelines>(new Map());
  const timelines = useMemo(() => (lastTimelines.current = timelinesByReply(messages, lastTimelines.current)), [messages]);
  const getItemKey = useRowKeys(visible);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_HEIGHT,
    // Opened at the end: the first render is of the latest messages, not of the first ones.
    initialOffset: () => visible.length * ESTIMATED_HEIGHT,
    overscan: 4,
    getItemKey,
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
                      forkId={versions.get(m.id)?.forkId ?? m.id}
                      version={versions.get(m.id)?.version ?? 0}
                      versions={versions.get(m.id)?.versions ?? 1}
                      busy={busy}
                      {...(results.has(m.id) ? { toolResults: results.get(m.id)! } : {})}
                      {...(timelines.has(m.id) ? { toolRounds: timelines.get(m.id)!.rounds } : {})}
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
