import { useT } from '../i18n/useT';
import { Dialog } from '../ui/Dialog';
import { SHORTCUTS } from './shortcuts';

/** Every keyboard shortcut, opened with ?. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Dialog open title={t.keys.title} onClose={onClose}>
      <table className="w-full text-sm">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.what} className="border-b border-line last:border-0">
              <td className="py-1.5 pr-4">
                <kbd className="rounded border border-line bg-surface-raised px-1.5 py-0.5 font-mono text-xs">{s.keys}</kbd>
              </td>
              <td className="py-1.5">{t.keys[s.what]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
