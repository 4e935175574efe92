import { useState } from 'react';
import type { Conversation } from '../../domain/types';
import { useChatStore } from '../../store/chatStore';
import { MoreHorizontal, Pin } from 'lucide-react';
import { Menu } from '../../ui/Menu';
import { toast } from '../../ui/toastStore';
import { useI18n } from '../../i18n/useT';
import { displayTitle } from './displayTitle';
import { exportConversation } from './exporting';
import { foundMessage } from './searchIndex';

/** One saved conversation: open it (on the branch a search found, `query`), pin, rename or delete it (with undo). */
export function ConversationRow({ conversation: c, active, query }: { conversation: Conversation; active: boolean; query?: string }) {
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
        className="h-8 w-full pointer-coarse:h-11 rounded-md border border-accent bg-surface px-2 text-sm"
      />
    );
  }
  return (
    <div className="group flex h-8 items-center gap-0.5 pointer-coarse:h-11">
      <button
        type="button"
        aria-current={active ? 'page' : undefined}
        onClick={() => select(c.id, query ? foundMessage(c, query) : undefined)}
        title={`${title}\n${t.conversations.lastActive(f.dateTime(c.updatedAt))}`}
        className={`h-full min-w-0 flex-1 truncate rounded-md px-2 text-left text-sm ${
          active ? 'bg-accent/15 font-medium text-ink' : 'text-ink-muted hover:bg-surface-sunken hover:text-ink'
        }`}
      >
        {c.pinned && <Pin aria-label={t.conversations.pinned} role="img" size={12} className="mr-1 inline -translate-y-px" />}
        {title}
      </button>
      <Menu
        label={t.conversations.actions}
        icon={<MoreHorizontal aria-hidden="true" size={16} />}
        className="grid h-8 w-8 shrink-0 pointer-coarse:h-11 pointer-coarse:w-11 place-items-center rounded-md text-ink-muted hover:bg-surface-sunken hover:text-ink pointer-fine:opacity-0 pointer-fine:focus:opacity-100 pointer-fine:group-hover:opacity-100"
        items={[
          { label: c.pinned ? t.conversations.unpin : t.conversations.pin, onSelect: () => togglePin(c.id) },
          { label: t.conversations.rename, onSelect: () => setRenaming(true) },
          { label: t.conversations.exportOne, onSelect: () => exportConversation(t, c, 'json') },
          {
            label: t.conversations.delete,
            danger: true,
            onSelect: () => {
              const gone = remove(c.id);
              if (gone) toast(t.conversations.deleted(title), { label: t.conversations.undo, run: () => restore(gone) });
            },
          },
        ]}
      />
    </div>
  );
}
