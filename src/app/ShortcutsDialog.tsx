import { useT } from '../i18n/useT';
import { Dialog } from '../ui/Dialog';
import { SHORTCUTS } from './shortcuts';

/** Every keyboard shortcut, and tips, opened with ?. */
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
      <h3 className="mt-5 text-sm font-semibold">{t.empty.tips}</h3>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink-muted">
        {[t.empty.tryAsk, t.empty.tryEcho, t.empty.trySearch, t.empty.tryResume, t.empty.tryKeys].map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
    </Dialog>
  );
}
