import { CircleHelp, PanelLeft, Settings, SlidersHorizontal } from 'lucide-react';
import { SharePopover } from '../features/conversations';
import { useT } from '../i18n/useT';
import { Button } from '../ui/Button';
import { IconButton } from '../ui/IconButton';
import type { Drawer } from './drawers';
import { ModelPicker } from './ModelPicker';

/** The conversation's title on one line, and what acts on it: share, options, shortcuts, settings. */
export function Header(props: {
  title: string;
  id: string;
  conversations: Drawer;
  options: Drawer;
  onHelp: () => void;
  onSettings: () => void;
}) {
  const t = useT();
  const { title, id, conversations, options } = props;
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-line px-3">
      <Button
        variant="ghost"
        className="md:hidden"
        aria-expanded={conversations.open}
        aria-controls="conversations-panel"
        onClick={(e) => conversations.toggle(e.currentTarget)}
      >
        <PanelLeft aria-hidden="true" size={18} />
        <span className="sr-only sm:not-sr-only">{t.app.conversations}</span>
      </Button>
      <h1 title={title} className="min-w-0 flex-1 truncate text-sm font-semibold">
        {title}
      </h1>
      <ModelPicker />
      <SharePopover id={id} />
      <Button
        variant="ghost"
        aria-expanded={options.open}
        aria-controls="side-panel"
        title={t.app.options}
        onClick={(e) => options.toggle(e.currentTarget)}
      >
        <SlidersHorizontal aria-hidden="true" size={16} />
        <span className="sr-only sm:not-sr-only">{t.app.options}</span>
      </Button>
      <IconButton size="md" label={t.app.shortcuts} onClick={props.onHelp}>
        <CircleHelp aria-hidden="true" size={18} />
      </IconButton>
      <IconButton size="md" label={t.app.settings} onClick={props.onSettings}>
        <Settings aria-hidden="true" size={18} />
      </IconButton>
    </header>
  );
}
