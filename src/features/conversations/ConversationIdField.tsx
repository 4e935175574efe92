import { linkFor } from './links';
import { CopyButton } from '../../ui/CopyButton';
import { useT } from '../../i18n/useT';

/** The id sent as X-Conversation-Id: read-only, selectable, copyable, linkable. */
export function ConversationIdField({ id, className = '' }: { id: string; className?: string }) {
  const t = useT();
  return (
    <div className={`flex min-w-0 items-center gap-1 ${className}`}>
      <label htmlFor="conversation-id" className="shrink-0 text-xs text-ink-muted">
        {t.conversations.id}
      </label>
      <input
        id="conversation-id"
        readOnly
        value={id}
        onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1 truncate sm:w-40 sm:flex-none rounded border border-line bg-surface-raised px-2 py-0.5 font-mono text-xs 2xl:w-72"
      />
      <CopyButton variant="ghost" size="sm" label={t.conversations.copyId} text={() => id} />
      <CopyButton variant="ghost" size="sm" label={t.conversations.copyLink} text={() => linkFor(id)} idleText={t.conversations.link} />
    </div>
  );
}
