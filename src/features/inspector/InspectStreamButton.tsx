import { Activity } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { useChatStore } from '../../store/chatStore';
import { IconButton } from '../../ui/IconButton';
import { useT } from '../../i18n/useT';
// The inspector (and its virtualized list) loads when first opened.
const StreamInspector = lazy(() => import('./StreamInspector'));

/** Opens the stream inspector for one reply; it follows the stream live while open. */
export function InspectStreamButton({ messageId }: { messageId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const message = useChatStore((s) => (open ? s.conversations.get(s.activeId)?.messages.find((m) => m.id === messageId) : undefined));
  return (
    <>
      <IconButton label={t.inspector.open} onClick={() => setOpen(true)}>
        <Activity aria-hidden="true" size={16} />
      </IconButton>
      {open && message && (
        <Suspense fallback={null}>
          <StreamInspector message={message} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
