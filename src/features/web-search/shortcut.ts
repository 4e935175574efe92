import { useEffect } from 'react';
import { useChatStore, webSearchOf } from '../../store/chatStore';

export const WEB_SEARCH_SHORTCUT_LABEL = 'Alt+Shift+W';

/** Alt+Shift+W turns web search on or off (by key code, so macOS's Option characters do not matter). */
export function useWebSearchShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyW')) return;
      e.preventDefault();
      const { conversations, activeId, setWebSearch } = useChatStore.getState();
      setWebSearch({ enabled: !webSearchOf(conversations.get(activeId)).enabled });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
