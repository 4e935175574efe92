import { useState } from 'react';
import type { Conversation } from '../../domain/types';
import { useChatStore } from '../../store/chatStore';
import { Button } from '../../ui/Button';
import { toast } from '../../ui/toastStore';
import { useI18n } from '../../i18n/useT';
import { displayTitle } from './displayTitle';

/** One saved conversation: open it, pin, rename or delete it (with undo). */
export function ConversationRow({ conversation: c, active }: { conversation: Conversation; active: boolean }) {
  const { t, f } = useI18n();
  const title = displayTitle(t, c);
  const [renaming, setRenaming] = useState(false);
  const select = useChatStore((s) => s.select);
  const rename = useChatStore((s) => s.rename);
  const togglePin = useChatStore((s) => s.togglePin);
  const remove = useChatStore((s) => s.remove);
  const restore = useChatStore((s) => s.restore);

  if (renaming) {
    return (
      <input
        aria-label={t.conversations.renameField}
        autoFocus
        defaultValue={title}
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            rename(c.id, e.currentTarget.value);
            setRenaming(false);
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setRenaming(false);
          }
        }}
        onBlur={(e) => {
          rename(c.id, e.currentTarget.value);
          setRenaming(false);
        }}
        className="h-8 w-full rounded-md border border-accent bg-surface px-2 text-sm"
      />
    );
  }
  return (
    <div className="group flex h-8 items-center gap-0.5">
      <button
        type="button"
        aria-current={active ? 'page' : undefined}
        onClick={() => select(c.id)}
        title={`${title}\n${t.conversations.lastActive(f.dateTime(c.updatedAt))}`}
        className={`h-full min-w-0 flex-1 truncate rounded-md px-2 text-left text-sm ${
          active ? 'bg-accent/15 font-medium text-ink' : 'text-ink-muted hover:bg-surface-sunken hover:text-ink'
        }`}
      >
        {c.pinned && <span aria-label={t.conversations.pinned}>📌 </span>}
        {title}
      </button>
      <div className="hidden shrink-0 group-focus-within:flex group-hover:flex">
        <Button
          variant="ghost"
          size="sm"
          aria-label={c.pinned ? t.conversations.unpinNamed(title) : t.conversations.pinNamed(title)}
          onClick={() => togglePin(c.id)}
        >
          {c.pinned ? t.conversations.unpin : t.conversations.pin}
        </Button>
        <Button variant="ghost" size="sm" aria-label={t.conversations.renameNamed(title)} onClick={() => setRenaming(true)}>
          {t.conversations.rename}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          aria-label={t.conversations.deleteNamed(title)}
          onClick={() => {
            const gone = remove(c.id);
            if (gone) toast(t.conversations.deleted(title), { label: t.conversations.undo, run: () => restore(gone) });
          }}
        >
          ×
        </Button>
      </div>
    </div>
  );
}
