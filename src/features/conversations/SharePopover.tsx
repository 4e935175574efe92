import { Share2 } from 'lucide-react';
import { useId } from 'react';
import { useT } from '../../i18n/useT';
import { CopyButton } from '../../ui/CopyButton';
import { linkFor } from './links';

/**
 * Share: a popover with the id sent as X-Conversation-Id (read-only, selectable) and
 * buttons that copy it or its /c/ID link. The browser's popover: Escape and a click
 * outside close it, and it sits above everything.
 */
export function SharePopover({ id }: { id: string }) {
  const t = useT();
  const popoverId = useId();
  const fieldId = useId();
  return (
    <>
      <button
        type="button"
        popoverTarget={popoverId}
        title={t.conversations.share}
        className="inline-flex h-9 items-center pointer-coarse:h-11 gap-1.5 rounded-md px-2.5 text-sm text-ink-muted hover:bg-surface-sunken hover:text-ink"
      >
        <Share2 aria-hidden="true" size={16} />
        <span className="sr-only sm:not-sr-only">{t.conversations.share}</span>
      </button>
      <div
        id={popoverId}
        popover="auto"
        aria-label={t.conversations.share}
        role="dialog"
        onToggle={(e) => {
          if ((e.nativeEvent as ToggleEvent).newState === 'open') document.getElementById(fieldId)?.focus();
        }}
        className="fixed inset-auto right-4 top-14 m-0 w-80 max-w-[calc(100vw-2rem)] space-y-2 rounded-lg border border-line bg-surface-raised p-3 text-ink shadow-xl"
      >
        <label htmlFor={fieldId} className="block text-xs text-ink-muted">
          {t.conversations.id}
        </label>
        <input
          id={fieldId}
          readOnly
          value={id}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full rounded border border-line bg-surface px-2 py-1 font-mono text-xs"
        />
        <p className="text-2xs text-ink-muted">{t.conversations.idHint}</p>
        <div className="flex gap-2">
          <CopyButton size="sm" label={t.conversations.copyId} idleText={t.conversations.copyId} text={() => id} />
          <CopyButton size="sm" label={t.conversations.copyLink} idleText={t.conversations.copyLink} text={() => linkFor(id)} />
        </div>
      </div>
    </>
  );
}
