import { useEffect } from 'react';
import { pathFor, routeConversationId } from '../features/conversations';
import { useChatStore } from '../store/chatStore';
import { currentT } from '../i18n/useT';
import { toast } from '../ui/toastStore';

/** Says so when a link named a conversation id that cannot be one. */
export function reportBadRoute(pathname: string): void {
  if (pathname.startsWith('/c/') && !routeConversationId(pathname)) {
    toast(currentT().app.badRoute);
  }
}

/** The URL follows the open conversation; back and forward open the one they name. */
export function useRouteSync(): void {
  const activeId = useChatStore((s) => s.activeId);
  const open = useChatStore((s) => s.open);

  useEffect(() => {
    if (!activeId) return;
    const path = pathFor(activeId);
    if (location.pathname === path) return;
    // The first URL of a visit (`/`, a bad link) is replaced; moving between conversations adds history.
    if (routeConversationId(location.pathname)) history.pushState(null, '', path);
    else history.replaceState(null, '', path);
  }, [activeId]);

  useEffect(() => {
    const onPop = () => {
      const id = routeConversationId(location.pathname);
      if (id) open(id);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [open]);
}
