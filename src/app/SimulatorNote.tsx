import { X } from 'lucide-react';
import { useState } from 'react';
import { useT } from '../i18n/useT';
import { useSimulatorHere } from '../store/deployStore';
import { Template } from '../ui/Template';
import { loadFlag, saveFlag } from './remembered';

const DISMISSED_KEY = 'bitseek-chat.simulator-note-dismissed';

/**
 * One line saying replies come from the local simulator (it said so: see deployStore),
 * with Bitseek one click away. Dismissed, it stays dismissed on this device.
 */
export function SimulatorNote({ onConnect }: { onConnect: () => void }) {
  const simulator = useSimulatorHere();
  const t = useT().app;
  const [dismissed, setDismissed] = useState(() => loadFlag(DISMISSED_KEY) ?? false);
  if (!simulator || dismissed) return null;
  const dismiss = () => {
    setDismissed(true);
    saveFlag(DISMISSED_KEY, true);
  };
  return (
    <div role="note" className="flex items-center gap-2 border-b border-line bg-warn-surface px-3 py-1 text-xs text-warn">
      <p className="min-w-0 flex-1 truncate" title={t.simulatorNoteTitle}>
        <Template text={t.simulatorNote} slots={{ sim: <strong>{t.simulatorName}</strong> }} />
      </p>
      <button
        type="button"
        onClick={onConnect}
        className="shrink-0 rounded px-1.5 py-0.5 font-medium underline underline-offset-2 hover:bg-warn/10"
      >
        {t.connectBitseek}
      </button>
      <button
        type="button"
        aria-label={t.dismissNote}
        title={t.dismissNote}
        onClick={dismiss}
        className="grid h-6 w-6 shrink-0 place-items-center rounded hover:bg-warn/10"
      >
        <X aria-hidden="true" size={14} />
      </button>
    </div>
  );
}
