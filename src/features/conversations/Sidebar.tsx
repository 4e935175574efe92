import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { byPinThenActivity } from '../../domain/conversation';
import { withGroupHeadings } from '../../domain/dateGroups';
import { useT } from '../../i18n/useT';
import { useChatStore, type Conversations } from '../../store/chatStore';
import { Button } from '../../ui/Button';
import { ConversationRow } from './ConversationRow';
import { DataActions } from './DataActions';
import { searchConversations, warmSearchIndex } from './searchIndex';

/** A row's height: a finger's reach on a touch screen. */
const ROW = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches ? 44 : 34;

let keyedMap: Conversations | undefined;
let key = '';
/** What the list shows of the conversations, as one string; computed once per version of the map. */
function listKeyOf(conversations: Conversations): string {
  if (conversations !== keyedMap) {
    keyedMap = conversations;
    key = '';
    for (const c of conversations.values())
      key += `${c.id}\u0000${c.title}\u0000${c.updatedAt}\u0000${c.pinned ? 1 : 0}\u0000${c.messages.length}\u0001`;
  }
  return key;
}
export const ResumeDialog = lazy(() => import('./ResumeDialog'));

/** The search box's id: Ctrl/⌘+K focuses it. */
export const SEARCH_BOX_ID = 'conversation-search';

/** Saved conversations, pinned then newest activity first; searchable by title and text; virtualized. */
export function Sidebar({ onClose }: { onClose?: () => void }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [resumeOpen, setResumeOpen] = useState(false);
  const deferredQuery = useDeferredValue(query);
  const activeId = useChatStore((s) => s.activeId);
  const newChat = useChatStore((s) => s.newChat);
  // Re-sorted only when a title, pin or activity time changes, not on every streamed frame.
  const listKey = useChatStore((s) => listKeyOf(s.conversations));
  const sorted = useMemo(
    () => [...useChatStore.getState().conversations.values()].filter((c) => c.messages.length > 0 || c.resumed).sort(byPinThenActivity),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- listKey stands for the conversations' list
    [listKey],
  );
  const shown = useMemo(() => searchConversations(sorted, deferredQuery), [sorted, deferredQuery]);
  // Grouped by date (pinned first) while browsing; search results come as ranked.
  const rows = useMemo(
    () => (deferredQuery ? shown.map((conversation) => ({ conversation })) : withGroupHeadings(shown)),
    [shown, deferredQuery],
  );
  useEffect(() => warmSearchIndex(sorted), [sorted]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 10,
  });

  return (
    <nav aria-label={t.app.conversations} className="flex h-full flex-col gap-2 border-r border-line bg-surface-raised p-3">
      {onClose && (
        <Button size="sm" variant="ghost" className="self-end md:hidden" onClick={onClose}>
          {t.app.closeConversations}
        </Button>
      )}
      <Button variant="primary" onClick={newChat}>
        {t.conversations.newChat}
      </Button>
      <Button onClick={() => setResumeOpen(true)}>{t.conversations.resume}</Button>
      <input
        id={SEARCH_BOX_ID}
        type="search"
        aria-label={t.conversations.search}
        aria-keyshortcuts="Control+K Meta+K"
        placeholder={t.conversations.search}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm"
      />
      <div ref={scroller} data-search={deferredQuery} className="-mx-1 min-h-0 flex-1 overflow-y-auto px-1">
        {shown.length === 0 ? (
          <p className="px-2 py-1.5 text-sm text-ink-muted">{query ? t.conversations.noMatch : t.conversations.none}</p>
        ) : (
          <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              if ('heading' in row) {
                return (
                  <li
                    key={`#${row.heading}`}
                    className="absolute left-0 right-0 flex items-end px-2 pb-1"
                    style={{ top: item.start, height: ROW }}
                  >
                    <h2 className="text-2xs font-semibold uppercase tracking-wide text-ink-muted">{t.conversations.groups[row.heading]}</h2>
                  </li>
                );
              }
              const c = row.conversation;
              return (
                <li key={c.id} className="absolute left-0 right-0" style={{ top: item.start, height: ROW }}>
                  <ConversationRow conversation={c} active={c.id === activeId} {...(deferredQuery && { query: deferredQuery })} />
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <DataActions />
      {resumeOpen && (
        <Suspense fallback={null}>
          <ResumeDialog open onClose={() => setResumeOpen(false)} />
        </Suspense>
      )}
    </nav>
  );
}
