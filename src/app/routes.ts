import { useEffect } from 'react';
import { pathFor, routeConversationId } from '../features/conversations';
import { useChatStore } from '../store/chatStore';
import { currentT } from '../i18n/useT';
import { toast } from '../ui/toastStore';

let reported = false;

/** Says so (once a page) when a link named a conversation id that cannot be one. */
export function reportBadRoute(pathname: string): void {
  if (reported || !pathname.startsWith('/c/') || routeConversationId(pathname)) return;
  reported = true;
  toast(currentT().app.badRoute);
}

/**
 * The URL follows the open conversation; back and forward open the one they name. An id
 * not stored here goes to `onUnknown`: binding it is the person's choice, never the link's.
 */
export function useRouteSync(onUnknown: (id: string) => void): void {
  const activeId = useChatStore((s) => s.activeId);
  const select = useChatStore((s) => s.select);

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
      if (!id) return;
      if (useChatStore.getState().conversations.has(id)) select(id);
      else onUnknown(id);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [select, onUnknown]);
}
