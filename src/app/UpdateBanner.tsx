import { create } from 'zustand';
import { useT } from '../i18n/useT';
import { useChatStore } from '../store/chatStore';
import { Button } from '../ui/Button';
import { whenIdle } from '../ui/idle';

/** A new version is installed and waiting: `apply` reloads into it. */
const useUpdate = create<{ apply?: () => void }>()(() => ({}));

/**
 * Registers the service worker at idle (see installable in vite.config.ts), off the first
 * screen's path. A new version never takes over on its own: the banner asks.
 */
export function watchForUpdates(
  register: () => Promise<typeof import('virtual:pwa-register')> = () => import('virtual:pwa-register'),
): void {
  if (!('serviceWorker' in navigator)) return;
  whenIdle(() => {
    void register().then(({ registerSW }) => {
      const update = registerSW({ onNeedRefresh: () => useUpdate.setState({ apply: () => void update(true) }) });
    });
  });
}

/** "Update available — Reload": the person chooses when, and never while a reply streams. */
export function UpdateBanner() {
  const t = useT().app;
  const apply = useUpdate((s) => s.apply);
  const streaming = useChatStore((s) => s.streaming.size > 0);
  if (!apply) return null;
  return (
    <div role="status" className="flex items-center justify-center gap-3 border-b border-line bg-surface-sunken px-4 py-1.5 text-xs">
      <span>{t.updateAvailable}</span>
      <Button size="sm" disabled={streaming} title={streaming ? t.reloadAfterReply : undefined} onClick={apply}>
        {t.reload}
      </Button>
      {streaming && <span className="text-ink-muted">{t.reloadAfterReply}</span>}
    </div>
  );
}
