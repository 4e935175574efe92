import { linkFor } from './links';
import { CopyButton } from '../../ui/CopyButton';

/** The id sent as X-Conversation-Id: read-only, selectable, copyable, linkable. */
export function ConversationIdField({ id }: { id: string }) {
  return (
    <div className="flex min-w-0 items-center gap-1">
      <label htmlFor="conversation-id" className="shrink-0 text-xs text-ink-muted">
        Conversation ID
      </label>
      <input
        id="conversation-id"
        readOnly
        value={id}
        onFocus={(e) => e.currentTarget.select()}
        className="w-48 min-w-0 truncate rounded border border-line bg-surface-raised px-2 py-0.5 font-mono text-xs lg:w-72"
      />
      <CopyButton variant="ghost" size="sm" label="Copy conversation ID" text={() => id} />
      <CopyButton variant="ghost" size="sm" label="Copy link" text={() => linkFor(id)} idleText="Link" />
    </div>
  );
}
