import { useMemo, useState } from 'react';
import { useChatStore } from '../../store/chatStore';
import { Button } from '../../ui/Button';

/** Saved conversations, newest activity first, filtered by title and text. */
export function Sidebar() {
  const [query, setQuery] = useState('');
  const activeId = useChatStore((s) => s.activeId);
  const newChat = useChatStore((s) => s.newChat);
  const select = useChatStore((s) => s.select);
  const remove = useChatStore((s) => s.remove);
  const conversations = useChatStore((s) => s.conversations);
  const sorted = useMemo(() => {
    const q = query.trim().toLowerCase();
    return Object.values(conversations)
      .filter((c) => c.messages.length > 0)
      .filter((c) => !q || c.title.toLowerCase().includes(q) || c.messages.some((m) => m.content.toLowerCase().includes(q)))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }, [conversations, query]);

  return (
    <nav aria-label="Conversations" className="flex h-full flex-col gap-3 border-r border-line bg-surface-raised p-3">
      <Button variant="primary" onClick={newChat}>
        New chat
      </Button>
      <input
        type="search"
        aria-label="Search conversations"
        placeholder="Search conversations"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm"
      />
      <ul className="-mx-1 flex-1 space-y-0.5 overflow-y-auto">
        {sorted.map((r) => (
          <li key={r.id} className="group flex items-center gap-1">
            <button
              type="button"
              aria-current={r.id === activeId ? 'page' : undefined}
              onClick={() => select(r.id)}
              className={`min-w-0 flex-1 truncate rounded-md px-2 py-1.5 text-left text-sm ${
                r.id === activeId ? 'bg-accent/15 font-medium text-ink' : 'text-ink-muted hover:bg-surface-sunken hover:text-ink'
              }`}
            >
              {r.title}
            </button>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Delete conversation ${r.title}`}
              className="opacity-0 group-hover:opacity-100 focus-visible:opacity-100"
              onClick={() => remove(r.id)}
            >
              ×
            </Button>
          </li>
        ))}
        {sorted.length === 0 && <li className="px-2 py-1.5 text-sm text-ink-muted">{query ? 'No conversation matches.' : 'No saved conversations yet.'}</li>}
      </ul>
    </nav>
  );
}
