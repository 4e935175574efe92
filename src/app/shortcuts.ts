import { useEffect } from 'react';
import type { Messages } from '../i18n';
import { COMPOSER_ID } from '../features/chat';
import { WEB_SEARCH_SHORTCUT_LABEL } from '../features/web-search';
import { useChatStore } from '../store/chatStore';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const MOD = isMac ? '⌘' : 'Ctrl';

/** Every shortcut the app has, as the shortcuts dialog lists them. */
export const SHORTCUTS: { keys: string; what: keyof Messages['keys'] }[] = [
  { keys: 'Enter', what: 'send' },
  { keys: 'Shift+Enter', what: 'newline' },
  { keys: 'Escape', what: 'stop' },
  { keys: `${MOD}+K`, what: 'search' },
  { keys: `${MOD}+Shift+O`, what: 'newChat' },
  { keys: '/', what: 'focusComposer' },
  { keys: WEB_SEARCH_SHORTCUT_LABEL, what: 'toggleSearch' },
  { keys: '?', what: 'help' },
  { keys: 'Escape', what: 'closeDialog' },
];

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

const focusComposer = () => document.getElementById(COMPOSER_ID)?.focus();

/** Ctrl/⌘+K searches, Ctrl/⌘+Shift+O starts a new chat, / writes, ? lists the shortcuts. */
export function useGlobalShortcuts({ onSearch, onHelp }: { onSearch: () => void; onHelp: () => void }): void {
  const newChat = useChatStore((s) => s.newChat);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return; // an open dialog has the keyboard
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.shiftKey && !e.altKey && e.code === 'KeyK') {
        e.preventDefault();
        onSearch();
      } else if (mod && e.shiftKey && !e.altKey && e.code === 'KeyO') {
        e.preventDefault();
        newChat();
      } else if (!mod && !e.altKey && !isTyping(e.target)) {
        if (e.key === '/') {
          e.preventDefault();
          focusComposer();
        } else if (e.key === '?') {
          e.preventDefault();
          onHelp();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [newChat, onSearch, onHelp]);
}
