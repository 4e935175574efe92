// The side panels: the conversations list (a drawer below 768 px) and the options panel
// (beside the chat from 1024 px when open, a drawer below). Beside the chat, the options
// panel remembers whether it was open. A drawer has a backdrop; Escape or a tap on it closes the drawer,
// the rest of the page is inert meanwhile, and focus returns to the button that opened it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMedia } from '../ui/useMedia';
import { loadFlag, saveFlag } from './remembered';

const PANEL_KEY = 'bitseek-chat.options-open';

/** As last left; the first time, open where there is room. */
const loadPanelOpen = (): boolean => loadFlag(PANEL_KEY) ?? matchMedia('(min-width: 1280px)').matches;

export interface Drawer {
  open: boolean;
  /** Open and over the page (a narrow screen): the backdrop shows and the rest is inert. */
  over: boolean;
  toggle: (opener?: HTMLElement | null) => void;
  show: () => void;
  close: () => void;
}

/**
 * A panel that sits beside the page from `besideFrom` and is a drawer below it. Beside, it
 * is open as last left (`docked`, remembered where asked); as a drawer it starts closed,
 * so narrowing the window never throws it over the page.
 */
function useDrawer(docked: () => boolean, besideFrom: string, remember?: (open: boolean) => void): Drawer {
  const beside = useMedia(besideFrom);
  const [dockedOpen, setDockedOpen] = useState(docked);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const open = beside ? dockedOpen : drawerOpen;
  const set = useCallback(
    (next: boolean) => {
      if (beside) {
        setDockedOpen(next);
        remember?.(next);
      } else setDrawerOpen(next);
      // Back to the button that opened it, once the drawer is gone.
      if (!next && !beside) requestAnimationFrame(() => opener.current?.focus());
    },
    [beside, remember],
  );
  // The same object until the drawer changes: effects that depend on it run only then.
  return useMemo(
    () => ({
      open,
      over: open && !beside,
      toggle: (from) => {
        opener.current = from ?? null;
        set(!open);
      },
      show: () => set(true),
      close: () => set(false),
    }),
    [open, beside, set],
  );
}

const rememberPanel = (open: boolean) => saveFlag(PANEL_KEY, open);

export function useDrawers() {
  const conversations = useDrawer(() => false, '(min-width: 768px)');
  const options = useDrawer(loadPanelOpen, '(min-width: 1024px)', rememberPanel);
  const over = conversations.over ? conversations : options.over ? options : undefined;

  // Escape closes a drawer over the page (a dialog above it closes first).
  useEffect(() => {
    if (!over) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      over.close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [over]);

  return { conversations, options, over };
}
