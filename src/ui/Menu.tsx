import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

/**
 * A button that opens a menu of actions: the browser's popover (Escape and a click
 * outside close it; focus goes back to the button), with the arrow keys, Home and End
 * moving between items.
 */
export function Menu({ label, icon, items, className = '' }: { label: string; icon: ReactNode; items: MenuItem[]; className?: string }) {
  const id = useId();
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const entries = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const onKeyDown = (e: KeyboardEvent) => {
    const all = entries();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    all[(next + all.length) % all.length]?.focus();
  };
  return (
    <>
      <button ref={button} type="button" popoverTarget={id} aria-haspopup="menu" aria-label={label} title={label} className={className}>
        {icon}
      </button>
      <div
        ref={menu}
        id={id}
        popover="auto"
        role="menu"
        aria-label={label}
        onKeyDown={onKeyDown}
        onToggle={(e) => {
          if ((e.nativeEvent as ToggleEvent).newState !== 'open') return;
          // Beside its button, and the first item focused.
          const box = button.current?.getBoundingClientRect();
          if (box && menu.current) {
            const height = menu.current.offsetHeight;
            // Below its button, or above it where there is no room below (a button at the foot of a panel).
            menu.current.style.top = `${box.bottom + 4 + height + 8 > innerHeight ? Math.max(8, box.top - height - 4) : box.bottom + 4}px`;
            menu.current.style.left = `${Math.max(8, Math.min(box.right - menu.current.offsetWidth, innerWidth - menu.current.offsetWidth - 8))}px`;
          }
          entries()[0]?.focus();
        }}
        className="fixed inset-auto m-0 min-w-40 rounded-lg border border-line bg-surface-raised p-1 text-sm text-ink shadow-xl"
      >
        {items.map((item) => (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              menu.current?.hidePopover();
              item.onSelect();
            }}
            className={`block w-full rounded-md px-3 py-1.5 text-left hover:bg-surface-sunken focus:bg-surface-sunken focus:outline-none ${item.danger ? 'text-danger' : ''}`}
          >
            {item.label}
          </button>
        ))}
      </div>
    </>
  );
}
